// Pending items for card tests: the real shape (bot/pending/pendingItem.ts), filled in where a test only cares
// about some of its fields.
import type { PendingItem } from '../../bot/pending/pendingItem';

let next = 0;

export function pendingItem(fields: Partial<PendingItem> & Pick<PendingItem, 'text'>): PendingItem {
  return { id: `test-item-${++next}`, date: '2020-02-10', section: 'Jaarwisseling', owner: null, due: null, status: 'open', ...fields };
}
