// The pending-items card ("openstaand"/"pending", and the "Openstaande punten" button): the open items grouped as
// overdue / due in the next 30 days / later / no date (bot/pending/dueGroups.ts), ten per page, each named by its
// own words and owner, overdue ones marked. An item a later meeting took up again says so, with what was said
// then, and offers "Sluiten als afgehandeld". Undated items of long ago wait behind "Oudere punten (n)".
// Buttons (Action.Execute): "Afgehandeld"/"Done" (verb "pendingDone", data {itemId}); after it the card names
// the item and offers "Heropenen"/"Reopen" (verb "pendingReopen").
//
// Two views. 'message': the card is a message of its own (the reply to "openstaand"); marking an item done
// replaces that message for everyone, and its `refresh` lets every client fetch the current list when it shows
// the card (Universal Actions). 'inPlace': the list stands in for another card (summary, reminder) for the one
// person who clicked; marking done answers only that person, so the card it stands in for stays for the others.
import type { Language } from '../shared/language';
import { meetingLabel } from '../corpus/meeting';
import { DUE_GROUPS, groupByDue, type DueGroup } from '../pending/dueGroups';
import { formatDate } from '../corpus/dates';
import type { PendingItem } from '../pending/pendingItem';
import { adaptiveCard, type AdaptiveCard, CARD_MAX_BYTES, cardBytes, textBlock, type CardElement } from './adaptiveCard';
import { dueText, withOwner } from './dueText';
import { oneLine, shorten } from '../shared/shorten';

export const PENDING_VERBS = { list: 'pendingList', done: 'pendingDone', reopen: 'pendingReopen' } as const;
/** Shows the summary card of data.meetingDate again (the way back from a list or answer shown in its place). */
export const SUMMARY_VERB = 'summary';
export type PendingView = 'message' | 'inPlace';
export const PAGE_SIZE = 10;
/** Older undated items listed behind their button; the rest are a click further ("Alle oudere punten"). */
export const OLDER_LISTED = 10;
const TITLE_CHARS = 140;
const TEXT_CHARS = 600;
const QUOTE_CHARS = 200;

export interface PendingCardOptions {
  language?: Language;
  view?: PendingView;
  /** 0-based page. */
  page?: number;
  /** YYYY-MM-DD: what is overdue and what is soon is counted from this day (default: today in UTC). */
  today?: string;
  /** Undated items of meetings more than this many months back wait behind "Oudere punten" (default 12). */
  oldMonths?: number;
  /** Only the older undated items (the "Alle oudere punten" button). */
  older?: boolean;
  /** A line above the list, e.g. what was just marked done. */
  notice?: string;
  /** With the notice: the item just closed, offered for reopening. */
  undoItemId?: string;
  /** In place of the summary of this meeting: adds a button back to it. */
  meetingDate?: string;
}

/** The data every action of the card carries, so the next card keeps the view, page and language. */
export interface PendingActionData {
  view?: PendingView;
  page?: number;
  lang?: Language;
  meetingDate?: string;
  itemId?: string;
  older?: boolean;
}

const LABELS = {
  nl: {
    kicker: 'Openstaande punten',
    olderKicker: 'Oudere openstaande punten zonder datum',
    title: (n: number) => (n === 1 ? '1 openstaand punt' : `${n} openstaande punten`),
    none: 'Er zijn geen openstaande punten.',
    groups: { overdue: 'Over de datum', soon: 'Binnen 30 dagen', later: 'Later', undated: 'Zonder datum' } as Record<DueGroup, string>,
    counts: (parts: string[]) => parts.join(' · '),
    older: (n: number) => `Oudere punten (${n})`,
    olderNote: (months: number) => `Zonder datum en uit een overleg van meer dan ${months} maanden geleden.`,
    allOlder: (n: number) => `Alle ${n} oudere punten`,
    moreOlder: (n: number) => `… en nog ${n} oudere punten.`,
    done: 'Afgehandeld',
    closeHandled: 'Sluiten als afgehandeld',
    reopen: 'Heropenen',
    showText: 'Tekst',
    due: 'uiterlijk',
    noDue: 'geen datum',
    overdue: (due: string) => `Over de datum (uiterlijk ${due})`,
    discussed: (meeting: string, heading: string) => `Weer besproken in het ${meeting} (${heading})`,
    page: (from: number, to: number, n: number) => `Punt ${from}–${to} van ${n}`,
    previous: 'Vorige',
    next: 'Volgende',
    back: 'Terug naar de samenvatting',
    backToList: 'Terug naar de lijst',
  },
  en: {
    kicker: 'Pending items',
    olderKicker: 'Older pending items without a date',
    title: (n: number) => (n === 1 ? '1 pending item' : `${n} pending items`),
    none: 'There are no pending items.',
    groups: { overdue: 'Overdue', soon: 'Within 30 days', later: 'Later', undated: 'No date' } as Record<DueGroup, string>,
    counts: (parts: string[]) => parts.join(' · '),
    older: (n: number) => `Older items (${n})`,
    olderNote: (months: number) => `No date, from a meeting more than ${months} months ago.`,
    allOlder: (n: number) => `All ${n} older items`,
    moreOlder: (n: number) => `… and ${n} more older items.`,
    done: 'Done',
    closeHandled: 'Close as handled',
    reopen: 'Reopen',
    showText: 'Text',
    due: 'due',
    noDue: 'no date',
    overdue: (due: string) => `Overdue (due ${due})`,
    discussed: (meeting: string, heading: string) => `Discussed again at ${meeting} (${heading})`,
    page: (from: number, to: number, n: number) => `Items ${from}–${to} of ${n}`,
    previous: 'Previous',
    next: 'Next',
    back: 'Back to the summary',
    backToList: 'Back to the list',
  },
} as const;


