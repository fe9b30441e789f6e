import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage, type ConversationReference, type Storage, type StoreItems } from 'botbuilder';
import { duePhase, localDay } from '../../bot/pending/dueWindow';
import { ItemStore } from '../../bot/pending/itemStore';
import { pendingItemId, type PendingItem } from '../../bot/pending/pendingItem';
import { ReminderLedger } from '../../bot/pending/reminderLedger';
import { itemsToRemind, ReminderScheduler, type ReminderItem, type ReminderSubscription } from '../../bot/pending/reminders';
import { FileStorage } from '../../bot/state/fileStorage';
import { reminderLedgerKey } from '../../bot/state/keys';
import { SubscriptionStore } from '../../bot/notify/subscriptions';

/**
 * A clock the test moves; sleeping moves it too (as if the time had passed) and lets other work run. With
 * `realWaitMs`, a sleep also waits that long for real, so storage I/O in flight lands, as it would within the
 * seconds the ledger really waits (reminderLedger.ts relies on a blind write following its read that closely).
 */
class FakeClock {
  constructor(private t: number, private readonly realWaitMs = 0) {}
  now = () => new Date(this.t);
  set(iso: string) {
    this.t = Date.parse(iso);
  }
  sleeps: number[] = [];
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
    if (this.realWaitMs) await new Promise((resolve) => setTimeout(resolve, this.realWaitMs));
    else for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
  };
}

/** Storage whose calls finish after a random number of event-loop turns, so concurrent instances interleave. */
class JitterStorage implements Storage {
  constructor(private readonly inner: Storage, private readonly random: () => number, private readonly maxTurns = 4, private readonly maxWriteTurns = maxTurns) {}
  private async jitter(max = this.maxTurns) {
    const turns = Math.floor(this.random() * max);
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
  }
  async read(keys: string[]) {
    await this.jitter();
    const r = await this.inner.read(keys);
    await this.jitter();
    return r;
  }
  async write(changes: StoreItems) {
    await this.jitter(this.maxWriteTurns);
    await this.inner.write(changes);
    await this.jitter();
  }
  async delete(keys: string[]) {
    await this.jitter();
    await this.inner.delete(keys);
  }
}

