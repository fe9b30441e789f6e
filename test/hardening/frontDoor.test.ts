// The front door of /api/messages, probed from outside the process as an attacker would: the real entry point
// (index.ts) runs in its own process, so a crash, a memory spike or a temp file shows as what it is.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { keyPair, SERVICE_URL, startOpenIdEndpoint, token, type OpenIdEndpoint } from '../helpers/botToken';
import { startChildBot, type ChildBot } from '../helpers/childBot';
import { rawPost } from '../helpers/rawRequest';
import { personal } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

const JSON_HEADERS = { 'content-type': 'application/json' };
const question = (extra = {}) => Buffer.from(JSON.stringify({ deliveryMode: 'expectReplies', ...personal('wat is er afgesproken over vuurwerk?', extra) }));

/** `size` bytes of zeros, gzipped: a few hundred KB that inflate to whatever size is asked. */
function gzipBomb(size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    const block = Buffer.alloc(1024 * 1024, '{');
    for (let left = size; left > 0; left -= block.length) gzip.write(block);
    gzip.end();
  });
}

async function healthy(bot: ChildBot): Promise<void> {
  assert.ok(bot.alive(), `the bot process died:\n${bot.output().slice(-2000)}`);
  const res = await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 200);
}

describe('front door of /api/messages (bot in its own process)', function () {
  this.timeout(120_000);
  after(removeTempDirs);

  describe('local mode', () => {
    let bot: ChildBot;
    let tmp: string;
    before(async () => {
      tmp = tempDir('lovp-tmpdir-');
      bot = await startChildBot({ DATA_DIR: copyOfSeeds(), STATE_DIR: tempDir('lovp-state-'), TMPDIR: tmp });
    });
    after(() => bot.stop());

    it('refuses a gzip body that is not gzip with 415 and keeps running', async () => {
      const r = await rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, 'content-encoding': 'gzip' }, Buffer.from('this is not gzip at all'));
      assert.equal(r.status, 415, JSON.stringify(r));
      assert.match(r.body.error, /encoding/);
      await healthy(bot);
    });

    it('refuses a 250 MB gzip bomb under MAX_REQUEST_BYTES with 415, without inflating it', async () => {
      const bomb = await gzipBomb(250 * 1024 * 1024);
      assert.ok(bomb.length < 256 * 1024, `bomb is ${bomb.length} bytes`);
      const before = bot.rssMb();
      const results = await Promise.all([1, 2, 3].map(() => rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, 'content-encoding': 'gzip' }, bomb)));
      const grown = bot.rssMb() - before;
      for (const r of results) assert.equal(r.status, 415, JSON.stringify(r).slice(0, 300));
      assert.ok(grown < 100, `RSS grew by ${grown.toFixed(0)} MB`);
      for (const encoding of ['deflate', 'br', 'GZIP, identity']) {
        assert.equal((await rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, 'content-encoding': encoding }, question())).status, 415, encoding);
      }
      await healthy(bot);
    });

    it('refuses multipart bodies with 415 and writes no temp files', async () => {
      const boundary = 'lovp-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.alloc(200 * 1024, 'x'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await rawPost(`${bot.url}/api/messages`, { 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
      assert.equal(r.status, 415);
      assert.deepEqual(readdirSync(tmp).filter((n) => /^upload_/.test(n)), [], 'temp files left in TMPDIR');
      await healthy(bot);
    });

    it('stops reading a chunked body at MAX_REQUEST_BYTES with 413', async () => {
      const pieces = Array.from({ length: 64 }, () => Buffer.alloc(64 * 1024, ' '));
      const r = await rawPost(`${bot.url}/api/messages`, JSON_HEADERS, pieces);
      assert.ok(r.status === 413 || /reset|EPIPE|closed/i.test(r.error ?? ''), JSON.stringify(r));
      const announced = await rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, 'content-length': String(10 * 1024 * 1024) }, Buffer.alloc(0));
      assert.equal(announced.status, 413);
      await healthy(bot);
    });

    it('still answers a plain JSON question', async () => {
      const r = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json; charset=utf-8' }, question());
      assert.equal(r.status, 200);
      assert.match(JSON.stringify(r.body), /vuurwerk/i);
    });
  });

  describe('with app credentials', () => {
    const published = keyPair('front-door-key');
    const stranger = keyPair('front-door-key');
    let openId: OpenIdEndpoint;
    let bot: ChildBot;
    before(async () => {
      openId = await startOpenIdEndpoint(published);
      bot = await startChildBot({ ...openId.env, DATA_DIR: copyOfSeeds(), STATE_DIR: tempDir('lovp-state-'), ALLOWED_TENANT_IDS: '00000000-0000-0000-0000-0000000000aa' });
    });
    after(async () => {
      await bot.stop();
      await openId.close();
    });

    it('authenticates before it parses: broken JSON without a token gets 401, not 400', async () => {
      const r = await rawPost(`${bot.url}/api/messages`, JSON_HEADERS, Buffer.from('{"type": "message", "text": '));
      assert.equal(r.status, 401);
    });

    it('checks the tenant allow-list only after authentication: a foreign tenant without a token gets 401', async () => {
      const foreign = { channelData: { tenant: { id: '99999999-0000-0000-0000-000000000000' } }, serviceUrl: SERVICE_URL };
      assert.equal((await rawPost(`${bot.url}/api/messages`, JSON_HEADERS, question(foreign))).status, 401);
      const signed = await rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, authorization: `Bearer ${token(published)}` }, question(foreign));
      assert.equal(signed.status, 403, 'with a valid token the allow-list answers');
      const allowed = await rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, authorization: `Bearer ${token(published)}` }, question({ serviceUrl: SERVICE_URL }));
      assert.equal(allowed.status, 200);
    });

    it('logs refused tokens in one line, without stack traces', async () => {
      const tokens = ['', 'Bearer nonsense', `Bearer ${token(published, { exp: Math.floor(Date.now() / 1000) - 3600 })}`, `Bearer ${token(stranger)}`, `Bearer ${token(published, { aud: 'x' })}`];
      for (const authorization of tokens) {
        const r = await rawPost(`${bot.url}/api/messages`, { ...JSON_HEADERS, ...(authorization ? { authorization } : {}) }, question({ serviceUrl: SERVICE_URL }));
        assert.equal(r.status, 401, authorization.slice(0, 30));
        assert.doesNotMatch(JSON.stringify(r.body), /\bat .+:\d+:\d+/, 'no stack in the response');
      }
      await new Promise((r) => setTimeout(r, 200));
      const stackLines = bot.output().split('\n').filter((l) => /^\s+at .+:\d+:\d+\)?$/.test(l));
      assert.deepEqual(stackLines, [], 'stack trace lines in the log');
      await healthy(bot);
    });
  });
});
