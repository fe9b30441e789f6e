// The real pending items for the bot: extracted from the current reports and tracked through later meetings
// (bot/pending/trackPending.ts), with what users marked done applied from the Storage (bot/pending/itemStore.ts).
// Extraction runs again only when the set of meetings changes (the library replaces its frozen list then), and
// only when someone asks for the items; the bot extracts in a worker thread (offThreadPending.ts).
import type { Meeting } from '../corpus/meeting';
import type { ItemStore } from '../pending/itemStore';
import { byDue, type PendingItem } from '../pending/pendingItem';
import { pendingItems } from '../pending/trackPending';
import type { PendingSource } from './pendingSource';

export type ExtractPending = (meetings: readonly Meeting[]) => PendingItem[] | Promise<PendingItem[]>;

export class TrackedPending implements PendingSource {
  private cache?: { meetings: readonly Meeting[]; items: Promise<PendingItem[]> };

  constructor(
    private readonly meetings: () => readonly Meeting[],
    private readonly store: ItemStore,
    private readonly extract: ExtractPending = (meetings) => pendingItems([...meetings]),
  ) {}

  /** Every item of the reports, status from the reports only ('open' or 'discussed'), report order. */
  fromReports(): Promise<PendingItem[]> {
    const meetings = this.meetings();
    if (this.cache?.meetings !== meetings) {
      const items = Promise.resolve().then(() => this.extract(meetings));
      this.cache = { meetings, items };
      // A failed extraction is tried again by the next caller.
      items.catch(() => {
        if (this.cache?.items === items) this.cache = undefined;
      });
    }
    return this.cache.items;
  }

  /** Every item with the users' 'done' applied. */
  async all(): Promise<PendingItem[]> {
    return this.store.withStatus(await this.fromReports());
  }

  async openItems(): Promise<PendingItem[]> {
    return (await this.all()).filter((item) => item.status !== 'done').sort(byDue);
  }

  /** The open items of one meeting, in report order (for its summary card). */
  async openItemsOf(date: string): Promise<PendingItem[]> {
    const items = (await this.fromReports()).filter((item) => item.date === date);
    return (await this.store.withStatus(items)).filter((item) => item.status !== 'done');
  }

  async markDone(itemId: string, doneBy?: string): Promise<PendingItem | undefined> {
    const item = (await this.fromReports()).find((i) => i.id === itemId);
    if (!item) return undefined;
    const status = await this.store.markDone(itemId, doneBy);
    return { ...item, status: 'done', doneAt: status.doneAt, ...(status.doneBy ? { doneBy: status.doneBy } : {}) };
  }
}