function seeded(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function item(date: string, section: string, text: string, due: string | null): PendingItem {
  return { id: pendingItemId(date, section, text), date, section, text, owner: null, due, status: 'open' };
}

// "Today" is Monday 1 February 2021, 09:00 in Amsterdam.
const MONDAY_9AM = '2021-02-01T08:00:00Z';
const ITEMS = [
  item('2020-11-23', 'Roosterdruk', 'Het landelijke plan staat op 5 februari op de agenda.', '2021-02-05'), // due soon
  item('2020-11-23', 'Jaarwisseling', 'De evaluatie komt in januari terug.', '2021-01'), // overdue since yesterday
  item('2020-11-23', 'Veiligheidsagenda', 'De doelen liggen in juni voor.', '2021-06'), // later
  item('2020-11-23', 'Tot slot', 'Dit onderwerp wordt een volgend LOVP geagendeerd.', null), // no date
  item('2019-04-15', 'Diversiteit', 'De regioburgemeesters spreken 24 juni verder.', '2019-06-24'), // long overdue
];
const [SOON, OVERDUE] = ITEMS;

const subscriptions = (ids: string[]) => ({
  all: async (): Promise<ReminderSubscription[]> => ids.map((id) => ({ conversationId: id, reference: { conversation: { id } as ConversationReference['conversation'] }, language: 'nl' })),
});

interface Sent {
  conversationId: string;
  items: ReminderItem[];
}

function recorder() {
  const sent: Sent[] = [];
  const send = async (reference: Partial<ConversationReference>, items: ReminderItem[]) => {
    sent.push({ conversationId: reference.conversation!.id, items });
  };
  /** How often each (conversation, item, window) was sent. */
  const counts = () => {
    const c = new Map<string, number>();
    for (const s of sent) for (const i of s.items) c.set(`${s.conversationId} ${i.id} ${i.phase}`, (c.get(`${s.conversationId} ${i.id} ${i.phase}`) ?? 0) + 1);
    return c;
  };
  return { sent, send, counts };
}

function scheduler(storage: Storage, clock: FakeClock, send: (r: Partial<ConversationReference>, i: ReminderItem[]) => Promise<void>, conversations = ['channel-a', 'channel-b'], instanceId?: string) {
  return new ReminderScheduler(
    { storage, items: () => ITEMS, subscriptions: subscriptions(conversations), send, now: clock.now, sleep: clock.sleep, instanceId, log: () => undefined },
    { daysAhead: 7, maxOverdueDays: 30, settleMs: 2000 },
  );
}

describe('reminders: due windows', () => {
  it('is due soon from N days before the period until its end, overdue after', () => {
    assert.equal(duePhase('2021-02-05', '2021-01-29', 7), 'due-soon');
    assert.equal(duePhase('2021-02-05', '2021-01-28', 7), undefined);
    assert.equal(duePhase('2021-02-05', '2021-02-05', 7), 'due-soon');
    assert.equal(duePhase('2021-02-05', '2021-02-06', 7), 'overdue');
    assert.equal(duePhase('2021-02', '2021-02-20', 7), 'due-soon');
    assert.equal(duePhase('2021-02', '2021-03-01', 7), 'overdue');
    assert.equal(duePhase('2021', '2021-12-31', 7), 'due-soon');
    assert.equal(duePhase(null, '2021-12-31', 7), undefined);
  });

  it('takes "today" in the configured time zone', () => {
    assert.equal(localDay(new Date('2021-01-31T23:30:00Z'), 'Europe/Amsterdam'), '2021-02-01');
    assert.equal(localDay(new Date('2021-01-31T23:30:00Z'), 'UTC'), '2021-01-31');
  });

  it('reminds of due-soon and recently overdue items, not of done, later, undated or long-overdue ones', () => {
    const done = { ...SOON, status: 'done' as const };
    const picked = itemsToRemind([...ITEMS, done], '2021-02-01', { daysAhead: 7, maxOverdueDays: 30 });
    assert.deepEqual(picked.map((i) => [i.section, i.phase]), [['Jaarwisseling', 'overdue'], ['Roosterdruk', 'due-soon']]);
  });

  it('schedules with croner on weekdays at 09:00 Amsterdam time', () => {
    const s = new ReminderScheduler({ storage: new MemoryStorage(), items: () => [], subscriptions: subscriptions([]), send: async () => undefined });
    s.start();
    try {
      const next = s.nextRun()!;
      const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(next);
      assert.match(parts, /^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
    } finally {
      s.stop();
    }
    assert.equal(s.nextRun(), null);
  });
});

describe('reminders: exactly once per item per window per conversation', () => {
  it('sends each due item once, also after a restart, and again only when it becomes overdue', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(Date.parse(MONDAY_9AM));
    const { sent, send, counts } = recorder();

    await scheduler(storage, clock, send).tick();
    assert.deepEqual(sent.map((s) => s.conversationId).sort(), ['channel-a', 'channel-b']);
    assert.deepEqual(sent[0].items.map((i) => [i.id, i.phase]), [[OVERDUE.id, 'overdue'], [SOON.id, 'due-soon']]);
    assert.deepEqual(clock.sleeps, [2000], 'new ledgers are left to settle, once for all conversations');

    // The same instance ticks again the next day: nothing new.
    clock.set('2021-02-02T08:00:00Z');
    const first = scheduler(storage, clock, send);
    await first.tick();
    assert.equal(sent.length, 2);

    // A restart: a new scheduler on the same storage remembers what was sent.
    const restarted = scheduler(storage, clock, send, undefined, 'after-restart');
    await restarted.tick();
    assert.equal(sent.length, 2);

    // 6 February: the "5 februari" item is overdue now, a new window: one more reminder per conversation.
    clock.set('2021-02-08T08:00:00Z');
    await restarted.tick();
    await scheduler(storage, clock, send).tick();
    assert.equal(sent.length, 4);
    assert.deepEqual(sent.slice(2).map((s) => s.items.map((i) => [i.id, i.phase])), [[[SOON.id, 'overdue']], [[SOON.id, 'overdue']]]);
    assert.ok([...counts().values()].every((n) => n === 1), 'no (conversation, item, window) twice');
  });

  it('two instances sharing one storage, ticking at the same moment, send each reminder once', async () => {
    for (let round = 0; round < 25; round++) {
      const shared = new MemoryStorage();
      const clock = new FakeClock(Date.parse(MONDAY_9AM));
      const { sent, send, counts } = recorder();
      // Each instance sees the shared storage with its own delays; one is slow to write.
      const a = scheduler(new JitterStorage(shared, seeded(round + 1), 3), clock, send, ['channel-a', 'channel-b', 'chat-c'], 'instance-a');
      const b = scheduler(new JitterStorage(shared, seeded(round + 101), 3, 30), clock, send, ['channel-a', 'channel-b', 'chat-c'], 'instance-b');
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]); // and again: still nothing doubled
      const c = counts();
      assert.equal(c.size, 3 * 2, `round ${round}: every conversation got both items`);
      assert.ok([...c.values()].every((n) => n === 1), `round ${round}: nothing sent twice (${JSON.stringify([...c])})`);
      assert.equal(sent.reduce((n, s) => n + s.items.length, 0), 6);
    }
  });

  it('two bot processes on one FileStorage folder send each reminder once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reminders-'));
    try {
      const clock = new FakeClock(Date.parse(MONDAY_9AM), 250);
      const { send, counts } = recorder();
      const a = scheduler(new FileStorage(dir), clock, send, ['channel-a', 'channel-b'], 'process-a');
      const b = scheduler(new FileStorage(dir), clock, send, ['channel-a', 'channel-b'], 'process-b');
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]); // a second tick of an instance joins its first
      // A restart of both: new storage objects and schedulers on the same folder.
      await Promise.all([
        scheduler(new FileStorage(dir), clock, send, ['channel-a', 'channel-b'], 'process-c').tick(),
        scheduler(new FileStorage(dir), clock, send, ['channel-a', 'channel-b'], 'process-d').tick(),
      ]);
      const c = counts();
      assert.equal(c.size, 2 * 2);
      assert.ok([...c.values()].every((n) => n === 1), JSON.stringify([...c]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failed send is retried on the next tick, and only for that conversation', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(Date.parse(MONDAY_9AM));
    const { sent, send } = recorder();
    let failB = true;
    const flaky = async (reference: Partial<ConversationReference>, items: ReminderItem[]) => {
      if (failB && reference.conversation!.id === 'channel-b') throw new Error('403 bot removed');
      await send(reference, items);
    };
    const s = scheduler(storage, clock, flaky);
    const result = await s.tick();
    assert.deepEqual(result.failed.map((f) => f.conversationId), ['channel-b']);
    assert.match(result.failed[0].error, /403/);
    assert.deepEqual(sent.map((x) => x.conversationId), ['channel-a']);
    failB = false;
    await s.tick();
    assert.deepEqual(sent.map((x) => x.conversationId), ['channel-a', 'channel-b']);
  });

  it('claims only in a ledger that has settled, and takes over a claim left by an instance that died while sending', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(Date.parse(MONDAY_9AM));
    const options = { now: clock.now, settleMs: 2000, claimTimeoutMs: 600_000 };
    const dead = new ReminderLedger(storage, 'channel-a', { ...options, instanceId: 'dead' });
    assert.deepEqual(await dead.claim(['x:overdue']), [], 'no ledger yet: nothing is claimed');
    const claimableFrom = await dead.ensure();
    assert.equal(claimableFrom, clock.now().getTime() + 2000);
    assert.equal(await dead.ensure(), claimableFrom, 'an existing ledger is not created again');
    assert.deepEqual(await dead.claim(['x:overdue']), [], 'too new to claim in');
    await clock.sleep(2000);
    assert.deepEqual(await dead.claim(['x:overdue']), ['x:overdue']);
    const alive = new ReminderLedger(storage, 'channel-a', { ...options, instanceId: 'alive' });
    assert.deepEqual(await alive.claim(['x:overdue']), [], 'still being sent by the other instance');
    await clock.sleep(600_000);
    assert.deepEqual(await alive.claim(['x:overdue']), ['x:overdue']);
    await dead.markSent(['x:overdue']); // the dead instance's late write must not take it back
    assert.deepEqual(Object.values(await alive.entries()).map((c) => [c.by, c.state]), [['alive', 'sending']]);
    await alive.markSent(['x:overdue']);
    assert.equal((await alive.entries())['x:overdue'].state, 'sent');
  });

  it('does not remind of items a user marked done', async () => {
    const storage = new MemoryStorage();
    const clock = new FakeClock(Date.parse(MONDAY_9AM));
    await new ItemStore(storage, clock.now).markDone(SOON.id, 'Petra');
    const { sent, send } = recorder();
    await scheduler(storage, clock, send, ['channel-a']).tick();
    assert.deepEqual(sent[0].items.map((i) => i.id), [OVERDUE.id]);
  });

  it('reads subscriptions stored by the Teams SubscriptionStore and keeps its ledger under the agreed key', async () => {
    const storage = new MemoryStorage();
    const store = new SubscriptionStore(storage);
    for (const id of ['19:abc@thread.tacv2', 'a:personal-chat']) {
      await store.subscribe({ conversationId: id, reference: { conversation: { id } as ConversationReference['conversation'] }, scope: 'channel', language: 'nl', subscribedAt: MONDAY_9AM });
    }
    const clock = new FakeClock(Date.parse(MONDAY_9AM));
    const { sent, send } = recorder();
    const s = new ReminderScheduler({ storage, items: () => ITEMS, subscriptions: store, send, now: clock.now, sleep: clock.sleep, log: () => undefined }, { settleMs: 10 });
    await s.tick();
    assert.deepEqual(sent.map((x) => x.conversationId).sort(), ['19:abc@thread.tacv2', 'a:personal-chat']);
    const ledger = await storage.read([reminderLedgerKey('19:abc@thread.tacv2')]);
    assert.ok(ledger[reminderLedgerKey('19:abc@thread.tacv2')], 'ledger stored under pending/reminders/<id>');
  });
});
