// The real pending items for the bot: extracted from the current reports and tracked through later meetings
// (bot/pending/trackPending.ts), with what users marked done applied from the Storage (bot/pending/itemStore.ts).
// Extraction runs again only when the set of meetings changes (the library replaces its frozen list then).
import type { Meeting } from '../corpus/meeting';
import type { ItemStore } from '../pending/itemStore';
import { byDue, type PendingItem } from '../pending/pendingItem';
import { pendingItems } from '../pending/trackPending';
import type { PendingSource } from './pendingSource';

export class TrackedPending implements PendingSource {
  private cache?: { meetings: readonly Meeting[]; items: PendingItem[] };

  constructor(
    private readonly meetings: () => readonly Meeting[],
    private readonly store: ItemStore,
  ) {}

  /** Every item of the reports, status from the reports only ('open' or 'discussed'), report order. */
  fromReports(): PendingItem[] {
    const meetings = this.meetings();
    if (this.cache?.meetings !== meetings) this.cache = { meetings, items: pendingItems([...meetings]) };
    return this.cache.items;
  }

  /** Every item with the users' 'done' applied. */
  all(): Promise<PendingItem[]> {
    return this.store.withStatus(this.fromReports());
  }

  async openItems(): Promise<PendingItem[]> {
    return (await this.all()).filter((item) => item.status !== 'done').sort(byDue);
  }

  /** The open items of one meeting, in report order (for its summary card). */
  async openItemsOf(date: string): Promise<PendingItem[]> {
    const items = this.fromReports().filter((item) => item.date === date);
    return (await this.store.withStatus(items)).filter((item) => item.status !== 'done');
  }

  async markDone(itemId: string, doneBy?: string): Promise<PendingItem | undefined> {
    const item = this.fromReports().find((i) => i.id === itemId);
    if (!item) return undefined;
    const status = await this.store.markDone(itemId, doneBy);
    return { ...item, status: 'done', doneAt: status.doneAt, ...(status.doneBy ? { doneBy: status.doneBy } : {}) };
  }
}
