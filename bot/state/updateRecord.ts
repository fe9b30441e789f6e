// The one compare-and-swap update over botbuilder Storage: read a record, change it, write it back with the eTag
// just read; when another writer got there first (an eTag conflict), read again and change again. Storage has no
// create-if-absent, so a record that does not exist yet is created with a blind write ('*').
import type { Storage, StoreItem } from 'botbuilder';

const RETRIES = 10;

/** The eTag conflict of MemoryStorage, FileStorage ("eTag conflict") and BlobsStorage (412 Precondition Failed). */
export function isETagConflict(err: unknown): boolean {
  const e = err as { statusCode?: number; code?: string; message?: string } | undefined;
  return e?.statusCode === 412 || e?.code === 'PreconditionFailed' || /etag conflict|precondition/i.test(e?.message ?? String(err));
}

/**
 * Applies `change` to the record at `key` until it is written without a conflict. `change` gets the current record
 * (undefined when there is none) and returns the new one, or undefined to write nothing. Resolves with what was
 * written (or left).
 */
export async function updateRecord<T extends object>(storage: Storage, key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = (await storage.read([key]))[key] as (T & StoreItem) | undefined;
    const next = change(current ? withoutETag(current) : undefined);
    if (next === undefined) return current ? withoutETag(current) : undefined;
    try {
      await storage.write({ [key]: { ...next, eTag: current?.eTag ?? '*' } });
      return next;
    } catch (err) {
      if (!isETagConflict(err) || attempt >= RETRIES) throw err;
    }
  }
}

function withoutETag<T extends object>(item: T & StoreItem): T {
  const { eTag: _eTag, ...rest } = item;
  return rest as T;
}
