// Where "openstaand" gets its items. The real extractor lives in bot/pending/; the bot only needs this shape,
// so it is injected (bot/composeBot.ts wires the real source, bot/teams/trackedPending.ts).
import type { Language } from '../shared/language';
import { formatDate } from '../corpus/dates';
import { TEXT } from './messages';

import { shorten } from '../shared/shorten';
import type { PendingCardItem } from '../cards/pendingCard';

/** The bot shows pending items as the cards do (bot/cards/pendingCard.ts). */
export type PendingItem = PendingCardItem;

export interface PendingSource {
  /** Items not marked done, by due date (undated last). */
  openItems(): PendingItem[] | Promise<PendingItem[]>;
  /** Marks an item done for everyone; undefined when no current item has that id. */
  markDone?(itemId: string, doneBy?: string): Promise<PendingItem | undefined>;
  /** Undoes markDone ("Heropenen"); undefined when no current item has that id. */
  reopen?(itemId: string): Promise<PendingItem | undefined>;
}

export const noPendingItems: PendingSource = { openItems: () => [] };

const MAX_LISTED = 25;
const MAX_ITEM_CHARS = 240;

export function pendingText(items: PendingItem[], language: Language): string {
  if (items.length === 0) return TEXT.noPending(language);
  const lines = items.slice(0, MAX_LISTED).map((item) => {
    const short = shorten(item.title ?? item.text, MAX_ITEM_CHARS);
    const who = item.owner ? ` (${item.owner})` : '';
    return `- **${item.section}** – ${short}${who} – ${TEXT.due(language, item.due)}; LOVP ${formatDate(item.date, language)}`;
  });
  const more = items.length > MAX_LISTED ? [language === 'nl' ? `… en nog ${items.length - MAX_LISTED}.` : `… and ${items.length - MAX_LISTED} more.`] : [];
  return [TEXT.pendingHeader(language, items.length), lines.join('\n'), ...more].join('\n\n');
}
