// Fuzz: random text, random activities, and random headers and body encodings on raw sockets. The knowledge
// base never throws and keeps its answer shape; the server always answers with a handled status (never 500,
// never a crash), accepts only uncompressed UTF-8 JSON, and keeps serving.
import assert from 'node:assert/strict';
import net from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { MAX_QUOTE } from '../../bot/answer/pickQuote';
import { channel, groupChat, personal, seedKnowledgeBase, startBot, type RunningBot } from '../helpers/teamsBot';

// Text that looks like questions: Dutch and English words, lunr query syntax, dates, odd unicode.
const word = fc.constantFrom('wat', 'is', 'er', 'afgesproken', 'over', 'vuurwerk', 'what', 'agreed', 'fireworks', 'BOA\'s', 'art.',
  '4:', '+', '-', '~2', '*', '^3', 'title:', 'in', '2019', 'oktober', '10 februari 2020', 'het', 'laatste', 'LOVP', '"', '\\', 'é', '🎆',
  'knalvuurwerk', 'bodycams', '<at>LOVP</at>', '\u0000', '\u200b');
const questionText = fc.oneof(fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 3000 }));

describe('fuzz', function () {
  this.timeout(120_000);

  it('ask() never throws and keeps its contract for any text', async () => {
    const kb = await seedKnowledgeBase();
    fc.assert(fc.property(questionText, (q) => {
      const r = kb.ask(q);
      assert.ok(r.language === 'nl' || r.language === 'en');
      assert.ok(r.answers.length <= 5);
      for (const a of r.answers) {
        assert.match(a.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(a.section && a.quote.length > 0 && a.quote.length <= MAX_QUOTE);
      }
    }), { numRuns: 1500 });
  });

  describe('through /api/messages', () => {
    let bot: RunningBot;
    before(async () => { bot = await startBot(); });
    after(() => bot.close());

    const shaped = fc.tuple(fc.constantFrom(personal, groupChat, (t: string) => channel(t, '1700000000001')), questionText)
      .map(([make, text]) => make(text) as Record<string, unknown>);
    const mutated = fc.tuple(shaped, fc.dictionary(fc.constantFrom('type', 'text', 'conversation', 'from', 'recipient', 'entities',
      'attachments', 'channelData', 'value', 'name', 'locale', 'replyToId', 'serviceUrl', 'channelId'), fc.jsonValue(), { maxKeys: 3 }))
      .map(([activity, changes]) => ({ ...activity, ...changes }));
    const types = fc.tuple(shaped, fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing', 'endOfConversation', 'x'))
      .map(([activity, type]) => ({ ...activity, type }));

    it('answers every random activity with a handled status and keeps serving', async () => {
      const statuses = new Map<number, number>();
      await fc.assert(fc.asyncProperty(fc.oneof(shaped, mutated, types), async (activity) => {
        const r = await bot.postRaw(JSON.stringify({ deliveryMode: 'expectReplies', ...activity }));
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        assert.ok([200, 201, 400, 403, 404, 413, 501].includes(r.status), `status ${r.status} for ${JSON.stringify(activity).slice(0, 300)}`);
      }), { numRuns: 1500 });
      console.log(`      statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    });

    // Raw bytes over a socket of its own: fetch would fix up or refuse some of these headers.
    const rawExchange = (head: string, body: Buffer) => new Promise<number>((resolve, reject) => {
      const { port } = new URL(bot.url);
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(Buffer.concat([Buffer.from(head), body])));
      let reply = '';
      socket.setTimeout(15_000, () => socket.destroy(new Error('no answer within 15 s')));
      socket.on('data', (d) => (reply += d.toString('latin1')));
      // The final status: a "100 Continue" may come first.
      socket.on('close', () => resolve(Number([...reply.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1]).find((code) => !code.startsWith('1')) ?? 0)));
      socket.on('error', reject);
    });
    const activityJson = JSON.stringify({ deliveryMode: 'expectReplies', ...personal('wat is er afgesproken over vuurwerk?') });
    const bodies: Record<string, () => Buffer> = {
      utf8: () => Buffer.from(activityJson),
      bom: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(activityJson)]),
      utf16: () => Buffer.from(activityJson, 'utf16le'),
      latin1: () => Buffer.from(activityJson.replace('vuurwerk', 'vuurwérk'), 'latin1'),
      gzip: () => gzipSync(activityJson),
      deflate: () => deflateSync(activityJson),
      brotli: () => brotliCompressSync(activityJson),
      garbage: () => Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)),
      empty: () => Buffer.alloc(0),
    };
    const headerSets = fc.record({
      contentType: fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'application/JSON;charset="UTF-8"', 'application/json; charset=utf-16',
        'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream', '*/*', ';;;', 'application/json\u0000'),
      contentEncoding: fc.constantFrom(undefined, 'gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'x-unknown', ''),
      length: fc.constantFrom('exact', 'chunked', 'smaller', 'none', 'not-a-number', 'negative', 'huge'),
      authorization: fc.constantFrom(undefined, 'Bearer', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', 'x'.repeat(9000)),
      extra: fc.constantFrom(undefined, 'Expect: 100-continue', 'Transfer-Encoding: gzip', 'Content-Type: text/plain', 'X-Forwarded-For: 10.0.0.1'),
      body: fc.constantFrom(...Object.keys(bodies)),
    });

    it('answers requests with any headers and body encodings with a handled status and keeps serving', async () => {
      const statuses = new Map<number, number>();
      await fc.assert(fc.asyncProperty(headerSets, async (h) => {
        const body = bodies[h.body]();
        const lines = ['POST /api/messages HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close'];
        if (h.contentType !== undefined) lines.push(`Content-Type: ${h.contentType}`); // the NUL goes out as it is: a header Node must refuse
        if (h.contentEncoding !== undefined) lines.push(`Content-Encoding: ${h.contentEncoding}`);
        if (h.authorization !== undefined) lines.push(`Authorization: ${h.authorization}`);
        if (h.extra) lines.push(h.extra);
        let payload = body;
        if (h.length === 'exact') lines.push(`Content-Length: ${body.length}`);
        else if (h.length === 'smaller') lines.push(`Content-Length: ${Math.floor(body.length / 2)}`);
        else if (h.length === 'not-a-number') lines.push('Content-Length: abc');
        else if (h.length === 'negative') lines.push('Content-Length: -5');
        else if (h.length === 'huge') lines.push(`Content-Length: ${10 * 1024 * 1024}`);
        else if (h.length === 'chunked') {
          lines.push('Transfer-Encoding: chunked');
          payload = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
        }
        const status = await rawExchange(`${lines.join('\r\n')}\r\n\r\n`, h.length === 'huge' ? Buffer.alloc(0) : payload);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // 0: the connection was closed without an answer, which Node's HTTP parser does for framing it cannot read.
        assert.ok([0, 200, 400, 408, 413, 415].includes(status), `status ${status} for ${JSON.stringify(h)}`);
        // Only uncompressed UTF-8 JSON, framed right, is ever taken.
        const json = h.contentType !== undefined && /^application\/json\s*(;\s*charset="?utf-8"?)?$/i.test(h.contentType);
        const plain = h.contentEncoding === undefined || h.contentEncoding === 'identity' || h.contentEncoding === '';
        if (status === 200) assert.ok(json && plain && ['utf8', 'bom'].includes(h.body) && ['exact', 'chunked', 'none'].includes(h.length), `accepted ${JSON.stringify(h)}`);
      }), { numRuns: 400 });
      console.log(`      statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
      assert.ok(!statuses.has(500));
    });

    it('answers random bodies that are not activities with 400', async () => {
      await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v))), async (body) => {
        const r = await bot.postRaw(body);
        assert.ok([400, 413].includes(r.status), `status ${r.status} for ${body.slice(0, 200)}`);
      }), { numRuns: 300 });
    });
  });
});
