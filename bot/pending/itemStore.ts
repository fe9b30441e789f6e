// The status a user gives a pending item ("Afgehandeld": done), kept in the botbuilder Storage under one key per
// item (see bot/state/keys.ts). Marking done is an idempotent overwrite, so two people clicking at once agree;
// reopening deletes the key. 'open' and 'discussed' are not stored: they follow from the reports.
import type { Storage } from 'botbuilder';
import { pendingStatusKey } from '../state/keys';
import type { PendingItem } from './pendingItem';

export interface StoredStatus {
  status: 'done';
  doneAt: string;
  doneBy?: string;
}

export class ItemStore {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stored statuses of the given items, by item id. */
  async statuses(ids: string[]): Promise<Map<string, StoredStatus>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const docs = await this.storage.read(unique.map(pendingStatusKey));
    const result = new Map<string, StoredStatus>();
    for (const id of unique) {
      const doc = docs[pendingStatusKey(id)];
      if (doc?.status === 'done') result.set(id, { status: 'done', doneAt: String(doc.doneAt), ...(doc.doneBy ? { doneBy: String(doc.doneBy) } : {}) });
    }
    return result;
  }

  async markDone(itemId: string, doneBy?: string): Promise<StoredStatus> {
    const status: StoredStatus = { status: 'done', doneAt: this.now().toISOString(), ...(doneBy ? { doneBy } : {}) };
    await this.storage.write({ [pendingStatusKey(itemId)]: { ...status, eTag: '*' } });
    return status;
  }

  /** Undoes markDone: the item is open (or discussed) again. */
  async reopen(itemId: string): Promise<void> {
    await this.storage.delete([pendingStatusKey(itemId)]);
  }

  /** The items with what users decided applied: done items get status 'done', doneAt and doneBy. */
  async withStatus(items: PendingItem[]): Promise<PendingItem[]> {
    const stored = await this.statuses(items.map((i) => i.id));
    return items.map((item) => {
      const s = stored.get(item.id);
      return s ? { ...item, status: 'done', doneAt: s.doneAt, ...(s.doneBy ? { doneBy: s.doneBy } : {}) } : item;
    });
  }
}