const text = textBlock;

/** "minister · uiterlijk september 2020 · LOVP 10 februari 2020 · Jaarwisseling" */
export function itemFacts(item: PendingItem, language: Language, group?: DueGroup): string {
  const t = LABELS[language];
  const when = item.due ? (group === 'overdue' ? '' : `${t.due} ${formatDate(item.due, language)}`) : dueText(item, language);
  return [withOwner(item.owner, when), meetingLabel({ date: item.date }, language), item.section].filter(Boolean).join(' · ');
}

/**
 * One item: its name in its own words, who and when, "over de datum" when so, where it came back with what was
 * said there, and its buttons (done, and the full text on request). `group` marks overdue items.
 */
export function itemContainer(item: PendingItem, language: Language, doneData: PendingActionData, group?: DueGroup, withText = true): CardElement {
  const t = LABELS[language];
  const items: CardElement[] = [
    text(shorten(oneLine(item.title ?? item.text), TITLE_CHARS), { weight: 'Bolder' }),
    text(itemFacts(item, language, group), { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  if (group === 'overdue' && item.due) items.push(text(t.overdue(formatDate(item.due, language)), { color: 'Attention', weight: 'Bolder', size: 'Small', spacing: 'None' }));
  if (item.discussedOn && item.discussedIn) {
    items.push(text(t.discussed(meetingLabel({ date: item.discussedOn }, language), item.discussedIn), { size: 'Small', color: 'Accent', spacing: 'Small' }));
    if (item.discussedQuote) items.push(text(`“${shorten(oneLine(item.discussedQuote), QUOTE_CHARS)}”`, { size: 'Small', isSubtle: true, spacing: 'None' }));
  }
  const actions: CardElement[] = [];
  if (item.id) {
    const title = item.discussedOn ? t.closeHandled : t.done;
    actions.push({ type: 'Action.Execute', title, verb: PENDING_VERBS.done, data: { ...doneData, itemId: item.id } });
  }
  const full = oneLine(item.text);
  if (withText && item.id && full !== oneLine(item.title ?? '')) {
    // The whole passage (with the sentence it leans on) on request, so the list stays short.
    const id = `text-${item.id}`;
    items.push(text(shorten(full, TEXT_CHARS), { id, isVisible: false, size: 'Small', spacing: 'Small' }));
    actions.push({ type: 'Action.ToggleVisibility', title: t.showText, targetElements: [id] });
  }
  if (actions.length) items.push({ type: 'ActionSet', spacing: 'Small', actions });
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

function groupHeader(group: DueGroup, count: number, language: Language): CardElement {
  const color = group === 'overdue' ? 'Attention' : group === 'soon' ? 'Warning' : 'Default';
  return text(`${LABELS[language].groups[group]} (${count})`, { weight: 'Bolder', size: 'Medium', color, spacing: 'Large' });
}

/** How much a card holds: the full texts on request, and how many older items unfold. */
interface Budget {
  withText: boolean;
  olderListed: number;
}

const BUDGETS: Budget[] = [
  { withText: true, olderListed: OLDER_LISTED },
  { withText: false, olderListed: OLDER_LISTED },
  { withText: false, olderListed: 3 },
  { withText: false, olderListed: 0 },
];

/** The card within Teams' size limit: the full texts go first, then older items unfolded in place. */
export function pendingCard(items: PendingItem[], options: PendingCardOptions = {}): AdaptiveCard {
  let card = buildCard(items, options, BUDGETS[0]);
  for (const budget of BUDGETS.slice(1)) {
    if (cardBytes(card) <= CARD_MAX_BYTES) break;
    card = buildCard(items, options, budget);
  }
  return card;
}

function buildCard(items: PendingItem[], options: PendingCardOptions, budget: Budget): AdaptiveCard {
  const language = options.language ?? 'nl';
  const view = options.view ?? 'message';
  const t = LABELS[language];
  const oldMonths = options.oldMonths ?? 12;
  const grouped = groupByDue(items, { today: options.today ?? new Date().toISOString().slice(0, 10), oldMonths });
  // The list the pages go through: the four groups in order, or only the older undated items.
  const listed: { item: PendingItem; group: DueGroup }[] = options.older
    ? grouped.older.map((item) => ({ item, group: 'undated' as const }))
    : DUE_GROUPS.flatMap((group) => grouped[group].map((item) => ({ item, group })));
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pages - 1);
  const shown = listed.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  // What the title counts, and the text copy with it: every open item (the folded older ones too), or the older ones.
  const total = options.older ? grouped.older.length : items.length;
  const base: PendingActionData = { view, lang: language, ...(options.meetingDate ? { meetingDate: options.meetingDate } : {}), ...(options.older ? { older: true } : {}) };

  const body: CardElement[] = [
    text(options.older ? t.olderKicker : t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(items.length ? t.title(total) : t.none, { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
  ];
  if (!options.older && items.length) {
    const counts = DUE_GROUPS.filter((g) => grouped[g].length).map((g) => `${t.groups[g]}: ${grouped[g].length}`);
    if (grouped.older.length) counts.push(t.older(grouped.older.length));
    body.push(text(t.counts(counts), { isSubtle: true, spacing: 'Small' }));
  }
  if (options.older) body.push(text(t.olderNote(oldMonths), { isSubtle: true, spacing: 'Small' }));
  if (options.notice) {
    body.push(text(options.notice, { color: 'Good', weight: 'Bolder', spacing: 'Small' }));
    if (options.undoItemId) body.push({ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.Execute', title: t.reopen, verb: PENDING_VERBS.reopen, data: { ...base, page, itemId: options.undoItemId } }] });
  }
  let current: DueGroup | undefined;
  for (const { item, group } of shown) {
    if (group !== current && !options.older) body.push(groupHeader(group, grouped[group].length, language));
    current = group;
    body.push(itemContainer(item, language, { ...base, page }, group, budget.withText));
  }
  if (!options.older && grouped.older.length) body.push(...olderItems(grouped.older, language, base, budget));

  const actions: CardElement[] = [];
  if (pages > 1) {
    body.push(text(t.page(page * PAGE_SIZE + 1, page * PAGE_SIZE + shown.length, listed.length), { isSubtle: true, size: 'Small', separator: true }));
    if (page > 0) actions.push({ type: 'Action.Execute', title: t.previous, verb: PENDING_VERBS.list, data: { ...base, page: page - 1 } });
    if (page < pages - 1) actions.push({ type: 'Action.Execute', title: t.next, verb: PENDING_VERBS.list, data: { ...base, page: page + 1 } });
  }
  if (options.older) {
    const { older: _older, ...main } = base;
    actions.push({ type: 'Action.Execute', title: t.backToList, verb: PENDING_VERBS.list, data: { ...main, page: 0 } });
  }
  if (view === 'inPlace' && options.meetingDate) {
    actions.push({ type: 'Action.Execute', title: t.back, verb: SUMMARY_VERB, data: { meetingDate: options.meetingDate, lang: language } });
  }

  const card = adaptiveCard(pendingFallbackText(shown.map((s) => s.item), total, language), body, actions);
  if (view === 'message') {
    // No userIds: Teams then refreshes automatically for everyone in chats and channels of up to 60 people
    // (userIds: [] would turn automatic refresh off). Larger channels see the message as last updated.
    card.refresh = { action: { type: 'Action.Execute', title: t.kicker, verb: PENDING_VERBS.list, data: { ...base, page } } };
  }
  return card;
}

/** "Oudere punten (n)": a button that unfolds the newest older items; the rest a click further. */
function olderItems(older: PendingItem[], language: Language, base: PendingActionData, budget: Budget): CardElement[] {
  const t = LABELS[language];
  const id = 'older-items';
  const listed = older.slice(0, budget.olderListed);
  const inside: CardElement[] = listed.map((item) => itemContainer(item, language, { ...base, page: 0 }, 'undated', false));
  if (older.length > listed.length) {
    inside.push(text(t.moreOlder(older.length - listed.length), { isSubtle: true, spacing: 'Small' }));
    inside.push({ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: t.allOlder(older.length), verb: PENDING_VERBS.list, data: { ...base, page: 0, older: true } }] });
  }
  return [
    { type: 'ActionSet', separator: true, spacing: 'Large', actions: [{ type: 'Action.ToggleVisibility', title: t.older(older.length), targetElements: [id] }] },
    { type: 'Container', id, isVisible: false, items: inside },
  ];
}

function pendingFallbackText(shown: PendingItem[], total: number, language: Language): string {
  const t = LABELS[language];
  if (total === 0) return t.none;
  return `${t.title(total)}: ${shown.map((i) => `${shorten(oneLine(i.title ?? i.text), 60)} (${i.due ? formatDate(i.due, language) : t.noDue})`).join('; ')}`;
}
