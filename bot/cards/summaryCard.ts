// The Adaptive Card (1.5) posted after each new report: title and date, per section its heading and one key
// sentence, the meeting's pending items, and buttons to list pending items (verb "pendingList") and to ask a
// question (verb "ask", text in input "question"). Kept under Teams' message size limit by shortening
// sentences, then listing fewer pending items, then leaving out the last sections (saying how many).
import type { PendingItem } from '../pending/pendingItem';
import type { Language } from '../shared/language';
import { meetingLabel, type Meeting } from '../corpus/meeting';
import { formatDate } from '../corpus/dates';
import { keySentence } from './keySentence';
import { shorten } from '../shared/shorten';
import { adaptiveCard, askQuestionAction, CARD_MAX_BYTES, cardBytes, CARD_VERBS, textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard';

export interface SummaryCardOptions {
  language?: Language;
  pending?: PendingItem[];
  /** Shown when this card announces a corrected version of a report announced before. */
  updated?: boolean;
  /** Upper bound for the card JSON in bytes (default CARD_MAX_BYTES). */
  maxBytes?: number;
}

const LABELS = {
  nl: {
    kicker: 'Samenvatting na het LOVP',
    meetingOf: (date: string, n: number) => `Vergadering van ${date} · ${n} ${n === 1 ? 'onderwerp' : 'onderwerpen'}`,
    updated: 'Bijgewerkte versie van deze terugkoppeling',
    pendingHeader: 'Openstaande punten uit dit overleg',
    noPending: 'Geen openstaande punten gevonden.',
    morePending: (n: number) => `… en nog ${n} ${n === 1 ? 'punt' : 'punten'}.`,
    moreSections: (n: number) => `… en nog ${n} ${n === 1 ? 'onderwerp' : 'onderwerpen'} (vraag de samenvatting op voor alles).`,
    due: 'uiterlijk',
    noDue: 'geen datum',
    listPending: 'Openstaande punten',
    ask: 'Stel een vraag',
    questionLabel: 'Je vraag over de terugkoppelingen',
    placeholder: 'Bijv. wat is er afgesproken over vuurwerk?',
    submit: 'Vraag',
  },
  en: {
    kicker: 'Summary after the LOVP',
    meetingOf: (date: string, n: number) => `Meeting of ${date} · ${n} ${n === 1 ? 'topic' : 'topics'}`,
    updated: 'Updated version of this report',
    pendingHeader: 'Pending items from this meeting',
    noPending: 'No pending items found.',
    morePending: (n: number) => `… and ${n} more.`,
    moreSections: (n: number) => `… and ${n} more ${n === 1 ? 'topic' : 'topics'} (ask for the summary to see all).`,
    due: 'due',
    noDue: 'no date',
    listPending: 'Pending items',
    ask: 'Ask a question',
    questionLabel: 'Your question about the reports',
    placeholder: 'E.g. what was agreed about fireworks?',
    submit: 'Ask',
  },
} as const;


interface Budget {
  sentenceChars: number;
  pendingItems: number;
  sections: number;
}

export function summaryCard(meeting: Meeting, options: SummaryCardOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? CARD_MAX_BYTES;
  const pendingCount = options.pending?.length ?? 0;
  const budgets: Budget[] = [];
  for (const sentenceChars of [320, 200, 120, 60]) budgets.push({ sentenceChars, pendingItems: 10, sections: meeting.sections.length });
  for (const pendingItems of [5, 2]) budgets.push({ sentenceChars: 60, pendingItems, sections: meeting.sections.length });
  for (let sections = meeting.sections.length - 1; sections >= 1; sections--) budgets.push({ sentenceChars: 60, pendingItems: Math.min(2, pendingCount), sections });
  let card = buildCard(meeting, options, budgets[0]);
  for (const budget of budgets) {
    card = buildCard(meeting, options, budget);
    if (cardBytes(card) <= maxBytes) return card;
  }
  return card; // only a pathological meeting (one enormous heading) gets here; Teams will refuse it
}

function buildCard(meeting: Meeting, options: SummaryCardOptions, budget: Budget): AdaptiveCard {
  const language = options.language ?? 'nl';
  const t = LABELS[language];
  const text = textBlock;

  const header: CardElement[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(meeting.title, { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
    text(t.meetingOf(formatDate(meeting.date, language), meeting.sections.length), { isSubtle: true, spacing: 'Small' }),
  ];
  if (options.updated) header.push(text(t.updated, { color: 'Attention', weight: 'Bolder', spacing: 'Small' }));

  const shown = meeting.sections.slice(0, budget.sections);
  const sections: CardElement[] = shown.map((section, i) => ({
    type: 'Container',
    separator: i > 0,
    spacing: 'Medium',
    items: [
      text(section.heading, { weight: 'Bolder' }),
      text(shorten(keySentence(section), budget.sentenceChars), { spacing: 'Small' }),
    ],
  }));
  if (shown.length < meeting.sections.length) sections.push(text(t.moreSections(meeting.sections.length - shown.length), { isSubtle: true, separator: true }));

  const items = options.pending ?? [];
  const pending: CardElement[] = [text(t.pendingHeader, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Large' })];
  if (items.length === 0) pending.push(text(t.noPending, { isSubtle: true, spacing: 'Small' }));
  for (const item of items.slice(0, budget.pendingItems)) {
    const when = item.due ? `${t.due} ${formatDate(item.due, language)}` : t.noDue;
    const who = item.owner ? `${item.owner} · ` : '';
    pending.push(text(`• ${shorten((item.title ?? item.text).replace(/\s+/g, ' ').trim(), Math.max(80, budget.sentenceChars))}`, { spacing: 'Small' }));
    pending.push(text(`${who}${when}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  if (items.length > budget.pendingItems) pending.push(text(t.morePending(items.length - budget.pendingItems), { isSubtle: true, spacing: 'Small' }));

  // lang: the cards a button brings (pending list, answer) stay in the language of this card.
  const data = { meetingDate: meeting.date, lang: language };
  return adaptiveCard(`${meetingLabel(meeting, language)}: ${meeting.sections.map((s) => s.heading).join('; ')}`, [...header, ...sections, ...pending], [{ type: 'Action.Execute', title: t.listPending, verb: CARD_VERBS.pendingList, data }, askQuestionAction(t.ask, t, data)]);
}
