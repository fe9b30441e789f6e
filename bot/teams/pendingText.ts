// The pending items as plain text: the fallback of the pending-items card and the reply where no card is shown.
import type { Language } from '../shared/language';
import { formatDate } from '../corpus/dates';
import { TEXT } from './messages';
import { shorten } from '../shared/shorten';
import type { PendingItem } from '../pending/pendingItem';

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
