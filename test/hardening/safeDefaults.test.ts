// Safe defaults through the whole bot: with authentication on, nobody may add reports until ADMIN_USER_IDS (or
// ALLOW_ALL_UPLOADS=true) says who; files on this machine are fetched only in local mode, and refused the same
// way whatever listens on the port; every setting left open is warned about at start; local mode listens on
// 127.0.0.1 unless HOST says otherwise.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { composeBot } from '../../bot/composeBot';
import { keyPair, SERVICE_URL, startOpenIdEndpoint, token, type OpenIdEndpoint } from '../helpers/botToken';
import { startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { personal, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, reportDatedAs, tempDir } from '../ingest/helpers';

const file = (name: string, url: string) => ({ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl: url, fileType: 'txt' } });

describe('safe defaults', function () {
  this.timeout(60_000);
  const key = keyPair('safe-defaults-key');
  let openId: OpenIdEndpoint;
  let connector: FakeConnector;
  let running: RunningComposedBot | undefined;
  const warnings: string[] = [];
  const logger = { log: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };

  before(async () => {
    openId = await startOpenIdEndpoint(key);
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    warnings.length = 0;
  });
  after(async () => {
    await openId.close();
    await connector.close();
    removeTempDirs();
  });

  const startAuthenticated = async (env: NodeJS.ProcessEnv = {}) => {
    running = await startComposedBot({ dataDir: copyOfSeeds(), stateDir: tempDir('lovp-state-'), env: { ...openId.env, ...env }, logger, headers: () => ({ authorization: `Bearer ${token(key)}` }) });
    return running;
  };
  const sendFile = async (bot: RunningComposedBot, url: string, extra: Partial<Activity> = {}) => {
    const replies = await bot.ask(personal('', { serviceUrl: SERVICE_URL, attachments: [file('LOVP 24 juni 2021.txt', url)], ...extra }));
    return replies.filter((r) => r.type === 'message').map((r) => r.text).join('\n');
  };

  it('with authentication on and no ADMIN_USER_IDS, refuses report files and warns at start', async () => {
    connector.files.set('/files/new.txt', { body: reportDatedAs('24 juni 2021') });
    const bot = await startAuthenticated();
    assert.match(await sendFile(bot, `${connector.serviceUrl}files/new.txt`), /^Alleen beheerders van de LOVP-bot kunnen nieuwe terugkoppelingen toevoegen/);
    assert.deepEqual(connector.downloads, [], 'not fetched');
    assert.equal(bot.bot.library.meetings.length, 5);
    assert.ok(warnings.some((w) => /ADMIN_USER_IDS is empty: nobody can add reports/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /ALLOWED_TENANT_IDS is empty: users of any Microsoft Entra tenant/.test(w)), warnings.join('\n'));
  });

  it('with ALLOW_ALL_UPLOADS=true, anyone may, but nothing on this machine is fetched, whatever listens on the port', async () => {
    const bot = await startAuthenticated({ ALLOW_ALL_UPLOADS: 'true' });
    assert.ok(warnings.some((w) => /ALLOW_ALL_UPLOADS=true: anyone in a personal chat can add a report/.test(w)), warnings.join('\n'));
    const open = http.createServer((_req, res) => res.end(reportDatedAs('24 juni 2021')));
    await new Promise<void>((resolve) => open.listen(0, '127.0.0.1', () => resolve()));
    const openPort = (open.address() as AddressInfo).port;
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let hits = 0;
    open.on('request', () => hits++);
    try {
      const replies = [];
      for (const url of [`http://127.0.0.1:${openPort}/x.txt`, `http://127.0.0.1:${closedPort}/x.txt`, `https://127.0.0.1:${openPort}/x.txt`, `http://localhost:${openPort}/x.txt`, 'https://10.0.0.8/x.txt', 'https://[::1]/x.txt']) {
        replies.push((await sendFile(bot, url)).replace(/\d+/g, 'N'));
      }
      assert.equal(new Set(replies).size, 1, replies.join('\n'));
      assert.match(replies[0], /kan ik niet ophalen: het adres is niet veilig/);
      assert.equal(hits, 0, 'nothing was fetched');
    } finally {
      await new Promise<void>((resolve) => open.close(() => resolve()));
    }
  });

  it('in local mode fetches loopback files, warns about it, and listens on 127.0.0.1 unless HOST says otherwise', async () => {
    connector.files.set('/files/new.txt', { body: reportDatedAs('24 juni 2021') });
    running = await startComposedBot({ dataDir: copyOfSeeds(), stateDir: tempDir('lovp-state-'), logger });
    assert.match(await sendFile(running, `${connector.serviceUrl}files/new.txt`, { serviceUrl: connector.serviceUrl }), /^Nieuwe terugkoppeling toegevoegd/);
    assert.ok(warnings.some((w) => /MicrosoftAppId is empty: local mode/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /ADMIN_USER_IDS is empty \(local mode\): anyone/.test(w)), warnings.join('\n'));
    await running.stop();

    for (const [host, address] of [[undefined, '127.0.0.1'], ['0.0.0.0', '0.0.0.0']] as const) {
      warnings.length = 0;
      const bot = await composeBot({ env: { DATA_DIR: copyOfSeeds(), STATE_DIR: tempDir('lovp-state-'), PORT: '0', ...(host ? { HOST: host } : {}) }, logger, scheduleReminders: false });
      try {
        const url = await bot.listen();
        assert.equal((bot.server.address() as AddressInfo).address, address);
        if (!host) assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(warnings.some((w) => /local mode listens on 0\.0\.0\.0/.test(w)), !!host, warnings.join('\n'));
      } finally {
        await bot.stop();
      }
    }
  });
});
