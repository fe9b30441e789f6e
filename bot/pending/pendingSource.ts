// Where the bot gets its pending items: the tracked items of the reports (trackedPending.ts), or none.
import type { PendingItem } from './pendingItem';

export interface PendingSource {
  /** Items not marked done, by due date (undated last). */
  openItems(): PendingItem[] | Promise<PendingItem[]>;
  /** Marks an item done for everyone; undefined when no current item has that id. */
  markDone?(itemId: string, doneBy?: string): Promise<PendingItem | undefined>;
  /** Undoes markDone ("Heropenen"); undefined when no current item has that id. */
  reopen?(itemId: string): Promise<PendingItem | undefined>;
}

export const noPendingItems: PendingSource = { openItems: () => [] };
