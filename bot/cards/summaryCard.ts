// The Adaptive Card (1.5) posted after each new report, made to fit one screen for a typical report: title and
// date, the first few sections with one key sentence each (a question with its answer), the meeting's pending
// items in date order, and "Toon alles / Show all" (Action.ToggleVisibility) for the other sections and items.
// A pending item that is a section's key sentence is not listed again: its due moment stands under that sentence.
// Buttons to list pending items (verb "pendingList") and to ask a question (verb "ask", text in input "question").
// Kept under Teams' message size limit by shortening sentences, then listing fewer pending items, then leaving out
// the last sections (saying how many).
import type { PendingItem } from '../pending/pendingItem';
import type { Language } from '../shared/language';
import { meetingLabel, type Meeting } from '../corpus/meeting';
import { formatDate } from '../corpus/dates';
import { byDueMoment, dueText, withOwner } from './dueText';
import { keySentence, shortKeySentence } from './keySentence';
import { oneLine, shorten } from '../shared/shorten';
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
    pendingHeader: (n: number) => `Openstaande punten uit dit overleg${n ? ` (${n})` : ''}`,
    pendingHere: 'Openstaand',
    showAll: 'Toon alles',
    showLess: 'Toon minder',
    noPending: 'Geen openstaande punten gevonden.',
    morePending: (n: number) => `… en nog ${n} ${n === 1 ? 'punt' : 'punten'}.`,
    moreSections: (n: number) => `… en nog ${n} ${n === 1 ? 'onderwerp' : 'onderwerpen'} (vraag de samenvatting op voor alles).`,
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
    pendingHeader: (n: number) => `Pending items from this meeting${n ? ` (${n})` : ''}`,
    pendingHere: 'Pending',
    showAll: 'Show all',
    showLess: 'Show less',
    noPending: 'No pending items found.',
    morePending: (n: number) => `… and ${n} more.`,
    moreSections: (n: number) => `… and ${n} more ${n === 1 ? 'topic' : 'topics'} (ask for the summary to see all).`,
    listPending: 'Pending items',
    ask: 'Ask a question',
    questionLabel: 'Your question about the reports',
    placeholder: 'E.g. what was agreed about fireworks?',
    submit: 'Ask',
  },
} as const;


interface Budget {
  sentenceChars: number;
  /** Pending items listed, shown and behind "Toon alles". */
  pendingItems: number;
  /** Sections listed, shown and behind "Toon alles". */
  sections: number;
}

/** What one screen holds of a typical report (measured in test/cards/summaryCard.browser.test.ts). */
export const VISIBLE_SECTIONS = 4;
export const VISIBLE_PENDING = 3;
const IDS = { sections: 'summary-more-sections', pending: 'summary-more-pending', showAll: 'summary-show-all', showLess: 'summary-show-less' };

export function summaryCard(meeting: Meeting, options: SummaryCardOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? CARD_MAX_BYTES;
  const pendingCount = options.pending?.length ?? 0;
  const budgets: Budget[] = [];
  for (const sentenceChars of [160, 120, 60]) budgets.push({ sentenceChars, pendingItems: 10, sections: meeting.sections.length });
  for (const pendingItems of [5, 2]) budgets.push({ sentenceChars: 60, pendingItems, sections: meeting.sections.length });
  for (let sections = meeting.sections.length - 1; sections >= 1; sections--) budgets.push({ sentenceChars: 60, pendingItems: Math.min(2, pendingCount), sections });
  const atSections = keySentenceItems(meeting, options.pending ?? []);
  let card = buildCard(meeting, options, budgets[0], atSections);
  for (const budget of budgets) {
    card = buildCard(meeting, options, budget, atSections);
    if (cardBytes(card) <= maxBytes) return card;
  }
  return card; // only a pathological meeting (one enormous heading) gets here; Teams will refuse it
}

const comparable = (s: string) => oneLine(s).toLowerCase();

/** The pending items that say what a section's key sentence says (so the card need not repeat them), per section:
 *  worked out once per card, not per size budget. */
function keySentenceItems(meeting: Meeting, items: readonly PendingItem[]): PendingItem[][] {
  const own = items.map((item) => comparable(item.title ?? item.text));
  const taken = new Set<number>();
  return meeting.sections.map((section) => {
    const key = comparable(keySentence(section));
    const here: PendingItem[] = [];
    items.forEach((item, i) => {
      if (taken.has(i) || item.section !== section.heading || !own[i] || !key.includes(own[i])) return;
      taken.add(i);
      here.push(item);
    });
    return here;
  });
}

