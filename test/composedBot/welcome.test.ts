// Teams sends conversationUpdate and installationUpdate for one install at the same moment (the Agents
// Playground does too). With the file store behind the bot, both used to find "no welcome yet" and the user got
// the welcome twice; the claim is now taken one at a time.
import assert from 'node:assert/strict';
import { startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { BOT, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

describe('composed bot: welcome on install', function () {
  this.timeout(20_000);
  let connector: FakeConnector;
  let running: RunningComposedBot | undefined;
  after(async () => {
    await running?.stop();
    await connector?.close();
    removeTempDirs();
  });

  it('sends one welcome when both install activities arrive at once', async () => {
    connector = await startFakeConnector();
    running = await startComposedBot({ dataDir: copyOfSeeds(), stateDir: tempDir('lovp-state-') });
    const base = {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:installer', name: 'Installer' },
      recipient: BOT,
      conversation: { id: 'a:installed-now', conversationType: 'personal' } as any,
    };
    const results = await Promise.all([
      running.post({ ...base, id: 'install-1', type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }] }),
      running.post({ ...base, id: 'install-2', type: 'installationUpdate', action: 'add' }),
    ]);
    assert.deepEqual(results.map((r) => r.status), [200, 200]);
    const welcomes = connector.received.filter((r) => /Welkom bij de LOVP-bot/.test(r.body?.text ?? ''));
    assert.equal(welcomes.length, 1);
  });
});
