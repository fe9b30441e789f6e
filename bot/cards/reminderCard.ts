// The reminder posted by the scheduler (bot/pending/reminders.ts): the items that are overdue or due soon, drawn
// as in the pending list (their own words and owner, overdue marked, where they came back), each with its
// "Afgehandeld"/"Done" button, and a button for the whole list. Clicking either shows the pending list in place
// of the reminder for the person who clicked (the reminder itself stays for the others).
import type { Language } from '../shared/language';
import { adaptiveCard, type AdaptiveCard, CARD_MAX_BYTES, cardBytes, textBlock } from './adaptiveCard';
import { shorten } from '../shared/shorten';
import type { ReminderItem } from '../pending/reminders';
import { itemContainer, PENDING_VERBS, type PendingActionData } from './pendingCard';

const LABELS = {
  nl: {
    kicker: 'Herinnering',
    title: (n: number) => (n === 1 ? '1 openstaand punt vraagt aandacht' : `${n} openstaande punten vragen aandacht`),
    overdue: 'Over de datum',
    dueSoon: 'Binnenkort aan de beurt',
    more: (n: number) => `… en nog ${n}; zie alle openstaande punten.`,
    all: 'Alle openstaande punten',
  },
  en: {
    kicker: 'Reminder',
    title: (n: number) => (n === 1 ? '1 pending item needs attention' : `${n} pending items need attention`),
    overdue: 'Past the due date',
    dueSoon: 'Due soon',
    more: (n: number) => `… and ${n} more; see all pending items.`,
    all: 'All pending items',
  },
} as const;

const MAX_LISTED = 15;

export function reminderCard(items: ReminderItem[], language: Language = 'nl', maxBytes = CARD_MAX_BYTES): AdaptiveCard {
  let card = build(items, language, Math.min(items.length, MAX_LISTED));
  for (let listed = Math.min(items.length, MAX_LISTED) - 1; listed >= 1 && cardBytes(card) > maxBytes; listed--) card = build(items, language, listed);
  return card;
}

function build(items: ReminderItem[], language: Language, listed: number): AdaptiveCard {
  const t = LABELS[language];
  const data: PendingActionData = { view: 'inPlace', lang: language };
  const text = textBlock;
  const shown = items.slice(0, listed);
  const body: Record<string, unknown>[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(t.title(items.length), { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
  ];
  for (const phase of ['overdue', 'due-soon'] as const) {
    const group = shown.filter((i) => i.phase === phase);
    if (group.length === 0) continue;
    body.push(text(phase === 'overdue' ? t.overdue : t.dueSoon, { weight: 'Bolder', size: 'Medium', color: phase === 'overdue' ? 'Attention' : 'Warning', spacing: 'Large' }));
    for (const item of group) body.push(itemContainer(item, language, data, phase === 'overdue' ? 'overdue' : 'soon'));
  }
  if (items.length > listed) body.push(text(t.more(items.length - listed), { isSubtle: true, separator: true }));
  return adaptiveCard(`${t.title(items.length)}: ${shown.map((i) => shorten((i.title ?? i.text).replace(/\s+/g, ' '), 60)).join('; ')}`, body, [{ type: 'Action.Execute', title: t.all, verb: PENDING_VERBS.list, data }]);
}
