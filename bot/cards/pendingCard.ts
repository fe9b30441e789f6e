// The pending-items card ("openstaand"/"pending", and the "Openstaande punten" button): open items by due date,
// each with an "Afgehandeld"/"Done" button (Action.Execute, verb "pendingDone", data {itemId}), ten per page.
//
// Two views. 'message': the card is a message of its own (the reply to "openstaand"); marking an item done
// replaces that message for everyone, and its `refresh` lets every client fetch the current list when it shows
// the card (Universal Actions). 'inPlace': the list stands in for another card (summary, reminder) for the one
// person who clicked; marking done answers only that person, so the card it stands in for stays for the others.
import { meetingLabel } from '../corpus/meeting';
import { formatDue, type AdaptiveCard, type CardLanguage } from './summaryCard';
import { shorten } from './keySentence';

export const PENDING_VERBS = { list: 'pendingList', done: 'pendingDone' } as const;
/** Shows the summary card of data.meetingDate again (the way back from a list or answer shown in its place). */
export const SUMMARY_VERB = 'summary';
export type PendingView = 'message' | 'inPlace';
export const PAGE_SIZE = 10;
const MAX_ITEM_CHARS = 280;

/** What the card shows of an item (bot/pending/pendingItem.ts has these fields and more). */
export interface PendingCardItem {
  id?: string;
  date: string;
  section: string;
  text: string;
  owner?: string | null;
  due?: string | null;
  status?: string;
  discussedOn?: string;
  discussedIn?: string;
}

export interface PendingCardOptions {
  language?: CardLanguage;
  view?: PendingView;
  /** 0-based page. */
  page?: number;
  /** A line above the list, e.g. what was just marked done. */
  notice?: string;
  /** In place of the summary of this meeting: adds a button back to it. */
  meetingDate?: string;
}

/** The data every action of the card carries, so the next card keeps the view, page and language. */
export interface PendingActionData {
  view?: PendingView;
  page?: number;
  lang?: CardLanguage;
  meetingDate?: string;
  itemId?: string;
}

const LABELS = {
  nl: {
    kicker: 'Openstaande punten',
    title: (n: number) => (n === 1 ? '1 openstaand punt' : `${n} openstaande punten`),
    order: 'Op volgorde van uiterlijke datum; punten zonder datum staan onderaan.',
    none: 'Er zijn geen openstaande punten.',
    done: 'Afgehandeld',
    due: 'uiterlijk',
    noDue: 'geen datum',
    discussed: (meeting: string, heading: string) => `Weer besproken in het ${meeting} (${heading})`,
    page: (from: number, to: number, n: number) => `Punt ${from}–${to} van ${n}`,
    previous: 'Vorige',
    next: 'Volgende',
    back: 'Terug naar de samenvatting',
  },
  en: {
    kicker: 'Pending items',
    title: (n: number) => (n === 1 ? '1 pending item' : `${n} pending items`),
    order: 'By due date; items without a date come last.',
    none: 'There are no pending items.',
    done: 'Done',
    due: 'due',
    noDue: 'no date',
    discussed: (meeting: string, heading: string) => `Discussed again at ${meeting} (${heading})`,
    page: (from: number, to: number, n: number) => `Items ${from}–${to} of ${n}`,
    previous: 'Previous',
    next: 'Next',
    back: 'Back to the summary',
  },
} as const;

type Element = Record<string, unknown>;
const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/** "LOVP 10 februari 2020 · minister · uiterlijk september 2020" */
export function itemFacts(item: PendingCardItem, language: CardLanguage): string {
  const t = LABELS[language];
  const when = item.due ? `${t.due} ${formatDue(item.due, language)}` : t.noDue;
  return [meetingLabel({ date: item.date }, language), item.owner, when].filter(Boolean).join(' · ');
}

/** One item: heading, text, facts, a "discussed again" line when so, and its Done button. */
export function itemContainer(item: PendingCardItem, language: CardLanguage, doneData: PendingActionData): Element {
  const t = LABELS[language];
  const items: Element[] = [
    text(item.section, { weight: 'Bolder' }),
    text(shorten(item.text.replace(/\s+/g, ' ').trim(), MAX_ITEM_CHARS), { spacing: 'Small' }),
    text(itemFacts(item, language), { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  if (item.discussedOn && item.discussedIn) {
    items.push(text(t.discussed(meetingLabel({ date: item.discussedOn }, language), item.discussedIn), { size: 'Small', color: 'Accent', spacing: 'None' }));
  }
  if (item.id) {
    items.push({ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.Execute', title: t.done, verb: PENDING_VERBS.done, data: { ...doneData, itemId: item.id } }] });
  }
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

export function pendingCard(items: PendingCardItem[], options: PendingCardOptions = {}): AdaptiveCard {
  const language = options.language ?? 'nl';
  const view = options.view ?? 'message';
  const t = LABELS[language];
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages - 1);
  const shown = items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const base: PendingActionData = { view, lang: language, ...(options.meetingDate ? { meetingDate: options.meetingDate } : {}) };

  const body: Element[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(items.length ? t.title(items.length) : t.none, { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
  ];
  if (items.length) body.push(text(t.order, { isSubtle: true, spacing: 'Small' }));
  if (options.notice) body.push(text(options.notice, { color: 'Good', weight: 'Bolder', spacing: 'Small' }));
  for (const item of shown) body.push(itemContainer(item, language, { ...base, page }));

  const actions: Element[] = [];
  if (pages > 1) {
    body.push(text(t.page(page * PAGE_SIZE + 1, page * PAGE_SIZE + shown.length, items.length), { isSubtle: true, size: 'Small', separator: true }));
    if (page > 0) actions.push({ type: 'Action.Execute', title: t.previous, verb: PENDING_VERBS.list, data: { ...base, page: page - 1 } });
    if (page < pages - 1) actions.push({ type: 'Action.Execute', title: t.next, verb: PENDING_VERBS.list, data: { ...base, page: page + 1 } });
  }
  if (view === 'inPlace' && options.meetingDate) {
    actions.push({ type: 'Action.Execute', title: t.back, verb: SUMMARY_VERB, data: { meetingDate: options.meetingDate, lang: language } });
  }

  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: pendingFallbackText(shown, items.length, language),
    msteams: { width: 'Full' },
    body,
    actions,
  };
  if (view === 'message') {
    // No userIds: Teams then refreshes automatically for everyone in chats and channels of up to 60 people
    // (userIds: [] would turn automatic refresh off). Larger channels see the message as last updated.
    card.refresh = { action: { type: 'Action.Execute', title: t.kicker, verb: PENDING_VERBS.list, data: { ...base, page } } };
  }
  return card;
}

function pendingFallbackText(shown: PendingCardItem[], total: number, language: CardLanguage): string {
  const t = LABELS[language];
  if (total === 0) return t.none;
  return `${t.title(total)}: ${shown.map((i) => `${i.section} (${i.due ? formatDue(i.due, language) : t.noDue})`).join('; ')}`;
}
