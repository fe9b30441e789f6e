// The answer to a question asked on a card (the "Stel een vraag" box of the summary card, verb "ask"): the
// question, then each quote with its source (meeting date and section) numbered [1], [2], ..., a box to ask
// another question, and, when asked from a summary, a button back to it. Cards cannot carry Teams' citation
// entity, so the sources are written out under each quote.
import type { Language } from '../shared/language';
import { meetingLabel } from '../corpus/meeting';
import { shorten } from '../shared/shorten';
import { type AdaptiveCard, adaptiveCard, askQuestionAction, textBlock } from './adaptiveCard';
import { SUMMARY_VERB } from './pendingCard';

export interface CardAnswer {
  date: string;
  section: string;
  quote: string;
}

const LABELS = {
  nl: {
    kicker: 'Antwoord uit de bestuurlijke terugkoppelingen',
    none: 'Ik heb hierover niets gevonden in de bestuurlijke terugkoppelingen van het LOVP. Probeer andere woorden.',
    again: 'Nog een vraag',
    questionLabel: 'Je vraag over de terugkoppelingen',
    placeholder: 'Bijv. wat is er afgesproken over vuurwerk?',
    submit: 'Vraag',
    back: 'Terug naar de samenvatting',
  },
  en: {
    kicker: 'Answer from the LOVP reports (quoted in Dutch)',
    none: 'I found nothing about this in the LOVP reports. Try other words.',
    again: 'Another question',
    questionLabel: 'Your question about the reports',
    placeholder: 'E.g. what was agreed about fireworks?',
    submit: 'Ask',
    back: 'Back to the summary',
  },
} as const;

const MAX_QUESTION_CHARS = 300;
const MAX_QUOTE_CHARS = 600;

export function answerCard(question: string, answers: CardAnswer[], options: { language?: Language; meetingDate?: string } = {}): AdaptiveCard {
  const language = options.language ?? 'nl';
  const t = LABELS[language];
  const text = textBlock;
  const data = { lang: language, ...(options.meetingDate ? { meetingDate: options.meetingDate } : {}) };
  const body: Record<string, unknown>[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(`“${shorten(question, MAX_QUESTION_CHARS)}”`, { size: 'Medium', weight: 'Bolder', spacing: 'Small' }),
  ];
  if (answers.length === 0) body.push(text(t.none, { spacing: 'Medium' }));
  answers.forEach((answer, i) => {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        text(`[${i + 1}] ${meetingLabel({ date: answer.date }, language)} – ${answer.section}`, { weight: 'Bolder' }),
        text(`“${shorten(answer.quote, MAX_QUOTE_CHARS)}”`, { spacing: 'Small' }),
      ],
    });
  });
  const actions: Record<string, unknown>[] = [
    askQuestionAction(t.again, t, data),
  ];
  if (options.meetingDate) actions.push({ type: 'Action.Execute', title: t.back, verb: SUMMARY_VERB, data: { meetingDate: options.meetingDate, lang: language } });
  return adaptiveCard(answers.length ? answers.map((a, i) => `[${i + 1}] ${meetingLabel({ date: a.date }, language)} – ${a.section}: ${a.quote}`).join('\n') : t.none, body, actions);
}