function buildCard(meeting: Meeting, options: SummaryCardOptions, budget: Budget, atSections: PendingItem[][]): AdaptiveCard {
  const language = options.language ?? 'nl';
  const t = LABELS[language];
  const text = textBlock;
  const facts = (item: PendingItem) => withOwner(item.owner, dueText({ ...item, date: meeting.date }, language));

  const header: CardElement[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(meeting.title, { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
    text(t.meetingOf(formatDate(meeting.date, language), meeting.sections.length), { isSubtle: true, spacing: 'Small' }),
  ];
  if (options.updated) header.push(text(t.updated, { color: 'Attention', weight: 'Bolder', spacing: 'Small' }));

  // Items that are a listed section's key sentence stand under it; the others are listed in date order.
  const listed = meeting.sections.slice(0, budget.sections);
  const underSections = new Set(atSections.slice(0, listed.length).flat());
  const items = (options.pending ?? []).filter((item) => !underSections.has(item));
  const sections: CardElement[] = listed.map((section, i) => {
    const here = atSections[i];
    return {
      type: 'Container',
      separator: i > 0 && i !== VISIBLE_SECTIONS,
      spacing: 'Medium',
      items: [
        text(section.heading, { weight: 'Bolder' }),
        text(shortKeySentence(section, budget.sentenceChars), { spacing: 'Small' }),
        ...here.map((item) => text(`${t.pendingHere} · ${facts(item)}`, { isSubtle: true, size: 'Small', spacing: 'None' })),
      ],
    };
  });
  const dropped = meeting.sections.length - listed.length;
  const moreSections = [...sections.slice(VISIBLE_SECTIONS), ...(dropped ? [text(t.moreSections(dropped), { isSubtle: true, separator: true })] : [])];

  items.sort(byDueMoment);
  const pendingLines = items.slice(0, budget.pendingItems).map((item): CardElement => ({
    type: 'Container',
    spacing: 'Small',
    items: [
      text(`• ${shorten(item.title ?? item.text, Math.max(80, budget.sentenceChars))}`, { spacing: 'None' }),
      text(facts(item), { isSubtle: true, size: 'Small', spacing: 'None' }),
    ],
  }));
  if (items.length > budget.pendingItems) pendingLines.push(text(t.morePending(items.length - budget.pendingItems), { isSubtle: true, spacing: 'Small' }));
  const pending: CardElement[] = [text(t.pendingHeader(items.length), { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Large' })];
  if (items.length === 0) pending.push(text(t.noPending, { isSubtle: true, spacing: 'Small' }));
  pending.push(...pendingLines.slice(0, VISIBLE_PENDING));
  const morePending = pendingLines.slice(VISIBLE_PENDING);

  // The rest waits behind "Toon alles"; the button turns into "Toon minder".
  const hidden = [...(moreSections.length ? [IDS.sections] : []), ...(morePending.length ? [IDS.pending] : [])];
  const toggle = (title: string, id: string, isVisible: boolean): CardElement => ({
    type: 'ActionSet', id, isVisible, spacing: 'Medium',
    actions: [{ type: 'Action.ToggleVisibility', title, targetElements: [...hidden, IDS.showAll, IDS.showLess] }],
  });

  // lang: the cards a button brings (pending list, answer) stay in the language of this card.
  const data = { meetingDate: meeting.date, lang: language };
  return adaptiveCard(`${meetingLabel(meeting, language)}: ${meeting.sections.map((s) => s.heading).join('; ')}`, [
    ...header,
    ...sections.slice(0, VISIBLE_SECTIONS),
    ...(moreSections.length ? [{ type: 'Container', id: IDS.sections, isVisible: false, separator: true, spacing: 'Medium', items: moreSections }] : []),
    ...pending,
    ...(morePending.length ? [{ type: 'Container', id: IDS.pending, isVisible: false, spacing: 'Small', items: morePending }] : []),
    ...(hidden.length ? [toggle(t.showAll, IDS.showAll, true), toggle(t.showLess, IDS.showLess, false)] : []),
  ], [{ type: 'Action.Execute', title: t.listPending, verb: CARD_VERBS.pendingList, data }, askQuestionAction(t.ask, t, data)]);
}
