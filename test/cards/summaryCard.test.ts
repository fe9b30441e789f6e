// The summary card for every seed meeting: valid Adaptive Card 1.5 for the official parser (no DOM needed to
// parse), within Teams' size limit as a whole activity, with the right content and buttons.
import assert from 'node:assert/strict';
import { byDueMoment, dueText, withOwner } from '../../bot/cards/dueText';
import { keySentence, shortKeySentence } from '../../bot/cards/keySentence';
import { CARD_MAX_BYTES, cardBytes, TEAMS_MESSAGE_LIMIT_BYTES, type AdaptiveCard } from '../../bot/cards/adaptiveCard';
import { summaryCard, VISIBLE_PENDING, VISIBLE_SECTIONS } from '../../bot/cards/summaryCard';
import { formatDate } from '../../bot/corpus/dates';
import { loadReports } from '../../bot/ingest/loadReports';
import { extractPending } from '../../bot/pending/extractPending';
import { byDue, type PendingItem } from '../../bot/pending/pendingItem';
import type { Meeting } from '../../bot/corpus/meeting';
import { seedDir } from '../ingest/helpers';
import { cardProblems } from './cardProblems';
import { pendingItem } from './pendingItems';

/** The card as Teams receives it from the connector, with realistic ids around it. */
function channelActivity(card: AdaptiveCard) {
  return {
    type: 'message',
    id: '1700000000000',
    timestamp: new Date().toISOString(),
    serviceUrl: 'https://smba.trafficmanager.net/emea/00000000-0000-0000-0000-000000000000/',
    channelId: 'msteams',
    from: { id: '28:00000000-0000-0000-0000-000000000000', name: 'LOVP-bot' },
    conversation: { id: '19:0123456789abcdef0123456789abcdef@thread.tacv2', isGroup: true, conversationType: 'channel', tenantId: '00000000-0000-0000-0000-000000000000' },
    recipient: { id: '29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', name: 'Kanaal' },
    channelData: { channel: { id: '19:0123456789abcdef0123456789abcdef@thread.tacv2' }, team: { id: '19:team@thread.tacv2' }, tenant: { id: '00000000-0000-0000-0000-000000000000' } },
    summary: 'Samenvatting LOVP',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}

const allText = (card: unknown) => JSON.stringify(card);
const pending = [
  pendingItem({ text: 'De minister komt in het LOVP van juni terug op het vuurwerkverbod.', due: '2020-06', owner: 'minister' }),
  pendingItem({ text: 'De korpschef levert het plan aan.', due: '2020-09-01', owner: 'korpschef' }),
  pendingItem({ text: 'Nog te agenderen: diversiteit.', due: null, owner: null }),
];

describe('summaryCard', () => {
  let meetings: Meeting[];
  before(async () => {
    meetings = (await loadReports(seedDir)).meetings;
    assert.equal(meetings.length, 5);
  });

  it('is a valid Adaptive Card 1.5 for every seed meeting, in Dutch and English', () => {
    for (const meeting of meetings) {
      for (const language of ['nl', 'en'] as const) {
        const card = summaryCard(meeting, { language, pending, updated: true });
        assert.equal(card.version, '1.5');
        assert.deepEqual(cardProblems(card), [], `${meeting.date} ${language}`);
      }
    }
  });

  it('stays within the size limit of a Teams message, activity included', () => {
    for (const meeting of meetings) {
      const card = summaryCard(meeting, { pending });
      assert.ok(cardBytes(card) <= CARD_MAX_BYTES, `${meeting.date}: ${cardBytes(card)} bytes`);
      assert.ok(cardBytes(channelActivity(card)) <= TEAMS_MESSAGE_LIMIT_BYTES);
    }
  });

  it('shows title, date, every heading with one key sentence, and the pending items', () => {
    for (const meeting of meetings) {
      const card = summaryCard(meeting, { pending });
      const text = allText(card);
      assert.ok(text.includes(JSON.stringify(meeting.title)), meeting.date);
      for (const section of meeting.sections) {
        assert.ok(text.includes(JSON.stringify(section.heading)), `${meeting.date}: ${section.heading}`);
        const sentence = keySentence(section);
        assert.ok(sentence.length > 0 && section.text.replace(/\s+/g, ' ').includes(sentence.replace(/…$/, '')));
      }
      assert.match(text, /De minister komt in het LOVP van juni terug op het vuurwerkverbod\./);
      assert.match(text, /minister · uiterlijk juni 2020/);
      assert.match(text, /korpschef · uiterlijk 1 september 2020/);
      assert.match(text, /geen datum/);
    }
    const feb2020 = summaryCard(meetings.find((m) => m.date === '2020-02-10')!);
    assert.match(allText(feb2020), /Vergadering van 10 februari 2020 · 9 onderwerpen/);
    assert.match(allText(feb2020), /Geen openstaande punten gevonden/);
  });

  it('prefers what was agreed over the opening sentence', () => {
    const jaarwisseling = meetings.find((m) => m.date === '2020-02-10')!.sections.find((s) => s.heading === 'Jaarwisseling')!;
    assert.match(keySentence(jaarwisseling), /^Afgesproken is dat in september dit onderwerp nogmaals wordt geagendeerd/);
    assert.ok(!jaarwisseling.text.startsWith('Afgesproken'));
    assert.equal(keySentence({ text: 'Er is gesproken over de jaarwisseling. De minister zal de Kamer informeren. Besloten is een verbod voor te bereiden.' }),
      'Besloten is een verbod voor te bereiden.');
    assert.equal(keySentence({ text: 'Er is gesproken over de jaarwisseling. De minister zal de Kamer informeren.' }), 'De minister zal de Kamer informeren.');
  });

  it('has a button to list pending items and one to ask a question', () => {
    const meeting = meetings[0];
    const card = summaryCard(meeting, { language: 'en' });
    const [list, ask] = card.actions as Record<string, any>[];
    assert.deepEqual([list.type, list.verb, list.title, list.data], ['Action.Execute', 'pendingList', 'Pending items', { meetingDate: meeting.date, lang: 'en' }]);
    assert.equal(ask.type, 'Action.ShowCard');
    assert.equal(ask.title, 'Ask a question');
    assert.deepEqual(ask.card.body.map((e: any) => [e.type, e.id]), [['Input.Text', 'question']]);
    assert.deepEqual(ask.card.actions.map((a: any) => [a.type, a.verb]), [['Action.Execute', 'ask']]);
  });

  it('trims a huge meeting to fit: shorter sentences, fewer items, then fewer sections, and says so', () => {
    const long = 'Afgesproken is dat ' + 'de regioburgemeesters en de korpschef uitgebreid terugkomen op dit onderwerp '.repeat(12) + 'in het volgende LOVP.';
    const huge: Meeting = {
      date: '2021-06-24',
      title: 'Bestuurlijke terugkoppeling LOVP 24 juni 2021',
      source: 'huge.txt',
      sections: Array.from({ length: 120 }, (_, i) => ({ heading: `Onderwerp ${i + 1} met een tamelijk lange titel over politie en veiligheid`, text: long })),
    };
    const many = Array.from({ length: 60 }, (_, i) => pendingItem({ text: `${long} (${i})`, due: '2021-09', owner: 'korpschef' }));
    const card = summaryCard(huge, { pending: many });
    assert.ok(cardBytes(card) <= CARD_MAX_BYTES, `${cardBytes(card)} bytes`);
    assert.deepEqual(cardProblems(card), []);
    const text = allText(card);
    assert.match(text, /… en nog \d+ onderwerpen/);
    assert.match(text, /… en nog 58 punten/);
    assert.ok(cardBytes(summaryCard(huge, { pending: many, maxBytes: 60_000 })) > CARD_MAX_BYTES, 'the limit is what made it small');
  });

  it('completes a question with its answer: the sentence after a reported question comes along, and survives shortening', () => {
    const jaarwisseling = meetings.find((m) => m.date === '2020-11-23')!.sections.find((s) => s.heading === 'Jaarwisseling')!;
    assert.equal(keySentence(jaarwisseling), 'Door de (regio)burgemeesters is gevraagd of het voorhanden hebben van vuurwerk ook onder het verbod zal vallen. De minister heeft dit bevestigd.');
    assert.match(shortKeySentence(jaarwisseling, 100), /^Door de \(regio\)burgemeesters is gevraagd of .*… De minister heeft dit bevestigd\.$/);
    assert.ok(shortKeySentence(jaarwisseling, 100).length <= 100);
    assert.equal(keySentence({ text: 'Zal de minister het verbod verlengen? Hij zal dat in juni laten weten. Verder niets.' }), 'Zal de minister het verbod verlengen? Hij zal dat in juni laten weten.');
    assert.equal(keySentence({ text: 'De korpschef vraagt zich af of de capaciteit volstaat. De minister zegt toe dit te onderzoeken.' }), 'De minister zegt toe dit te onderzoeken.', 'an agreement still wins');
    assert.equal(keySentence({ text: 'Er is gevraagd of de regeling blijft.' }), 'Er is gevraagd of de regeling blijft.', 'no sentence after it: the question alone');
    assert.match(allText(summaryCard(meetings.find((m) => m.date === '2020-11-23')!)), /De minister heeft dit bevestigd\./);
  });

  it('lists no pending item that is a key sentence: its due moment stands under that sentence, for every seed meeting', () => {
    for (const meeting of meetings) {
      const items = extractPending(meeting);
      const card = summaryCard(meeting, { pending: items });
      const keys = meeting.sections.map((s) => keySentence(s));
      const listed = JSON.stringify(card).match(/"• [^"]*"/g) ?? [];
      for (const line of listed) assert.ok(!keys.some((k) => k.startsWith(JSON.parse(line).slice(2).replace(/…$/, ''))), `${meeting.date}: ${line} repeats a key sentence`);
      const repeated = items.filter((i) => keys.some((k) => k.includes(i.title!)));
      assert.equal((JSON.stringify(card).match(/"Openstaand · /g) ?? []).length, repeated.length, meeting.date);
      assert.equal(listed.length, Math.min(items.length - repeated.length, 10));
    }
  });

  it('reads dates naturally: a next meeting without a date, soon, and due dates in words', () => {
    // The follow-up tracker names the LOVP as its owner; the moment names it already.
    const nextMeeting = pendingItem({ text: 'Dit onderwerp wordt een volgend LOVP uitgebreider geagendeerd.', due: null, duePhrase: 'een volgend LOVP', owner: 'LOVP', section: 'Tot slot' });
    const meeting = meetings.find((m) => m.date === '2020-11-23')!;
    assert.match(allText(summaryCard(meeting, { pending: [nextMeeting] })), /"volgend LOVP \(datum volgt\)"/);
    assert.equal(withOwner('minister', 'uiterlijk mei 2021'), 'minister · uiterlijk mei 2021');
    assert.equal(withOwner('korpschef', ''), 'korpschef');
    assert.match(allText(summaryCard(meeting, { pending: [nextMeeting], language: 'en' })), /"next LOVP \(date to follow\)"/);
    assert.equal(dueText({ due: null, duePhrase: 'op korte termijn', date: '2019-10-28' }, 'nl'), 'binnenkort');
    assert.equal(dueText({ due: null, duePhrase: 'Volgende keer', date: '2019-04-15' }, 'en'), 'next LOVP (date to follow)');
    assert.equal(dueText({ due: '2021-02' }, 'nl'), 'uiterlijk februari 2021');
    assert.equal(dueText({ due: null }, 'nl'), 'geen datum');
  });

  it('sorts due dates chronologically: a year-only due at the end of that year, then the next meeting, soon, none', () => {
    const items = [
      { text: 'a', due: null }, { text: 'b', due: '2021' }, { text: 'c', due: null, duePhrase: 'volgend LOVP' }, { text: 'd', due: '2021-02' },
      { text: 'e', due: '2020-12-01' }, { text: 'f', due: null, duePhrase: 'binnenkort' }, { text: 'g', due: '2021-12-31' },
    ];
    assert.deepEqual([...items].sort(byDueMoment).map((i) => i.text), ['e', 'd', 'b', 'g', 'c', 'f', 'a']);
    const card = allText(summaryCard(meetings[0], { pending: items.map((i) => pendingItem({ ...i, text: `Punt ${i.text} wordt later besproken.` })) }));
    const order = ['e', 'd', 'b', 'g', 'c', 'f', 'a'].map((x) => card.indexOf(`Punt ${x} wordt`));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'the card lists them in that order');
    // The tracker's own order (openstaand, the text list, the CLI) agrees.
    const item = (due: string | null): PendingItem => ({ id: due ?? 'x', date: '2020-11-23', section: 'S', text: 't', owner: null, due, status: 'open' });
    assert.deepEqual([item('2021'), item(null), item('2021-02'), item('2020-12-01')].sort(byDue).map((i) => i.due), ['2020-12-01', '2021-02', '2021', null]);
  });

  it('shows the first sections and items, the rest behind "Toon alles", which turns into "Toon minder"', () => {
    const feb2020 = meetings.find((m) => m.date === '2020-02-10')!;
    const many = Array.from({ length: 6 }, (_, i) => pendingItem({ text: `Punt ${i} komt terug.`, due: `2020-0${i + 3}` }));
    const card = summaryCard(feb2020, { pending: many }) as any;
    const byId = (id: string) => card.body.find((e: any) => e.id === id);
    const hiddenSections = byId('summary-more-sections');
    const hiddenPending = byId('summary-more-pending');
    assert.equal(hiddenSections.isVisible, false);
    assert.equal(hiddenPending.isVisible, false);
    const visibleSections = card.body.filter((e: any) => e.type === 'Container' && !e.id && e.items[0].weight === 'Bolder');
    assert.equal(visibleSections.length, VISIBLE_SECTIONS);
    assert.equal(hiddenSections.items.length, feb2020.sections.length - VISIBLE_SECTIONS);
    assert.equal(card.body.filter((e: any) => e.type === 'Container' && !e.id && /^• /.test(e.items[0].text)).length, VISIBLE_PENDING);
    assert.equal(hiddenPending.items.length, many.length - VISIBLE_PENDING);
    const [showAll, showLess] = ['summary-show-all', 'summary-show-less'].map(byId);
    assert.deepEqual([showAll.isVisible, showAll.actions[0].type, showAll.actions[0].title], [true, 'Action.ToggleVisibility', 'Toon alles']);
    assert.deepEqual([showLess.isVisible, showLess.actions[0].title], [false, 'Toon minder']);
    assert.deepEqual(showAll.actions[0].targetElements, ['summary-more-sections', 'summary-more-pending', 'summary-show-all', 'summary-show-less']);
    assert.equal((summaryCard(feb2020, { pending: many, language: 'en' }).body.find((e: any) => e.id === 'summary-show-all') as any).actions[0].title, 'Show all');
    // A short report has nothing to hide.
    const short = { ...feb2020, sections: feb2020.sections.slice(0, 3) };
    assert.equal(summaryCard(short, { pending: many.slice(0, 2) }).body.some((e: any) => e.id), false);
  });

  it('writes due dates as words', () => {
    assert.equal(formatDate('2021-02', 'nl'), 'februari 2021');
    assert.equal(formatDate('2021-02', 'en'), 'February 2021');
    assert.equal(formatDate('2020-06-24', 'nl'), '24 juni 2020');
    assert.equal(formatDate('2021', 'nl'), '2021');
  });
});
