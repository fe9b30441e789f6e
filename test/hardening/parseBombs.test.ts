// Report files that are cheap to send and expensive to read, sent to the real bot (index.ts in its own process)
// in a personal chat: the bot keeps answering /healthz within a second while it reads them, refuses them with a
// clear message, and stops on SIGTERM within a few seconds even in the middle of a parse.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { startChildBot, type ChildBot } from '../helpers/childBot';
import { rawGet, rawPost } from '../helpers/rawRequest';
import { docxBomb, pdfWithPages } from '../helpers/reportBombs';
import { personal, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

/** Sends `name` as a file in a personal chat; resolves with the bot's reply text. */
async function upload(bot: ChildBot, connector: FakeConnector, name: string, body: Buffer): Promise<string> {
  connector.files.set(`/files/${name}`, { body });
  const activity: Partial<Activity> = personal('', { attachments: [{ contentType: 'application/octet-stream', name, contentUrl: `${connector.serviceUrl}files/${name}` }] });
  const r = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ deliveryMode: 'expectReplies', ...activity })), 60_000);
  assert.equal(r.status, 200, JSON.stringify(r).slice(0, 500));
  return (r.body.activities as Partial<Activity>[]).filter((a) => a.type === 'message').map((a) => a.text).join('\n');
}

/** Polls /healthz every 100 ms until `work` settles; the slowest answer in ms. */
async function slowestHealthWhile<T>(bot: ChildBot, work: Promise<T>): Promise<{ result: T; slowestMs: number; polls: number }> {
  let done = false;
  let slowestMs = 0;
  let polls = 0;
  const poller = (async () => {
    while (!done) {
      const started = Date.now();
      const res = await rawGet(`${bot.url}/healthz`);
      const ms = Date.now() - started;
      if (res.error) throw new Error(`/healthz did not answer (${res.error}, alive ${bot.alive()}):\n${bot.output().slice(-3000)}`);
      slowestMs = Math.max(slowestMs, ms);
      polls++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    return { result: await work, slowestMs, polls };
  } finally {
    done = true;
    await poller;
    console.log(`      /healthz: ${polls} answers meanwhile, slowest ${slowestMs} ms`);
  }
}

describe('report bombs sent to the bot (bot in its own process)', function () {
  this.timeout(180_000);
  let connector: FakeConnector;
  before(async () => {
    connector = await startFakeConnector();
  });
  after(async () => {
    await connector.close();
    removeTempDirs();
  });

  describe('with the default limits', () => {
    let bot: ChildBot;
    before(async () => {
      bot = await startChildBot({ DATA_DIR: copyOfSeeds(), STATE_DIR: tempDir('lovp-state-') });
    });
    after(() => bot.stop());

    it('refuses a 160 KB DOCX holding 50 MB of XML, and answers /healthz within a second meanwhile', async () => {
      const bomb = docxBomb(50 * 1024 * 1024);
      assert.ok(bomb.length < 200 * 1024, `${bomb.length} bytes`);
      const { result, slowestMs } = await slowestHealthWhile(bot, upload(bot, connector, 'verslag.docx', bomb));
      assert.match(result, /^verslag\.docx is te omvangrijk om te lezen \(uitgepakt meer dan 2,0 MB aan Word-opmaak\)/);
      assert.ok(slowestMs < 1000, `slowest /healthz ${slowestMs} ms`);
    });

    it('refuses a PDF of 14,000 pages, and answers /healthz within a second meanwhile', async () => {
      const { result, slowestMs } = await slowestHealthWhile(bot, upload(bot, connector, 'verslag.pdf', pdfWithPages(14_000)));
      assert.match(result, /^verslag\.pdf is te omvangrijk om te lezen \(meer dan 200 pagina's\)/);
      assert.ok(slowestMs < 1000, `slowest /healthz ${slowestMs} ms`);
    });

    it('refuses 1.6 MB of text as too much, and still takes in a real report', async () => {
      const text = `Bestuurlijke terugkoppeling LOVP 3 juni 2021\n\n${'de korpschef en de burgemeester\n'.repeat(52_000)}`;
      const { result, slowestMs } = await slowestHealthWhile(bot, upload(bot, connector, 'lang.txt', Buffer.from(text)));
      assert.match(result, /^lang\.txt is te omvangrijk om te lezen \(meer dan 500\.000 tekens tekst\)/);
      assert.ok(slowestMs < 1000, `slowest /healthz ${slowestMs} ms`);
      const report = `Bestuurlijke terugkoppeling LOVP 3 juni 2021\n\nVuurwerk\nEr is afgesproken dat het vuurwerkverbod wordt geëvalueerd.\n`;
      assert.match(await upload(bot, connector, 'juni.txt', Buffer.from(report)), /^Nieuwe terugkoppeling toegevoegd: LOVP 3 juni 2021/);
    });
  });

  describe('with a short parse time limit', () => {
    let bot: ChildBot;
    before(async () => {
      bot = await startChildBot({ DATA_DIR: copyOfSeeds(), STATE_DIR: tempDir('lovp-state-'), PARSE_TIMEOUT_MS: '300', MAX_PDF_PAGES: '100000' });
    });
    after(() => bot.stop());

    it('stops a parse that takes too long and says so, in English for an English sender', async () => {
      const name = 'report.pdf';
      connector.files.set(`/files/${name}`, { body: pdfWithPages(3000) });
      const activity = personal('please add this report', { locale: 'en-GB', attachments: [{ contentType: 'application/pdf', name, contentUrl: `${connector.serviceUrl}files/${name}` }] });
      const { result, slowestMs } = await slowestHealthWhile(bot, rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ deliveryMode: 'expectReplies', ...activity })), 60_000));
      const text = (result.body.activities as Partial<Activity>[]).filter((a) => a.type === 'message').map((a) => a.text).join('\n');
      assert.match(text, /^report\.pdf is too large to read \(reading it took longer than 0\.3 seconds\)/);
      assert.ok(slowestMs < 1000, `slowest /healthz ${slowestMs} ms`);
    });
  });

  it('stops on SIGTERM within a few seconds while a long parse runs', async () => {
    const bot = await startChildBot({ DATA_DIR: copyOfSeeds(), STATE_DIR: tempDir('lovp-state-'), PARSE_TIMEOUT_MS: '600000', MAX_PDF_PAGES: '100000', MAX_REPORT_CHARS: '50000000' });
    try {
      const pending = upload(bot, connector, 'groot.pdf', pdfWithPages(20_000)).catch(() => '');
      await new Promise((r) => setTimeout(r, 2000));
      const { code, ms } = await bot.stop('SIGTERM');
      await pending;
      console.log(`      stopped ${ms} ms after SIGTERM, exit code ${code}`);
      assert.equal(code, 0, bot.output().slice(-1000));
      assert.ok(ms < 5000, `stopped after ${ms} ms`);
    } finally {
      await bot.stop('SIGKILL');
    }
  });
});
