// Fuzz: random text and random activities. The knowledge base never throws and keeps its answer shape; the
// server always answers with a handled status (never 500) and keeps serving.
import assert from 'node:assert/strict';
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

    it('answers random bodies that are not activities with 400', async () => {
      await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v))), async (body) => {
        const r = await bot.postRaw(body);
        assert.ok([400, 413].includes(r.status), `status ${r.status} for ${body.slice(0, 200)}`);
      }), { numRuns: 300 });
    });
  });
});
