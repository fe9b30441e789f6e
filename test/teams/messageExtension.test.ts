// The compose-box search through /api/messages, as Teams sends it: composeExtension/query invokes list the matching
// sections as previews (meeting, section, first sentence) carrying a card with the quote, its citation and an
// "open report" button that opens the report page; composeExtension/selectItem with a preview's tap value gives
// that card again, rebuilt from the report.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { splitSentences } from '../../bot/answer/sentences';
import { SEARCH_COMMAND, TOPIC_PARAMETER } from '../../bot/teams/messageExtension';
import { cardProblems } from '../cards/cardProblems';
import { channel, personal, seedKnowledgeBase, startBot, type RunningBot } from '../helpers/teamsBot';

const CARD = 'application/vnd.microsoft.card.adaptive';

describe('compose-box search (message extension)', function () {
  this.timeout(30_000);
  let bot: RunningBot;
  before(async () => {
    bot = await startBot();
  });
  after(async () => bot.close());

  /** An invoke as Teams posts it; the invoke response comes back as the HTTP body. */
  async function invoke(name: string, value: unknown, base: Partial<Activity> = personal('')): Promise<any> {
    const { text: _text, ...activity } = base;
    const res = await bot.postRaw(JSON.stringify({ ...activity, type: 'invoke', name, value, serviceUrl: 'http://127.0.0.1:9/' }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.composeExtension;
  }
  const query = (topic: unknown, base?: Partial<Activity>) =>
    invoke('composeExtension/query', { commandId: SEARCH_COMMAND, parameters: [{ name: TOPIC_PARAMETER, value: topic }], queryOptions: { skip: 0, count: 25 } }, base);

  it('"vuurwerk" lists the Jaarwisseling sections as previews, each with a valid quote card whose button opens the report page', async () => {
    const kb = await seedKnowledgeBase();
    const result = await query('vuurwerk');
    assert.equal(result.type, 'result');
    assert.equal(result.attachmentLayout, 'list');
    assert.ok(result.attachments.length >= 3 && result.attachments.length <= 25);
    assert.equal(result.attachments[0].preview.content.title, 'Jaarwisseling', 'best match first');
    for (const attachment of result.attachments) {
      const { preview, content: card } = attachment;
      assert.equal(attachment.contentType, CARD);
      assert.deepEqual(cardProblems(card), []);
      assert.equal(preview.contentType, 'application/vnd.microsoft.card.thumbnail');
      const { title, subtitle, text, tap } = preview.content;
      assert.match(subtitle, /^LOVP \d{1,2} [a-z]+ \d{4}$/);
      const quote = card.body[2].text.slice(1, -1);
      assert.equal(card.body[1].text, title);
      assert.ok(text.length <= 160 && splitSentences(quote)[0].startsWith(text.replace(/…$/, '')), 'the first sentence of the quote');
      assert.equal(card.body[3].text, `Bron: ${subtitle} – ${title}`);
      const [open] = card.actions;
      assert.equal(open.type, 'Action.OpenUrl');
      assert.equal(open.title, 'Open het verslag');
      const page = await fetch(open.url);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /class="cited"/);
      // The tap value names the same place in the report as the link.
      assert.equal(tap.type, 'invoke');
      const url = new URL(open.url);
      assert.deepEqual([tap.value.date, String(tap.value.section), tap.value.sentences], [url.pathname.split('/').pop(), url.searchParams.get('section'), url.searchParams.get('sentences')]);
      const meeting = kb.meetings.find((m) => m.date === tap.value.date)!;
      assert.equal(meeting.sections[tap.value.section].heading, title);
    }
  });

  it('picking a result (selectItem with its tap value) inserts the same card, rebuilt from the report', async () => {
    const [first] = (await query('vuurwerk')).attachments;
    const selected = await invoke('composeExtension/selectItem', first.preview.content.tap.value);
    assert.equal(selected.type, 'result');
    assert.equal(selected.attachments.length, 1);
    assert.deepEqual(selected.attachments[0].content, first.content);
  });

  it('English words or an English client get English labels; the quotes stay Dutch', async () => {
    const result = await query('fireworks ban', channel(''));
    const card = result.attachments[0].content;
    assert.equal(card.body[0].text, 'From the LOVP reports (quoted in Dutch)');
    assert.equal(card.actions[0].title, 'Open the report');
    assert.match(result.attachments[0].preview.content.subtitle, /^LOVP \d+ [A-Z][a-z]+ \d{4}$/);
  });

  it('an empty box (the initial run) lists the sections of the latest meeting', async () => {
    const kb = await seedKnowledgeBase();
    const latest = kb.meetings.at(-1)!;
    const result = await query('');
    assert.deepEqual(result.attachments.map((a: any) => a.preview.content.title), latest.sections.map((s) => s.heading));
  });

  it('sending the picked card in the chat with the bot (markup only, as the client sends it) gets no answer', async () => {
    const [first] = (await query('vuurwerk')).attachments;
    const text = '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>\n';
    const { status, replies } = await bot.post(personal(text, { attachments: [{ contentType: CARD, content: first.content }] }));
    assert.equal(status, 200);
    assert.deepEqual(replies, []);
    const withQuestion = await bot.post(personal('wat betekent dit?', { attachments: [{ contentType: CARD, content: first.content }] }));
    assert.equal(withQuestion.replies.length, 1, 'words beside the card are still a question');
  });

  it('odd input: nothing found, a non-text parameter, a huge text, a stale or forged selection all get a clear answer', async () => {
    assert.deepEqual((await query('xyzzyq')).attachments, []);
    assert.equal((await query({ nested: true })).type, 'result');
    assert.equal((await query('vuurwerk '.repeat(50_000).slice(0, 200_000))).type, 'result');
    for (const forged of [{}, { date: '2020-02-10', section: 99, sentences: '0' }, { date: '2020-02-10', section: 3, sentences: '999' }, { date: '<b>', section: '1', sentences: 'x' }, null]) {
      const answer = await invoke('composeExtension/selectItem', forged);
      assert.deepEqual(answer, { type: 'message', text: 'Dit citaat staat niet (meer) in de terugkoppelingen. Zoek opnieuw.' }, JSON.stringify(forged));
    }
    assert.equal(bot.errors.length, 0);
  });
});
