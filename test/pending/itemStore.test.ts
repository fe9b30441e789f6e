import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { ItemStore } from '../../bot/pending/itemStore';
import { pendingItemId, type PendingItem } from '../../bot/pending/pendingItem';
import { pendingStatusKey } from '../../bot/state/keys';

const item = (section: string, text: string, status: PendingItem['status'] = 'open'): PendingItem => ({
  id: pendingItemId('2021-02-01', section, text), date: '2021-02-01', section, text, owner: null, due: '2021-06', status,
});

describe('ItemStore: item status kept in botbuilder Storage', () => {
  const clock = () => new Date('2021-02-03T10:00:00Z');

  it('marks an item done (with who and when), survives a new store on the same storage, and reopens', async () => {
    const storage = new MemoryStorage();
    const a = item('Jaarwisseling', 'De evaluatie komt in juni terug.');
    const b = item('Bodycams', 'De korpschef zal na de zomer rapporteren.', 'discussed');
    await new ItemStore(storage, clock).markDone(a.id, 'Petra de Vries');
    const restarted = new ItemStore(storage, clock);
    const [doneA, stillB] = await restarted.withStatus([a, b]);
    assert.equal(doneA.status, 'done');
    assert.equal(doneA.doneAt, '2021-02-03T10:00:00.000Z');
    assert.equal(doneA.doneBy, 'Petra de Vries');
    assert.equal(stillB.status, 'discussed', 'discussed stays shown as discussed until someone closes it');
    const stored = await storage.read([pendingStatusKey(a.id)]);
    assert.equal(stored[pendingStatusKey(a.id)].status, 'done');
    await restarted.reopen(a.id);
    assert.equal((await restarted.withStatus([a]))[0].status, 'open');
  });

  it('lets two people mark the same item done at once without an error', async () => {
    const storage = new MemoryStorage();
    const a = item('Jaarwisseling', 'De evaluatie komt in juni terug.');
    await Promise.all([new ItemStore(storage, clock).markDone(a.id, 'Petra'), new ItemStore(storage, clock).markDone(a.id, 'Jan')]);
    assert.equal((await new ItemStore(storage).statuses([a.id])).get(a.id)?.status, 'done');
  });
});
