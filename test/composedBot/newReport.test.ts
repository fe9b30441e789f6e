// Issue 4, end to end through the whole real bot (bot/composeBot.ts): two conversations subscribe with real
// "abonneer" activities, the bot restarts on the same state folder, a new report is dropped into the watched
// data folder, and the summary card reaches both conversations through the adapter's proactive path (a fake
// Bot Connector on loopback records the HTTP calls): exactly once each, a new post in the channel. Run with the
// default file store and with Azure Blob storage (Azurite, started by the test), where the reports live in the
// container (seeded from the data folder on the first start) and a new one arrives there.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BlobReportStore } from '../../bot/ingest/blobReportStore';
import { CHANNEL_ID, channel, personal, startFakeConnector } from '../helpers/teamsBot';
import { cardsSent, startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { copyOfSeeds, removeTempDirs, reportDatedAs, tempDir, waitUntil } from '../ingest/helpers';
import { startAzurite, type Azurite } from '../state/azurite';

const PERSONAL_ID = 'a:1personal-chat-id';

/**
 * Subscribe both, restart, drop a report, restart: one card each; then a report dropped while the bot is down.
 * `stateEnv` says where the state lives (STATE_DIR, or the Azure settings, which put the reports there too).
 */
async function announcesOnceAcrossRestarts(stateEnv: NodeJS.ProcessEnv): Promise<void> {
  const connector = await startFakeConnector();
  let running: RunningComposedBot | undefined;
  try {
    const dataDir = copyOfSeeds();
    const azure = stateEnv.AZURE_STORAGE_CONTAINER;
    // A new report: into the watched folder, or into the container (as another instance or `npm run ingest` would).
    const drop = azure
      ? (name: string, text: string) => BlobReportStore.fromConnectionString(stateEnv.AZURE_STORAGE_CONNECTION_STRING!, azure, { maxBytes: 1 << 20 }).write(name, Buffer.from(text))
      : async (name: string, text: string) => writeFileSync(path.join(dataDir, name), text);
    // A container has no file events: it is listed.
    const start = () => startComposedBot({ dataDir, stateDir: tempDir('lovp-unused-state-'), env: stateEnv, ...(azure ? { watch: { debounceMs: 50, rescanMs: 100 } } : {}) });
    const serviceUrl = connector.serviceUrl;

    // First start: the five reports already there are recorded, not announced. Both conversations subscribe.
    running = await start();
    assert.equal(running.bot.storage.constructor.name, azure ? 'BlobsStorage' : 'FileStorage');
    assert.equal(running.bot.library.store.constructor.name, azure ? 'BlobReportStore' : 'FolderReportStore');
    assert.equal(running.bot.library.meetings.length, 5);
    const inChannel = await running.ask(channel('abonneer', '1699999999100', 'conversationId', { serviceUrl }));
    assert.match(inChannel[0].text!, /^Geabonneerd: dit kanaal/);
    const inPersonal = await running.ask(personal('subscribe', { serviceUrl, locale: 'en-US' }));
    assert.match(inPersonal[0].text!, /^Subscribed: this conversation/);
    assert.deepEqual((await running.bot.subscriptions.all()).map((s) => s.conversationId).sort(), [CHANNEL_ID, PERSONAL_ID].sort());
    await running.stop();
    assert.equal(cardsSent(connector).length, 0, 'nothing announced for the reports that were already there');

    // Restart, then a new report arrives in the watched folder.
    running = await start();
    await drop('LOVP-24-juni-2021.txt', reportDatedAs('24 juni 2021'));
    await waitUntil(() => cardsSent(connector).length >= 2, 10_000, 'two summary cards');
    assert.equal(running.bot.library.meetings.length, 6);

    // Another restart: nothing is posted twice.
    await running.stop();
    running = await start();
    await running.bot.broadcaster.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const cards = cardsSent(connector);
    assert.equal(cards.length, 2, `exactly one card per conversation: ${cards.map((c) => c.url).join(', ')}`);
    const toChannel = cards.find((c) => c.body.conversation.id === CHANNEL_ID)!;
    const toPersonal = cards.find((c) => c.body.conversation.id === PERSONAL_ID)!;
    assert.ok(toChannel && toPersonal, 'one card in the channel and one in the personal chat');
    // A new post in the channel: sent to the channel itself (not the thread "abonneer" was typed in), no reply.
    assert.equal(toChannel.method, 'POST');
    assert.equal(toChannel.url, `/v3/conversations/${encodeURIComponent(CHANNEL_ID)}/activities`);
    assert.equal(toChannel.body.replyToId, undefined);
    assert.equal(toPersonal.url, `/v3/conversations/${encodeURIComponent(PERSONAL_ID)}/activities`);
    assert.equal(toChannel.authorization, undefined, 'local mode: no token');

    // The card: the new meeting, in each subscriber's language, with that meeting's pending items and both buttons.
    assert.equal(toChannel.card.body[1].text, 'Bestuurlijke terugkoppeling LOVP 24 juni 2021');
    assert.equal(toChannel.card.body[0].text, 'Samenvatting na het LOVP');
    assert.equal(toPersonal.card.body[0].text, 'Summary after the LOVP');
    assert.match(JSON.stringify(toChannel.card.body), /Openstaande punten uit dit overleg[\s\S]*•/);
    assert.deepEqual(toChannel.card.actions.map((a: any) => a.title), ['Openstaande punten', 'Stel een vraag']);
    assert.match(toChannel.body.summary, /LOVP 24 juni 2021/, 'text fallback for clients without cards');

    // A report that arrives while the bot is down is announced when it starts, again once per conversation.
    await running.stop();
    await drop('LOVP-9-september-2021.txt', reportDatedAs('9 september 2021'));
    running = await start();
    await waitUntil(() => cardsSent(connector).length >= 4, 10_000, 'two more cards');
    await running.bot.broadcaster.idle();
    const later = cardsSent(connector).slice(2);
    assert.deepEqual(later.map((c) => c.body.conversation.id).sort(), [CHANNEL_ID, PERSONAL_ID].sort());
    assert.ok(later.every((c) => c.card.body[1].text === 'Bestuurlijke terugkoppeling LOVP 9 september 2021'));
  } finally {
    await running?.stop();
    await connector.close();
  }
}

describe('composed bot: a new report is announced to subscribed conversations', function () {
  this.timeout(30_000);
  let azurite: Azurite | undefined;
  after(async () => {
    await azurite?.stop();
    removeTempDirs();
  });

  it('posts the summary card once to a channel (new post) and a personal chat, with restarts in between (file store)', async () => {
    await announcesOnceAcrossRestarts({ STATE_DIR: tempDir('lovp-state-') });
  });

  it('does the same with the state in Azure Blob storage (Azurite)', async () => {
    azurite = await startAzurite();
    await announcesOnceAcrossRestarts({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'lovp-composed-test' });
  });
});
