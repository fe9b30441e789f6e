// A proactive post the Bot Connector refuses (403: the bot was removed from the conversation) is a failure,
// through the whole real bot: the announcement ledger and the reminder ledger record it as not delivered, and
// the next round, once the connector takes posts again, delivers it. The connector is a real HTTP server on
// loopback that answers 403.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANNOUNCEMENTS_KEY } from '../../bot/state/keys';
import { cardsSent, startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { CHANNEL_ID, channel, personal, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, reportDatedAs, tempDir, waitUntil } from '../ingest/helpers';

const PERSONAL_ID = 'a:1personal-chat-id';
const LEASE_MS = 5 * 60_000;

class FakeClock {
  constructor(private t: number) {}
  now = () => new Date(this.t);
  advance = (ms: number) => void (this.t += ms);
  sleep = async (ms: number) => this.advance(ms);
}

describe('composed bot: proactive posts the connector refuses', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let running: RunningComposedBot | undefined;
  const warnings: string[] = [];
  const logger = { log: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };

  beforeEach(async () => {
    connector = await startFakeConnector();
    warnings.length = 0;
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await connector.close();
  });
  after(removeTempDirs);

  async function subscribeBoth(clock: FakeClock) {
    running = await startComposedBot({ dataDir: copyOfSeeds(), stateDir: tempDir('lovp-state-'), now: clock.now, sleep: clock.sleep, logger });
    const serviceUrl = connector.serviceUrl;
    await running.ask(channel('abonneer', '1699999999100', 'conversationId', { serviceUrl }));
    await running.ask(personal('abonneer', { serviceUrl }));
    return running;
  }

  it('records a summary the connector refused as failed, and posts it in the next round', async () => {
    const clock = new FakeClock(Date.parse('2021-06-25T08:00:00Z'));
    const bot = await subscribeBoth(clock);
    connector.failWith = 403;
    writeFileSync(path.join(bot.bot.library.dataDir, 'LOVP-24-juni-2021.txt'), reportDatedAs('24 juni 2021'));
    await waitUntil(() => connector.refused.length >= 2, 10_000, 'two refused posts');
    await bot.bot.broadcaster.idle();

    const ledger = (await bot.bot.storage.read([ANNOUNCEMENTS_KEY]))[ANNOUNCEMENTS_KEY] as any;
    const record = Object.values(ledger.reports).find((r: any) => r.date === '2021-06-24') as any;
    assert.equal(record.state, 'sending', 'not recorded as announced');
    for (const id of [CHANNEL_ID, PERSONAL_ID]) {
      assert.equal(record.deliveries[id].at, undefined, `${id} not recorded as delivered`);
      assert.equal(record.deliveries[id].attempts, 1);
      assert.match(record.deliveries[id].error, /403|roster|Forbidden/i);
    }
    assert.ok(warnings.some((w) => /could not post the summary of 2021-06-24/.test(w)), warnings.join('\n'));
    assert.equal(cardsSent(connector).length, 0);

    // The connector takes posts again; after the lease the retry round delivers to both, once.
    connector.failWith = undefined;
    clock.advance(LEASE_MS + 1000);
    await bot.bot.broadcaster.sync(bot.bot.library.entries());
    const cards = cardsSent(connector);
    assert.deepEqual(cards.map((c) => c.body.conversation.id).sort(), [CHANNEL_ID, PERSONAL_ID].sort());
    const after = ((await bot.bot.storage.read([ANNOUNCEMENTS_KEY]))[ANNOUNCEMENTS_KEY] as any).reports;
    const done = Object.values(after).find((r: any) => r.date === '2021-06-24') as any;
    assert.equal(done.state, 'sent');
    await bot.bot.broadcaster.sync(bot.bot.library.entries());
    assert.equal(cardsSent(connector).length, 2, 'not posted again');
  });

  it('records a reminder the connector refused as not sent, and sends it in the next round', async () => {
    // Monday 1 February 2021, 09:00 in Amsterdam: seed items are due.
    const clock = new FakeClock(Date.parse('2021-02-01T08:00:00Z'));
    const bot = await subscribeBoth(clock);
    connector.failWith = 403;
    const refused = await bot.bot.reminders.tick();
    assert.deepEqual(refused.sent, [], 'nothing counts as sent');
    assert.deepEqual(refused.failed.map((f) => f.conversationId).sort(), [CHANNEL_ID, PERSONAL_ID].sort());
    assert.ok(refused.failed.every((f) => /403|roster|Forbidden/i.test(f.error)), JSON.stringify(refused.failed));
    assert.equal(connector.refused.length, 2);

    connector.failWith = undefined;
    clock.advance(60_000);
    const retried = await bot.bot.reminders.tick();
    assert.deepEqual(retried.failed, []);
    assert.deepEqual(retried.sent.map((s) => s.conversationId).sort(), [CHANNEL_ID, PERSONAL_ID].sort());
    assert.equal(cardsSent(connector).length, 2);
  });
});
