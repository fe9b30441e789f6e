// The real pending items for the bot: a PendingTracker kept in step with the report library (bot/pending/
// pendingTracker.ts), with what users decided applied from the Storage (bot/pending/itemStore.ts). The tracker
// catches up in slices, so the first "openstaand" after a start waits for it without stopping other answers,
// and a new report only adds its own items and comparisons.
import type { Meeting } from '../corpus/meeting';
import type { ItemStore } from './itemStore';
import { byDue, type PendingItem } from './pendingItem';
import { PendingTracker, type TrackerOptions } from './pendingTracker';
import type { PendingSource } from './pendingSource';

export class TrackedPending implements PendingSource {
  private readonly tracker: PendingTracker;

  constructor(
    private readonly meetings: () => readonly Meeting[],
    private readonly store: ItemStore,
    options: TrackerOptions = {},
  ) {
    this.tracker = new PendingTracker(options);
  }

  /** Every item of the reports, status from the reports only ('open' or 'discussed'), report order. */
  fromReports(): Promise<readonly PendingItem[]> {
    return this.tracker.sync(this.meetings());
  }

  /** Every item with the users' 'done' applied. */
  async all(): Promise<PendingItem[]> {
    return this.store.withStatus([...(await this.fromReports())]);
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

  /** Undoes markDone; the item as the reports have it again, or undefined when no current item has that id. */
  async reopen(itemId: string): Promise<PendingItem | undefined> {
    const item = (await this.fromReports()).find((i) => i.id === itemId);
    if (!item) return undefined;
    await this.store.reopen(itemId);
    return item;
  }
}
