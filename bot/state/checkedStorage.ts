// The bot's Storage, with its health known: it is checked writable before the bot starts (a read-only or
// damaged STATE_DIR stops the start with a clear message instead of failing every subscription later), and
// it remembers whether its last read and its last write failed (a full disk, a damaged state file, an
// unreachable Azure account), which /healthz reports until a read, or a write, succeeds again. A read that
// works says nothing about writing (a full disk still reads). eTag conflicts are not faults.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { isETagConflict } from './eTagConflict';
import { FileStorage } from './fileStorage';

export interface StorageHealth {
  ok: boolean;
  /** What failed last, when the last operation failed. */
  error?: string;
}

export class CheckedStorage implements Storage {
  private readonly failed: { read?: string; write?: string } = {};

  constructor(readonly inner: Storage) {}

  /** Throws with a clear message when the store cannot be written and read back. */
  async checkWritable(): Promise<void> {
    if (this.inner instanceof FileStorage) return this.inner.checkWritable();
    const key = `health/probe/${randomUUID()}`;
    try {
      await this.inner.write({ [key]: { at: new Date().toISOString() } });
      if (!(await this.inner.read([key]))[key]) throw new Error('a probe written could not be read back');
      await this.inner.delete([key]);
    } catch (err) {
      throw new Error(`the state store cannot be written: ${(err as Error).message}`);
    }
  }

  /** Reads (so a state damaged since is seen) and says whether the store works. */
  async health(): Promise<StorageHealth> {
    await this.read(['health/probe']).catch(() => undefined);
    const error = this.failed.write ?? this.failed.read;
    return error ? { ok: false, error } : { ok: true };
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.track('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.track('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.track('write', () => this.inner.delete(keys));
  }

  private async track<T>(kind: 'read' | 'write', operation: () => Promise<T>): Promise<T> {
    try {
      const result = await operation();
      delete this.failed[kind];
      return result;
    } catch (err) {
      if (!isETagConflict(err)) this.failed[kind] = String((err as Error)?.message ?? err).slice(0, 300);
      throw err;
    }
  }
}
