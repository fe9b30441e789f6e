// The pieces behind the Teams bot, tested directly: mention stripping, command words, citation limits,
// thread ids, meeting lookup by date, and the subscription store under concurrent writers.
import assert from 'node:assert/strict';
import { MemoryStorage, type Activity } from 'botbuilder';
import type { Meeting } from '../../bot/corpus/meeting';
import type { Answer } from '../../bot/answer/knowledgeBase';
import { citationName, citedAnswerActivity, MAX_ABSTRACT_CHARS, MAX_NAME_CHARS } from '../../bot/teams/citations';
import { parseCommand } from '../../bot/teams/commands';
import { replyLanguage } from '../../bot/teams/replyLanguage';
import { stripMentions } from '../../bot/teams/stripMentions';
import { SubscriptionStore, type Subscription } from '../../bot/notify/subscriptions';
import { keySentence } from '../../bot/cards/keySentence';
import { findMeeting } from '../../bot/teams/summaryText';
import { channelConversationId, threadConversationId } from '../../bot/teams/threading';
import { shorten } from '../../bot/shared/shorten';
import { botWasAdded, claimWelcome } from '../../bot/teams/welcome';
import { reminderLedgerKey } from '../../bot/state/keys';

const bot = { id: '28:bot', name: 'LOVP Bot' };
const at = (name: string) => `<at>${name}</at>`;

describe('stripMentions', () => {
  const msg = (text: string, entities: any[] = []): Partial<Activity> => ({ type: 'message', text, recipient: bot, entities });
  const botMention = { type: 'mention', text: at('LOVP Bot'), mentioned: bot };

  it('removes the bot mention wherever it is, every time it occurs', () => {
    assert.equal(stripMentions(msg(`${at('LOVP Bot')} wat is er afgesproken?`, [botMention])), 'wat is er afgesproken?');
    assert.equal(stripMentions(msg(`wat is ${at('LOVP Bot')} er afgesproken ${at('LOVP Bot')}`, [botMention])), 'wat is er afgesproken');
  });

  it('keeps other people by name, without tags', () => {
    const jan = { type: 'mention', text: at('Jan'), mentioned: { id: '29:jan', name: 'Jan' } };
    assert.equal(stripMentions(msg(`${at('LOVP Bot')} wat zei ${at('Jan')} over bodycams?`, [botMention, jan])), 'wat zei Jan over bodycams?');
  });

  it('recognises the bot by name when the entity is missing, and decodes &nbsp;', () => {
    assert.equal(stripMentions(msg(`${at('lovp bot')}&nbsp;vuurwerk &amp; jaarwisseling`)), 'vuurwerk & jaarwisseling');
  });

  it('gives an empty string for only a mention, no text or a non-string text', () => {
    assert.equal(stripMentions(msg(` ${at('LOVP Bot')}  `, [botMention])), '');
    assert.equal(stripMentions({ type: 'message', recipient: bot }), '');
    assert.equal(stripMentions({ type: 'message', text: 42 as any, recipient: bot, entities: 'x' as any }), '');
  });
});

describe('parseCommand', () => {
  it('knows the Dutch and English words and answers in the language of the word', () => {
    const cases: [string, string, string][] = [
      ['hulp', 'help', 'nl'], ['vergaderingen', 'meetings', 'nl'], ['meetings', 'meetings', 'en'],
      ['samenvatting', 'summary', 'nl'], ['summary', 'summary', 'en'], ['openstaand', 'pending', 'nl'],
      ['pending', 'pending', 'en'], ['abonneer', 'subscribe', 'nl'], ['subscribe', 'subscribe', 'en'],
      ['stop', 'unsubscribe', 'nl'], ['unsubscribe', 'unsubscribe', 'en'],
    ];
    for (const [text, name, language] of cases) assert.deepEqual(parseCommand(text), { name, argument: '', language }, text);
  });

  it('ignores case, a leading slash and trailing punctuation; keeps the argument', () => {
    assert.deepEqual(parseCommand('/Samenvatting  10 februari 2020 '), { name: 'summary', argument: '10 februari 2020', language: 'nl' });
    assert.equal(parseCommand('HELP!')?.name, 'help');
    assert.equal(parseCommand('help?', 'en-US')?.language, 'en');
    assert.equal(parseCommand('stop', 'en-GB')?.language, 'en');
  });

  it('takes a bare greeting as a request for help, but not a greeting before a question', () => {
    assert.deepEqual(parseCommand('Hallo!'), { name: 'help', argument: '', language: 'nl' });
    assert.deepEqual(parseCommand('hi'), { name: 'help', argument: '', language: 'en' });
    assert.equal(parseCommand('hallo, wat is er afgesproken over vuurwerk?'), undefined);
  });

  it('leaves questions alone', () => {
    for (const text of ['wat is er afgesproken over vuurwerk?', 'helpen bodycams?', 'stop met vuurwerk?', 'summarysomething', '', '/', '10 februari']) {
      assert.equal(parseCommand(text), undefined, text);
    }
  });
});

