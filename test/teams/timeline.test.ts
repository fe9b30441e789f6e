// "tijdlijn vuurwerk" / "timeline fireworks" through /api/messages: a card listing every meeting that discussed
// the topic, oldest first, one key sentence each with its citation linking to the report page, and the open
// follow-ups on the topic; valid for the adaptivecards parser and within the size limit.
import assert from 'node:assert/strict';
import { CARD_MAX_BYTES, cardBytes } from '../../bot/cards/adaptiveCard';
import { timelineCard, type TimelineEntry } from '../../bot/cards/timelineCard';
import { extractAllPending } from '../../bot/pending/extractPending';
import { itemsOnTopic } from '../../bot/pending/itemsOnTopic';
import { cardProblems } from '../cards/cardProblems';
import { pendingItem } from '../cards/pendingItems';
import { personal, seedKnowledgeBase, startBot, type RunningBot } from '../helpers/teamsBot';

const entriesOf = (card: any) => card.body.filter((e: any) => e.type === 'Container' && e.items?.[0]?.type === 'ColumnSet');
const textsOf = (element: any): string[] => (element.type === 'TextBlock' ? [element.text] : [...(element.items ?? []), ...(element.columns ?? [])].flatMap(textsOf));

describe('topic timeline', function () {
  this.timeout(30_000);
  let bot: RunningBot;
  before(async () => {
    const kb = await seedKnowledgeBase();
    const items = extractAllPending(kb.meetings);
    bot = await startBot({ pending: { openItems: () => items } });
  });
  after(async () => bot.close());

  const cardFor = async (text: string, locale = 'nl-NL') => {
    const { status, replies } = await bot.post(personal(text, { locale }));
    assert.equal(status, 200);
    assert.equal(replies.length, 1);
    const attachment = replies[0].attachments?.[0];
    assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive', `a card for ${text}`);
    return { card: attachment!.content as any, reply: replies[0] };
  };

  it('"tijdlijn vuurwerk": every Jaarwisseling meeting oldest first, one sentence and a working report link each, then the follow-ups', async () => {
    const kb = await seedKnowledgeBase();
    const { card, reply } = await cardFor('tijdlijn vuurwerk');
    assert.deepEqual(cardProblems(card), []);
    assert.ok(cardBytes(card) <= CARD_MAX_BYTES);
    const entries = entriesOf(card);
    const expected = kb.timeline('vuurwerk').answers;
    assert.equal(entries.length, expected.length);
    assert.ok(entries.length >= 3, 'the three Jaarwisseling meetings');
    const dates = entries.map((e: any) => new URL(e.selectAction.url).pathname.split('/').pop());
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    for (const entry of entries) {
      const [day, year, heading, sentence, source] = textsOf(entry);
      const date = new URL(entry.selectAction.url).pathname.split('/').pop()!;
      assert.equal(year, date.slice(0, 4));
      assert.equal(day, `${+date.slice(8)} ${['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][+date.slice(5, 7) - 1]}`, 'the date column: day and short month');
      assert.equal(heading, 'Jaarwisseling');
      assert.ok(sentence.length <= 203, 'one shortened sentence');
      assert.match(source, /^Bron: LOVP \d{1,2} [a-z]+ \d{4} – Jaarwisseling ↗$/);
      assert.equal(entry.selectAction.type, 'Action.OpenUrl');
      const page = await fetch(entry.selectAction.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<section id="jaarwisseling" class="cited">/);
    }
    const all = JSON.stringify(card);
    assert.match(all, /Openstaande punten over dit onderwerp \(\d+\)/);
    assert.match(all, /in september dit onderwerp nogmaals wordt geagendeerd/, 'the follow-up of the Jaarwisseling of February 2020');
    assert.match(reply.summary!, /^Tijdlijn vuurwerk\n15 april 2019 – Jaarwisseling/);
  });

  it('"timeline fireworks" answers in English with the same meetings; its follow-ups come from the listed sections', async () => {
    const dutch = entriesOf((await cardFor('tijdlijn vuurwerk')).card).map((e: any) => e.selectAction.url.split('?')[0]);
    const { card } = await cardFor('timeline fireworks', 'nl-NL');
    assert.deepEqual(entriesOf(card).map((e: any) => e.selectAction.url.split('?')[0]), dutch);
    const all = JSON.stringify(card);
    assert.match(all, /Timeline from the LOVP reports/);
    assert.match(all, /Open follow-ups on this topic \(\d+\)/);
    assert.match(all, /Source: LOVP \d+ [A-Z][a-z]+ \d{4} – Jaarwisseling/);
    assert.equal(textsOf(entriesOf(card)[0])[0], '15 Apr', 'the date column in English');
  });

  it('without a topic, or with one no meeting discussed, a clear message in the language of the command', async () => {
    assert.match((await bot.post(personal('tijdlijn'))).replies[0].text!, /^Noem een onderwerp na \*\*tijdlijn\*\*/);
    assert.match((await bot.post(personal('timeline'))).replies[0].text!, /^Name a topic after \*\*timeline\*\*/);
    assert.equal((await bot.post(personal('tijdlijn xyzzyq **vet**'))).replies[0].text, 'Ik vond geen vergaderingen over "xyzzyq vet". Probeer andere woorden.');
  });
});

