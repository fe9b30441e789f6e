// Reminders through the whole real bot on a fake clock: the scheduler (bot/pending/reminders.ts) finds the seed
// items due on that day, and the reminder card reaches each subscribed conversation through the adapter's
// proactive path (a fake Bot Connector on loopback): every due item exactly once per reminder window, across
// a restart; an item marked done is left out.
import assert from 'node:assert/strict';
import { localDay } from '../../bot/pending/dueWindow';
import { itemsToRemind } from '../../bot/pending/reminders';
import { actionInvoke, cardsSent, doneItemIds, startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { CHANNEL_ID, channel, personal, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

const PERSONAL_ID = 'a:1personal-chat-id';

class FakeClock {
  constructor(private t: number) {}
  now = () => new Date(this.t);
  set = (iso: string) => void (this.t = Date.parse(iso));
  /** The reminder ledger's settle wait passes at once. */
  sleep = async (ms: number) => {
    this.t += ms;
  };
}

describe('composed bot: reminders of pending items', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let running: RunningComposedBot | undefined;
  after(async () => {
    await running?.stop();
    await connector?.close();
    removeTempDirs();
  });

  it('posts one reminder card per conversation with each due item once per window, across a restart', async () => {
    connector = await startFakeConnector();
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    // Monday 1 February 2021, 09:00 in Amsterdam.
    const clock = new FakeClock(Date.parse('2021-02-01T08:00:00Z'));
    const start = () => startComposedBot({ dataDir, stateDir, now: clock.now, sleep: clock.sleep });
    const serviceUrl = connector.serviceUrl;
    running = await start();
    await running.ask(channel('abonneer', '1699999999500', 'conversationId', { serviceUrl }));
    await running.ask(personal('abonneer', { serviceUrl }));

    const today = localDay(clock.now(), 'Europe/Amsterdam');
    const due = itemsToRemind(await running.bot.pending.all(), today, running.bot.reminders.options);
    assert.ok(due.length >= 3, `seed items due on ${today}: ${due.map((i) => i.section).join(', ')}`);
    // Someone marks one of them done first: it is not reminded of.
    const done = due.find((i) => i.section === 'Tot slot') ?? due[due.length - 1];
    const { status } = await running.post({ ...actionInvoke(personal(''), 'pendingDone', { itemId: done.id, view: 'inPlace' }), serviceUrl });
    assert.equal(status, 200);
    const expected = due.filter((i) => i.id !== done.id).map((i) => i.id).sort();

    const result = await running.bot.reminders.tick();
    assert.deepEqual(result.failed, []);
    let cards = cardsSent(connector);
    assert.equal(cards.length, 2, 'one reminder card per subscribed conversation');
    for (const id of [CHANNEL_ID, PERSONAL_ID]) {
      const mine = cards.filter((c) => c.body.conversation.id === id);
      assert.equal(mine.length, 1, id);
      assert.deepEqual(doneItemIds(mine[0].card).sort(), expected, `every due item once, the done one left out (${id})`);
      assert.equal(mine[0].url, `/v3/conversations/${encodeURIComponent(id)}/activities`, 'a new post');
      assert.match(mine[0].card.body[1].text, /^\d+ openstaande punten vragen aandacht$/);
    }

    // Same window: a second tick, and a restarted bot on the same state, send nothing more.
    await running.bot.reminders.tick();
    await running.stop();
    clock.set('2021-02-02T08:00:00Z');
    running = await start();
    await running.bot.reminders.tick();
    assert.equal(cardsSent(connector).length, 2, 'no reminder twice in one window');

    // A new window: an item now past its due month is reminded of again, once, as overdue.
    clock.set('2021-03-01T08:00:00Z');
    await running.bot.reminders.tick();
    cards = cardsSent(connector).slice(2);
    const overdue = itemsToRemind(await running.bot.pending.all(), '2021-03-01', running.bot.reminders.options).filter((i) => i.phase === 'overdue');
    assert.ok(overdue.length >= 1);
    assert.equal(cards.length, 2);
    for (const card of cards) {
      assert.deepEqual(doneItemIds(card.card).sort(), overdue.map((i) => i.id).sort());
      assert.match(JSON.stringify(card.card.body), /Over de datum/);
    }
  });
});
