// One set of Storage contract tests, run against every store the bot can use (files on disk, Azure Blob
// storage through Azurite), so they behave alike for the code that relies on eTags.
import assert from 'node:assert/strict';
import type { Storage } from 'botbuilder';

export interface StorageBackend {
  /** A new store instance on the same backing data, as after a restart or in a second bot instance. */
  open(): Storage;
}

const conflict = /eTag conflict/;

/** Read-modify-write with eTag, retried on conflict: the pattern the bot uses for shared records. */
export async function increment(storage: Storage, key: string, who: string): Promise<number> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const current = (await storage.read([key]))[key];
    if (!current?.eTag) throw new Error(`increment: "${key}" must exist first (creating is not conditional)`);
    try {
      await storage.write({ [key]: { ...current, count: current.count + 1, by: [...current.by, who] } });
      return attempt;
    } catch (err) {
      if (!conflict.test((err as Error).message)) throw err;
    }
  }
  throw new Error('increment: too many conflicts');
}

export function storageContract(label: string, newBackend: () => Promise<StorageBackend>): void {
  describe(`Storage contract: ${label}`, () => {
    let backend: StorageBackend;
    let store: Storage;
    beforeEach(async () => {
      backend = await newBackend();
      store = backend.open();
    });

    it('reads nothing for keys never written', async () => {
      assert.deepEqual(await store.read(['missing', 'also/missing']), {});
    });

    it('returns what was written, with an eTag, also to a new instance (restart)', async () => {
      const key = 'msteams/conversations/19:abc@thread.tacv2;messageid=1700000000000';
      await store.write({ [key]: { name: 'Jaarwisseling – vuurwerk “knal”', nested: { list: [1, 2, 3] } }, plain: { n: 1 } });
      const read = await store.read([key, 'plain', 'missing']);
      assert.deepEqual(Object.keys(read).sort(), [key, 'plain'].sort());
      assert.equal(read[key].name, 'Jaarwisseling – vuurwerk “knal”');
      assert.deepEqual(read[key].nested, { list: [1, 2, 3] });
      assert.equal(typeof read[key].eTag, 'string');
      const restarted = backend.open();
      const again = await restarted.read([key]);
      assert.deepEqual(again[key], read[key]);
    });

    it('hands out copies: changing a read item does not change the store', async () => {
      await store.write({ item: { list: ['a'] } });
      const first = await store.read(['item']);
      first.item.list.push('b');
      assert.deepEqual((await store.read(['item'])).item.list, ['a']);
    });

    it('accepts a write with the current eTag and gives the item a new eTag', async () => {
      await store.write({ item: { v: 1 } });
      const { item } = await store.read(['item']);
      await store.write({ item: { ...item, v: 2 } });
      const after = (await store.read(['item'])).item;
      assert.equal(after.v, 2);
      assert.notEqual(after.eTag, item.eTag);
    });

    it('refuses a write with a stale eTag and keeps the newer data', async () => {
      await store.write({ item: { v: 1 } });
      const stale = (await store.read(['item'])).item;
      await store.write({ item: { ...stale, v: 2 } });
      await assert.rejects(store.write({ item: { ...stale, v: 3 } }), conflict);
      assert.equal((await store.read(['item'])).item.v, 2);
    });

    it('overwrites unconditionally without an eTag or with "*"', async () => {
      await store.write({ item: { v: 1 } });
      await store.write({ item: { v: 2 } });
      await store.write({ item: { v: 3, eTag: '*' } });
      assert.equal((await store.read(['item'])).item.v, 3);
    });

    it('deletes items, ignores keys that do not exist, and a new instance sees the deletion', async () => {
      await store.write({ a: { v: 1 }, b: { v: 2 } });
      await store.delete(['a', 'never-written']);
      assert.deepEqual(Object.keys(await store.read(['a', 'b'])), ['b']);
      assert.deepEqual(await backend.open().read(['a']), {});
    });

    it('treats an eTag for an item that was deleted as a conflict', async () => {
      await store.write({ item: { v: 1 } });
      const old = (await store.read(['item'])).item;
      await store.delete(['item']);
      await assert.rejects(store.write({ item: { ...old, v: 2 } }), conflict);
      assert.deepEqual(await store.read(['item']), {});
    });

    it('lets exactly one of two instances claim an item read with the same eTag', async () => {
      await store.write({ reminder: { sentBy: null } });
      const a = backend.open();
      const b = backend.open();
      const [fromA, fromB] = await Promise.all([a.read(['reminder']), b.read(['reminder'])]);
      const results = await Promise.allSettled([
        a.write({ reminder: { ...fromA.reminder, sentBy: 'a' } }),
        b.write({ reminder: { ...fromB.reminder, sentBy: 'b' } }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.match(String(rejected.reason), conflict);
      const winner = results[0].status === 'fulfilled' ? 'a' : 'b';
      assert.equal((await store.read(['reminder'])).reminder.sentBy, winner);
    });

    it('loses no update when two instances increment the same record concurrently', async () => {
      const a = backend.open();
      const b = backend.open();
      const perInstance = 15;
      await store.write({ counter: { count: 0, by: [] } });
      await Promise.all([
        (async () => { for (let i = 0; i < perInstance; i++) await increment(a, 'counter', 'a'); })(),
        (async () => { for (let i = 0; i < perInstance; i++) await increment(b, 'counter', 'b'); })(),
      ]);
      const { counter } = await backend.open().read(['counter']);
      assert.equal(counter.count, 2 * perInstance);
      assert.equal(counter.by.filter((w: string) => w === 'a').length, perInstance);
    });
  });
}