describe('timelineCard and itemsOnTopic', () => {
  const item = (date: string, section: string, text: string) => pendingItem({ id: `${date}-${section}`, date, section, text });

  it('follow-ups: from a listed section (not a catch-all one), or holding the topic words, also inside a compound', () => {
    const items = [
      item('2020-02-10', 'Jaarwisseling', 'Het onderwerp komt in september terug.'),
      item('2020-11-23', 'Tot slot', 'Dit onderwerp wordt een volgend LOVP geagendeerd.'),
      item('2019-04-15', 'Mensenhandel', 'Overleg over een verbod op knalvuurwerk volgt.'),
      item('2019-04-15', 'Bodycams', 'De korpschef levert een plan.'),
    ];
    const listed = [{ date: '2020-02-10', section: 'Jaarwisseling' }, { date: '2020-11-23', section: 'Tot slot' }];
    assert.deepEqual(itemsOnTopic(items, 'vuurwerk', listed).map((i) => i.section), ['Jaarwisseling', 'Mensenhandel']);
    assert.deepEqual(itemsOnTopic(items, 'fireworks', listed).map((i) => i.section), ['Jaarwisseling']);
    assert.deepEqual(itemsOnTopic(items, 'de', []), [], 'a topic of function words matches nothing');
  });

  it('stays within the size limit for thirty meetings of long sentences and many follow-ups, newest meetings kept', () => {
    const long = 'Afgesproken is dat '.concat('het onderwerp vuurwerk '.repeat(40)).concat('terugkomt.');
    const entries: TimelineEntry[] = Array.from({ length: 30 }, (_, i) => ({ date: `${1990 + i}-03-01`, section: `Jaarwisseling ${'x'.repeat(60)}`, quote: long, url: `https://lovp.example.nl/reports/${1990 + i}-03-01?section=1#jaarwisseling` }));
    const followUps = Array.from({ length: 40 }, (_, i) => item(`2019-0${1 + (i % 9)}-01`, 'Jaarwisseling', long));
    for (const language of ['nl', 'en'] as const) {
      const card = timelineCard('vuurwerk', entries, followUps, { language, maxBytes: 12_000 });
      assert.ok(cardBytes(card) <= 12_000, `${cardBytes(card)} bytes`);
      assert.deepEqual(cardProblems(card), []);
      const shown = entriesOf(card);
      assert.ok(shown.length >= 1 && shown.length < 30);
      assert.equal(shown.at(-1).selectAction.url, entries[29].url, 'the newest meeting stays');
      assert.match(JSON.stringify(card), language === 'nl' ? /eerdere vergaderingen niet getoond/ : /earlier meetings not shown/);
    }
  });
});
