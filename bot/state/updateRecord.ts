// The one compare-and-swap update over botbuilder Storage: read a record, change it, write it back with the eTag
// just read; when another writer got there first (an eTag conflict), read again and change again. Storage has no
// create-if-absent, so a record that does not exist yet is created with a blind write ('*').
import type { Storage, StoreItem } from 'botbuilder';
import { isETagConflict } from './eTagConflict';

export interface UpdateOptions<T> {
  /** Tries before giving up with an error (default 50: many instances claiming the same record at once). */
  retries?: number;
  /** Whether a stored item is a record of this kind; one that is not counts as missing. */
  valid?: (item: StoreItem) => boolean;
}

/**
 * Applies `change` to the record at `key` until it is written without a conflict. `change` gets the current record
 * (undefined when there is none), without its eTag, and returns the new one, or undefined to write nothing (it may
 * be called again after a conflict, so it should only compute). Resolves true when it wrote.
 */
export async function updateRecord<T extends object>(storage: Storage, key: string, change: (current: T | undefined) => T | undefined,
  options: UpdateOptions<T> = {}): Promise<boolean> {
  const retries = options.retries ?? 50;
  for (let attempt = 1; ; attempt++) {
    const current = await readRecord<T>(storage, key, options.valid);
    const next = change(current?.record);
    if (next === undefined) return false;
    try {
      await storage.write({ [key]: { ...next, eTag: current?.eTag ?? '*' } });
      return true;
    } catch (err) {
      if (!isETagConflict(err) || attempt >= retries) throw err;
    }
  }
}

/** The record at `key` and its eTag; undefined when missing or not `valid`. */
export async function readRecord<T extends object>(storage: Storage, key: string, valid?: (item: StoreItem) => boolean): Promise<{ record: T; eTag?: string } | undefined> {
  const item = (await storage.read([key]))[key] as (T & StoreItem) | undefined;
  if (!item || typeof item !== 'object' || (valid && !valid(item))) return undefined;
  const { eTag, ...record } = item;
  return { record: record as unknown as T, eTag };
}