describe('replyLanguage', () => {
  it('follows the question, and the client locale when the text is too short to tell', () => {
    assert.equal(replyLanguage('what was agreed about fireworks?'), 'en');
    assert.equal(replyLanguage('wat is er afgesproken over vuurwerk?', 'en-US'), 'nl');
    assert.equal(replyLanguage('?', 'en-US'), 'en');
    assert.equal(replyLanguage('', 'fr-FR'), 'nl');
  });
});

describe('citations', () => {
  const answer = (i: number, extra: Partial<Answer> = {}): Answer => ({
    date: '2020-02-10', meeting: 'Bestuurlijke terugkoppeling LOVP 10 februari 2020', section: `Onderwerp ${i}`, quote: `Zin ${i} over vuurwerk.`, score: 1, ...extra,
  });

  it('names are "LOVP <date> – <section>" cut to 80 characters with an ellipsis', () => {
    assert.equal(citationName(answer(1, { section: 'Jaarwisseling' }), 'nl'), 'LOVP 10 februari 2020 – Jaarwisseling');
    assert.equal(citationName(answer(1, { section: 'Jaarwisseling' }), 'en'), 'LOVP 10 February 2020 – Jaarwisseling');
    const long = citationName(answer(1, { section: 'Gegevensuitwisseling tussen gemeenten, politie en openbaar ministerie in het zorg- en veiligheidsdomein' }), 'nl');
    assert.ok(long.length <= MAX_NAME_CHARS && long.endsWith('…'), long);
  });

  it('abstracts stay within 160 characters, at most 20 citations, markers match positions', () => {
    const answers = Array.from({ length: 25 }, (_, i) => answer(i + 1, { quote: `${'Een lange zin over de jaarwisseling en vuurwerk. '.repeat(12)} [${i}]` }));
    const activity = citedAnswerActivity(answers, 'nl', 99);
    const citations = (activity.entities![0] as any).citation;
    assert.equal(citations.length, 20);
    for (const c of citations) assert.ok(c.appearance.abstract.length <= MAX_ABSTRACT_CHARS);
    const markers = [...activity.text!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    assert.deepEqual(markers, Array.from({ length: 20 }, (_, i) => i + 1), 'footnote-like [n] in a quote is not taken for a marker');
    assert.equal((citedAnswerActivity(answers, 'nl', 3).entities![0] as any).citation.length, 3);
  });

  it('shorten cuts at a word boundary and never exceeds the limit', () => {
    assert.equal(shorten('kort', 10), 'kort');
    assert.equal(shorten('een twee drie vier vijf', 15), 'een twee drie…');
    assert.equal(shorten('x'.repeat(50), 10), `${'x'.repeat(9)}…`);
  });
});

describe('threads', () => {
  const ch = '19:abc@thread.tacv2';
  it('finds the thread from the conversation id, the replyToId or the new post itself', () => {
    assert.equal(threadConversationId({ id: '3', conversation: { id: `${ch};messageid=1` } as any, replyToId: '2' }), `${ch};messageid=1`);
    assert.equal(threadConversationId({ id: '3', conversation: { id: ch } as any, replyToId: '2' }), `${ch};messageid=2`);
    assert.equal(threadConversationId({ id: '3', conversation: { id: ch } as any }), `${ch};messageid=3`);
    assert.equal(channelConversationId(`${ch};messageid=1`), ch);
  });
});

describe('summaries', () => {
  const meetings = [
    { date: '2019-04-15', sections: [] },
    { date: '2019-10-28', sections: [] },
    { date: '2020-02-10', sections: [] },
  ] as unknown as Meeting[];
  it('finds the meeting by full date, month, ISO month or year; the latest when none is given', () => {
    assert.equal(findMeeting(meetings, '')?.date, '2020-02-10');
    assert.equal(findMeeting(meetings, '15 april 2019')?.date, '2019-04-15');
    assert.equal(findMeeting(meetings, '15-04-2019')?.date, '2019-04-15');
    assert.equal(findMeeting(meetings, 'oktober 2019')?.date, '2019-10-28');
    assert.equal(findMeeting(meetings, '2019-10')?.date, '2019-10-28');
    assert.equal(findMeeting(meetings, '2019')?.date, '2019-10-28');
    assert.equal(findMeeting(meetings, '1 januari 2000'), undefined);
    assert.equal(findMeeting(meetings, 'gisteren'), undefined);
    assert.equal(findMeeting([], ''), undefined);
  });
  it('the key sentence prefers what was agreed', () => {
    const s = keySentence({ text: 'Er wordt gesproken over vuurwerk. Afgesproken is dat de minister in juni terugkomt. Verder niets.' });
    assert.equal(s, 'Afgesproken is dat de minister in juni terugkomt.');
    assert.equal(keySentence({ text: 'Eerste zin. Tweede zin.' }), 'Eerste zin.');
  });
});

describe('welcome trigger', () => {
  it('fires for the bot itself being added or an installationUpdate add', () => {
    assert.equal(botWasAdded({ type: 'conversationUpdate', recipient: bot, membersAdded: [{ id: bot.id, name: '' }] }), true);
    assert.equal(botWasAdded({ type: 'conversationUpdate', recipient: bot, membersAdded: [{ id: '29:user', name: '' }] }), false);
    assert.equal(botWasAdded({ type: 'installationUpdate', action: 'add' }), true);
    assert.equal(botWasAdded({ type: 'installationUpdate', action: 'remove' }), false);
    assert.equal(botWasAdded({ type: 'message', recipient: bot }), false);
  });
});

describe('welcome bookkeeping', () => {
  it('welcomes each conversation once in ten minutes and remembers only those ten minutes, in one record', async () => {
    const shared: Record<string, string> = {};
    const storage = new MemoryStorage(shared);
    const t0 = Date.parse('2024-01-01T10:00:00Z');
    const ids = Array.from({ length: 300 }, (_, i) => `a:install-${i}`);
    assert.ok((await Promise.all(ids.map((id) => claimWelcome(storage, id, t0)))).every(Boolean));
    assert.deepEqual(await Promise.all(ids.slice(0, 5).map((id) => claimWelcome(storage, id, t0 + 60_000))), [false, false, false, false, false]);
    assert.equal(await claimWelcome(storage, 'a:later', t0 + 11 * 60_000), true);
    assert.deepEqual(Object.keys(shared).filter((k) => k.startsWith('welcome/')), ['welcome/recent']);
    assert.deepEqual(Object.keys(JSON.parse(shared['welcome/recent']).sentAt), ['a:later'], 'older welcomes are forgotten');
    assert.equal(await claimWelcome(storage, ids[0], t0 + 11 * 60_000), true, 'welcomed again after the window');
  });
});

describe('SubscriptionStore', () => {
  const sub = (id: string): Subscription => ({ conversationId: id, reference: { conversation: { id } as any }, scope: 'channel', language: 'nl', subscribedAt: '2024-01-01T00:00:00.000Z' });

  it('keeps every subscription when many conversations subscribe at the same time', async () => {
    const store = new SubscriptionStore(new MemoryStorage());
    const ids = Array.from({ length: 20 }, (_, i) => `19:c${i}@thread.tacv2`);
    const outcomes = await Promise.all(ids.slice(0, 4).map((id) => store.subscribe(sub(id))));
    assert.deepEqual(outcomes, ['added', 'added', 'added', 'added']);
    for (const id of ids.slice(4)) await store.subscribe(sub(id));
    assert.deepEqual((await store.all()).map((s) => s.conversationId).sort(), [...ids].sort());
  });

  it('two instances sharing one store lose no subscription (eTag retries)', async () => {
    const shared = {};
    const a = new SubscriptionStore(new MemoryStorage(shared));
    const b = new SubscriptionStore(new MemoryStorage(shared));
    await a.subscribe(sub('first'));
    const ids = Array.from({ length: 8 }, (_, i) => `19:x${i}@thread.tacv2`);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).subscribe(sub(id))));
    assert.deepEqual((await b.all()).map((s) => s.conversationId).sort(), ['first', ...ids].sort());
    await Promise.all(ids.map((id, i) => (i % 2 ? b : a).unsubscribe(id)));
    assert.deepEqual((await a.all()).map((s) => s.conversationId), ['first']);
  });

  it('says "already" for a second subscribe, keeps the first date and refreshes the reference', async () => {
    const store = new SubscriptionStore(new MemoryStorage());
    await store.subscribe(sub('a'));
    const again = { ...sub('a'), subscribedAt: '2025-01-01T00:00:00.000Z', reference: { conversation: { id: 'a' } as any, serviceUrl: 'https://new/' } };
    assert.equal(await store.subscribe(again), 'already');
    const stored = await store.get('a');
    assert.equal(stored?.subscribedAt, '2024-01-01T00:00:00.000Z');
    assert.equal(stored?.reference.serviceUrl, 'https://new/');
    assert.equal(await store.unsubscribe('a'), true);
    assert.equal(await store.unsubscribe('a'), false);
    assert.deepEqual(await store.all(), []);
  });

  it('forgets the reminders a conversation got when it unsubscribes', async () => {
    const shared: Record<string, string> = {};
    const storage = new MemoryStorage(shared);
    const store = new SubscriptionStore(storage);
    await store.subscribe(sub('a'));
    await store.subscribe(sub('b'));
    await storage.write({ [reminderLedgerKey('a')]: { createdAt: new Date().toISOString(), sent: { 'x:soon': { state: 'sent', at: '', by: '' } } }, [reminderLedgerKey('b')]: { createdAt: new Date().toISOString(), sent: {} } });
    await store.unsubscribe('a');
    // MemoryStorage keeps a deleted key with no value.
    const kept = Object.keys(shared).filter((k) => shared[k] !== undefined);
    assert.deepEqual(kept.sort(), ['subscriptions/index', 'subscriptions/conversation/b', reminderLedgerKey('b')].sort());
  });
});
