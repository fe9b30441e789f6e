// Reply language through /api/messages: Dutch words are answered in Dutch without any function word, also on an
// en-US client ("vuurwerk"); a conversation remembers the language it last used, so words both languages have
// ("stop", "help") answer in it before the client locale; the memory is one small record per conversation in the
// state store, written only when the language changes, and a failing store costs only the preference.
import assert from 'node:assert/strict';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { languageKey } from '../../bot/state/keys';
import { messageLanguage } from '../../bot/teams/languageMemory';
import { replyLanguage } from '../../bot/teams/replyLanguage';
import { CHANNEL_ID, channel, groupChat, personal, seedKnowledgeBase, startBot, type RunningBot } from '../helpers/teamsBot';

const isLanguageKey = (key: string) => key.startsWith('language/');

/** MemoryStorage that counts the writes of the language records, and can be made to fail on them. */
class WatchedStorage extends MemoryStorage {
  languageReads = 0;
  languageWrites = 0;
  failing = false;
  async read(keys: string[]): Promise<StoreItems> {
    if (this.failing && keys.some(isLanguageKey)) throw new Error('disk gone');
    this.languageReads += keys.filter(isLanguageKey).length;
    return super.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    if (this.failing && Object.keys(changes).some(isLanguageKey)) throw new Error('disk gone');
    this.languageWrites += Object.keys(changes).filter(isLanguageKey).length;
    return super.write(changes);
  }
}

const DUTCH_ANSWER = /^Dit staat erover in de bestuurlijke terugkoppeling/;
const ENGLISH_ANSWER = /^This is what the LOVP report/;

describe('reply language and language memory', function () {
  this.timeout(30_000);
  let bot: RunningBot;
  let storage: WatchedStorage;
  beforeEach(async () => {
    storage = new WatchedStorage();
    bot = await startBot({ storage });
  });
  afterEach(async () => bot.close());

  const reply = async (activity: Parameters<RunningBot['post']>[0]) => {
    const { status, replies } = await bot.post(activity);
    assert.equal(status, 200);
    return String(replies[0]?.text ?? '');
  };

  it('one Dutch word on an en-US client is answered in Dutch, one English word on a nl-NL client in English', async () => {
    assert.match(await reply(personal('vuurwerk', { locale: 'en-US' })), DUTCH_ANSWER);
    assert.match(await reply(personal('veiligheidsbeeld', { locale: 'en-US', conversation: { id: 'a:1other-chat', conversationType: 'personal' } as any })), DUTCH_ANSWER, 'a report word the word lists lack');
    assert.match(await reply(groupChat('jaarwisseling', { locale: 'en-US' })), DUTCH_ANSWER);
    assert.match(await reply(channel('fireworks', '1700000000900', 'conversationId', { locale: 'nl-NL' })), ENGLISH_ANSWER);
  });

  it('after "abonneer" on an en-US client, "stop" confirms in Dutch; "help" follows the last language too', async () => {
    const en = { locale: 'en-US' };
    assert.match(await reply(personal('abonneer', en)), /^Geabonneerd/);
    assert.match(await reply(personal('stop', en)), /^Abonnement opgezegd/);
    assert.match(await reply(personal('help', en)), /^\*\*Zo werkt de LOVP-bot\*\*/);
    // An English question makes the conversation English; a nl-NL client then gets English help.
    assert.match(await reply(personal('What was agreed about fireworks?', { locale: 'nl-NL' })), ENGLISH_ANSWER);
    assert.match(await reply(personal('help', { locale: 'nl-NL' })), /^\*\*How the LOVP bot works\*\*/);
    assert.match(await reply(personal('2019', { locale: 'nl-NL' })), /^(I found nothing|This is what|About your earlier question)/);
  });

  it('is kept per conversation (a channel with its threads is one); a new conversation starts from the client locale', async () => {
    assert.match(await reply(channel('wat is er afgesproken over vuurwerk?', '1700000000901', 'conversationId', { locale: 'en-US' })), DUTCH_ANSWER);
    assert.match(await reply(channel('help', '1700000000902', 'replyToId', { locale: 'en-US' })), /^\*\*Zo werkt/, 'another thread of the same channel');
    assert.match(await reply(groupChat('help', { locale: 'en-US' })), /^\*\*How the LOVP bot works/, 'the group chat has no language yet');
    const record = (await storage.read([languageKey(CHANNEL_ID)]))[languageKey(CHANNEL_ID)];
    assert.equal(record.language, 'nl');
  });

  it('writes the record only when the language changes, and reads it only for messages that show no language', async () => {
    for (const text of ['vuurwerk', 'roosterdruk?', 'wat is er afgesproken over vuurwerk?', 'samenvatting']) await reply(personal(text, { locale: 'en-US' }));
    assert.deepEqual([storage.languageReads, storage.languageWrites], [1, 1], 'one read for the first message, one write');
    for (const text of ['stop', 'help']) await reply(personal(text, { locale: 'en-US' }));
    assert.deepEqual([storage.languageReads, storage.languageWrites], [3, 1], 'words both languages have: the store is asked');
    await reply(personal('summary', { locale: 'en-US' }));
    assert.equal(storage.languageWrites, 2);
  });

  it('a language another bot instance wrote is what "stop" and "help" answer in', async () => {
    await reply(personal('abonneer', { locale: 'en-US' }));
    await storage.write({ [languageKey('a:1personal-chat-id')]: { language: 'en', at: Date.now() } });
    assert.match(await reply(personal('help', { locale: 'nl-NL' })), /^\*\*How the LOVP bot works/);
  });

  it('a state store failing on the language record costs the preference, never the answer', async () => {
    storage.failing = true;
    assert.match(await reply(personal('vuurwerk', { locale: 'en-US' })), DUTCH_ANSWER);
    assert.match(await reply(personal('help', { locale: 'en-US' })), /^\*\*How the LOVP bot works/);
  });
});

describe('messageLanguage and replyLanguage', () => {
  it('a command word shows its language, words both languages have show none, other words show theirs', async () => {
    const cases: [string, string | undefined][] = [
      ['samenvatting', 'nl'], ['summary 10 February 2020', 'en'], ['tijdlijn fireworks', 'nl'], ['stop', undefined], ['help', undefined],
      ['vuurwerk', 'nl'], ['fireworks', 'en'], ['?', undefined], ['2020', undefined], ['budget', undefined], ['roosterdruk', 'nl'],
    ];
    for (const [text, language] of cases) assert.equal(await messageLanguage(text), language, text);
  });

  it('a word the word lists lack is Dutch when the reports use it, asked of the index', async () => {
    const kb = await seedKnowledgeBase();
    assert.equal(await messageLanguage('veiligheidsbeeld'), undefined, 'the word lists do not know it');
    assert.equal(await messageLanguage('veiligheidsbeeld', kb), 'nl');
    assert.equal(await messageLanguage('stop', kb), undefined, 'a command word is not looked up');
    assert.equal(await messageLanguage('veiligheidsbeeld', { loading: true, wordsLanguage: () => 'en' }), undefined, 'not while the reports load');
  });

  it('the words decide before the locale; no words: the locale (or what stands in for it), else Dutch', () => {
    assert.equal(replyLanguage('vuurwerk', 'en-US'), 'nl');
    assert.equal(replyLanguage('handhaving', 'en-US'), 'nl');
    assert.equal(replyLanguage('police', 'nl-NL'), 'en');
    assert.equal(replyLanguage('2020', 'en-US'), 'en');
    assert.equal(replyLanguage('2020', 'nl'), 'nl');
    assert.equal(replyLanguage('2020', 'fr-FR'), 'nl');
  });
});
