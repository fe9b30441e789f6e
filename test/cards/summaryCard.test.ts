// The summary card for every seed meeting: valid Adaptive Card 1.5 for the official parser (no DOM needed to
// parse), within Teams' size limit as a whole activity, with the right content and buttons.
import assert from 'node:assert/strict';
import { keySentence } from '../../bot/cards/keySentence';
import { CARD_MAX_BYTES, cardBytes, TEAMS_MESSAGE_LIMIT_BYTES, type AdaptiveCard } from '../../bot/cards/adaptiveCard';
import { summaryCard } from '../../bot/cards/summaryCard';
import { formatDate } from '../../bot/corpus/dates';
import { loadReports } from '../../bot/ingest/loadReports';
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

  it('writes due dates as words', () => {
    assert.equal(formatDate('2021-02', 'nl'), 'februari 2021');
    assert.equal(formatDate('2021-02', 'en'), 'February 2021');
    assert.equal(formatDate('2020-06-24', 'nl'), '24 juni 2020');
    assert.equal(formatDate('2021', 'nl'), '2021');
  });
});
