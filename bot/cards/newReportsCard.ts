// One card for several new reports at once (a burst: a folder copied in, a backlog after downtime), instead of
// one summary card each: per meeting its date, number of topics and first headings, with a button that brings
// that meeting's summary card in place (verb "summary"), and the question box. Newest first; at most
// MAX_LISTED meetings, the rest counted.
import type { Language } from '../shared/language';
import { meetingLabel, type Meeting } from '../corpus/meeting';
import { formatDate } from '../corpus/dates';
import { shorten } from '../shared/shorten';
import { SUMMARY_VERB } from './pendingCard';
import { type AdaptiveCard, adaptiveCard, askQuestionAction, textBlock } from './adaptiveCard';

const MAX_LISTED = 15;
const MAX_HEADINGS_CHARS = 160;

const LABELS = {
  nl: {
    kicker: 'Nieuwe terugkoppelingen van het LOVP',
    title: (n: number) => `${n} nieuwe terugkoppelingen`,
    topics: (n: number) => `${n} ${n === 1 ? 'onderwerp' : 'onderwerpen'}`,
    summary: 'Samenvatting',
    more: (n: number) => `… en nog ${n}. Typ **vergaderingen** voor de hele lijst.`,
    ask: 'Stel een vraag',
    questionLabel: 'Je vraag over de terugkoppelingen',
    placeholder: 'Bijv. wat is er afgesproken over vuurwerk?',
    submit: 'Vraag',
  },
  en: {
    kicker: 'New LOVP reports',
    title: (n: number) => `${n} new reports`,
    topics: (n: number) => `${n} ${n === 1 ? 'topic' : 'topics'}`,
    summary: 'Summary',
    more: (n: number) => `… and ${n} more. Type **meetings** for the whole list.`,
    ask: 'Ask a question',
    questionLabel: 'Your question about the reports',
    placeholder: 'E.g. what was agreed about fireworks?',
    submit: 'Ask',
  },
} as const;

export function newReportsCard(meetings: Meeting[], language: Language = 'nl'): AdaptiveCard {
  const t = LABELS[language];
  const newest = [...meetings].sort((a, b) => b.date.localeCompare(a.date));
  const shown = newest.slice(0, MAX_LISTED);
  const text = textBlock;
  const body: Record<string, unknown>[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(t.title(meetings.length), { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
    ...shown.map((meeting, i) => ({
      type: 'Container',
      separator: i > 0,
      spacing: 'Medium',
      items: [
        text(meetingLabel(meeting, language), { weight: 'Bolder' }),
        text(`${t.topics(meeting.sections.length)}: ${shorten(meeting.sections.map((s) => s.heading).join('; '), MAX_HEADINGS_CHARS)}`, { isSubtle: true, spacing: 'Small' }),
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: t.summary, verb: SUMMARY_VERB, data: { meetingDate: meeting.date, lang: language } }] },
      ],
    })),
  ];
  if (newest.length > shown.length) body.push(text(t.more(newest.length - shown.length), { isSubtle: true, separator: true }));
  return adaptiveCard(`${t.title(meetings.length)}: ${newest.map((m) => formatDate(m.date, language)).join(', ')}`, body, [askQuestionAction(t.ask, t, { lang: language })]);
}
