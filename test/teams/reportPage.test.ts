// Citations that open the source: every citation of an answer through /api/messages carries the address of the
// report page, and GET /reports/<date> on the same server serves that report as HTML with the quoted sentences
// marked, the cited section framed under the anchor the link names, and safe headers. Unknown dates are 404,
// report text is escaped, and nothing of the request is written into the page.
import assert from 'node:assert/strict';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { splitSentences } from '../../bot/answer/sentences';
import { loadConfig } from '../../bot/config';
import { citedAnswerActivity } from '../../bot/teams/citations';
import { locateQuote, parseSentenceRanges, sectionAnchors, sentenceRanges } from '../../bot/teams/reportLinks';
import { reportPage } from '../../bot/teams/reportPage';
import { meeting } from '../helpers/meeting';
import { citationsOf, personal, seedKnowledgeBase, startBot, type RunningBot } from '../helpers/teamsBot';

const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('citations open the report page', function () {
  this.timeout(30_000);
  let bot: RunningBot;
  before(async () => {
    bot = await startBot();
  });
  after(async () => bot.close());

  it('every citation links to /reports/<date> on this bot; the page marks exactly the quoted sentences under the linked anchor', async () => {
    const kb = await seedKnowledgeBase();
    const { replies } = await bot.post(personal('wat is er afgesproken over vuurwerk?'));
    const citations = citationsOf(replies[0]);
    assert.ok(citations.length >= 2);
    for (const c of citations) {
      const url = new URL(c.appearance.url);
      assert.equal(url.origin, bot.url, 'local mode links to the bot itself');
      const [, date] = /^\/reports\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname)!;
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(res.headers.get('content-security-policy')!, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      const html = await res.text();
      assert.doesNotMatch(html, /<script|<img|<form|<iframe|\son\w+=/i, 'nothing but text and style');
      // The anchor names the section with the cited heading, and that section is the framed one.
      const meeting = kb.meetings.find((m) => m.date === date)!;
      const section = Number(url.searchParams.get('section'));
      assert.equal(meeting.sections[section].heading, c.appearance.name.split(' – ').pop());
      assert.equal(url.hash, `#${sectionAnchors(meeting.sections)[section]}`);
      assert.match(html, new RegExp(`<section id="${url.hash.slice(1)}" class="cited"><h2>`));
      // The marked sentences are the ones the quote holds, all of them inside the framed section.
      const marked = marks(html).map(unescape);
      assert.deepEqual(marked, parseSentenceRanges(url.searchParams.get('sentences')).map((i) => splitSentences(meeting.sections[section].text)[i]));
      const quote = replies[0].text!.split(`[${c.position}]`)[0].split('"').at(-2)!;
      for (const sentence of marked) assert.ok(quote.replace(/\s+/g, ' ').includes(sentence.replace(/\s+/g, ' ')), `marked sentence is quoted: ${sentence}`);
      const cited = html.slice(html.indexOf('class="cited"'));
      assert.ok(cited.indexOf('<mark>') < cited.indexOf('</section>'));
    }
  });

  it('an English answer links to the page with English labels; the report text stays Dutch', async () => {
    const { replies } = await bot.post(personal('What was agreed about fireworks?', { locale: 'en-US' }));
    const url = citationsOf(replies[0])[0].appearance.url;
    assert.match(url, /[?&]lang=en/);
    const html = await (await fetch(url)).text();
    assert.match(html, /Meeting of \d+ [A-Z][a-z]+ \d{4}/);
    assert.match(html, /Jaarwisseling/);
  });

  it('unknown or malformed dates are 404 with a short text, HEAD gets headers only, bad parameters are ignored', async () => {
    for (const path of ['/reports/2099-01-01', '/reports/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/reports/2020-02-10x']) {
      const res = await fetch(bot.url + path);
      assert.equal(res.status, 404, path);
      const text = await res.text();
      assert.equal(text, 'Deze terugkoppeling ken ik niet.');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
    const head = await fetch(`${bot.url}/reports/2020-02-10`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.ok(Number(head.headers.get('content-length')) > 1000);
    assert.equal(await head.text(), '');
    const odd = await fetch(`${bot.url}/reports/2020-02-10?section=<b>&sentences=1-99999999,x&lang=<i>`);
    assert.equal(odd.status, 200);
    const html = await odd.text();
    assert.doesNotMatch(html, /<b>|<i>|class="cited"|<mark>/);
  });

  it('with PUBLIC_URL set, citations link there', async () => {
    const behindProxy = await startBot({ env: { PUBLIC_URL: 'https://lovp.example.nl/bot/' } });
    try {
      const { replies } = await behindProxy.post(personal('wat is er afgesproken over vuurwerk?'));
      for (const c of citationsOf(replies[0])) assert.match(c.appearance.url, /^https:\/\/lovp\.example\.nl\/bot\/reports\/\d{4}-\d{2}-\d{2}\?section=\d+/);
    } finally {
      await behindProxy.close();
    }
  });

  it('the server still refuses a GET on /api/messages and still reads /api/messages bodies itself', async () => {
    assert.notEqual((await fetch(`${bot.url}/api/messages`)).status, 200);
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>' });
    assert.equal(res.status, 415);
  });
});

describe('report page and links', () => {
  const report = meeting('2021-03-01', [
    ['Vuurwerk <script>alert(1)</script>', 'Eerste zin over "vuurwerk" & zo. Tweede zin hierover.\n\nNieuwe alinea met een derde zin.'],
    ['Vuurwerk <script>alert(1)</script>', 'Nog een sectie met dezelfde kop.'],
    ['Één & ander', 'Tekst.'],
  ]);

  it('escapes every report text, gives duplicate headings their own anchor, counts sentences over paragraphs', () => {
    const html = reportPage(report, { section: 0, marked: [2] });
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /Vuurwerk &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&quot;vuurwerk&quot; &amp; zo/);
    assert.deepEqual(sectionAnchors(report.sections), ['vuurwerk-script-alert-1-script', 'vuurwerk-script-alert-1-script-2', 'een-ander']);
    assert.deepEqual(marks(html), ['Nieuwe alinea met een derde zin.']);
  });

  it('finds a quote in the section of its heading that holds it, also a quote cut short with "…"', () => {
    const meetings = [report];
    assert.deepEqual(locateQuote(meetings, { date: '2021-03-01', section: report.sections[1].heading, quote: 'Nog een sectie met dezelfde kop.' }), { date: '2021-03-01', section: 1, sentences: [0] });
    assert.deepEqual(locateQuote(meetings, { date: '2021-03-01', section: report.sections[0].heading, quote: 'Tweede zin hierover. Nieuwe alinea met een…' }), { date: '2021-03-01', section: 0, sentences: [1, 2] });
    assert.equal(locateQuote(meetings, { date: '2021-03-02', section: 'x', quote: 'x' }), undefined);
  });

  it('writes and reads sentence ranges, and reads only bounded ones', () => {
    assert.equal(sentenceRanges([0, 1, 2, 5, 7, 8]), '0-2,5,7-8');
    assert.deepEqual(parseSentenceRanges('0-2,5,7-8'), [0, 1, 2, 5, 7, 8]);
    assert.deepEqual(parseSentenceRanges('1-9999').length, 40);
    for (const bad of ['', 'x', '1-2;3', '-1', `${'1,'.repeat(200)}1`]) assert.deepEqual(parseSentenceRanges(bad), [], bad);
  });

  it('PUBLIC_URL: an http(s) base without query or fragment, its trailing slash dropped; citations carry no link without one', async () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://lovp.example.nl/bot/' }).publicUrl, 'https://lovp.example.nl/bot');
    assert.equal(loadConfig({}).publicUrl, '');
    for (const bad of ['lovp.example.nl', 'ftp://x.nl', 'https://x.nl/?a=1', 'https://x.nl/#top', 'https://u:p@x.nl']) {
      assert.throws(() => loadConfig({ PUBLIC_URL: bad }), /PUBLIC_URL must be/, bad);
    }
    const kb = new KnowledgeBase([report]);
    const answers = kb.ask('vuurwerk').answers;
    const linked = citedAnswerActivity(answers, 'nl', 5, [], () => 'https://lovp.example.nl/reports/x');
    assert.equal((linked.entities![0] as any).citation[0].appearance.url, 'https://lovp.example.nl/reports/x');
    const plain = citedAnswerActivity(answers, 'nl', 5);
    assert.equal('url' in (plain.entities![0] as any).citation[0].appearance, false);
  });
});
