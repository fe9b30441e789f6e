// Follow-up questions through /api/messages: a channel thread and a personal chat remember their last topic, each
// thread its own, also across a restart (file store), and a typo gets "Bedoelde je ...?".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileStorage } from '../../bot/state/fileStorage';
import { channel, citationsOf, personal, startBot, type RunningBot } from '../helpers/teamsBot';

const FOLLOW_UP = 'en wanneer komt dat terug?';
const textOf = (r: { replies: any[] }) => String(r.replies[0]?.text ?? '');

describe('follow-up questions in Teams', () => {
  let dir: string;
  let bot: RunningBot | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lovp-followups-'));
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('in a channel thread: "en wanneer komt dat terug?" is about the thread\'s topic, with its date ahead', async () => {
    bot = await startBot({ storage: new FileStorage(dir) });
    const thread = '1700000000100';
    const first = await bot.post(channel('Wat is er afgesproken over bewaken en beveiligen?', thread));
    assert.match(textOf(first), /Bewaken en beveiligen/);
    const next = await bot.post(channel(FOLLOW_UP, thread));
    const text = textOf(next);
    assert.match(text, /Over je eerdere vraag: \*Wat is er afgesproken over bewaken en beveiligen\?\*/);
    assert.match(text, /Bewaken en beveiligen/);
    assert.match(text, /in april als onderwerp wederom wordt besproken/);
    assert.equal(next.replies[0].conversation?.id, `19:general-channel@thread.tacv2;messageid=${thread}`, 'the reply stays in the thread');
    assert.match(citationsOf(next.replies[0])[0].appearance.name, /Bewaken en beveiligen/);
  });

  it('another thread of the same channel has its own topic', async () => {
    bot = await startBot({ storage: new FileStorage(dir) });
    await bot.post(channel('Wat is er afgesproken over bewaken en beveiligen?', '1700000000200'));
    await bot.post(channel('Wat is er gezegd over vuurwerk?', '1700000000201'));
    const inFirst = await bot.post(channel(FOLLOW_UP, '1700000000200'));
    assert.match(textOf(inFirst), /bewaken en beveiligen/);
    const inSecond = await bot.post(channel(FOLLOW_UP, '1700000000201'));
    assert.match(textOf(inSecond), /Over je eerdere vraag: \*Wat is er gezegd over vuurwerk\?\*/);
    assert.match(textOf(inSecond), /Jaarwisseling/);
  });

  it('in a personal chat, in English, and still after a restart', async () => {
    bot = await startBot({ storage: new FileStorage(dir) });
    await bot.post(personal('What was agreed about fireworks?', { locale: 'en-US' }));
    await bot.close();
    bot = await startBot({ storage: new FileStorage(dir) });
    const next = await bot.post(personal('and what did the minister say?', { locale: 'en-US' }));
    assert.match(textOf(next), /About your earlier question: \*What was agreed about fireworks\?\*/);
    assert.match(textOf(next), /Jaarwisseling/);
    assert.match(textOf(next), /minister/i);
  });

  it('forgets the topic after TOPIC_MEMORY_MINUTES; 0 switches follow-ups off', async () => {
    bot = await startBot({ storage: new FileStorage(dir), env: { TOPIC_MEMORY_MINUTES: '0' } });
    await bot.post(personal('Wat is er afgesproken over bewaken en beveiligen?'));
    const next = await bot.post(personal(FOLLOW_UP));
    assert.doesNotMatch(textOf(next), /Over je eerdere vraag/);
  });

  it('a typo is corrected and the reply says which word it searched for', async () => {
    bot = await startBot({ storage: new FileStorage(dir) });
    const r = await bot.post(personal('vuurwerkverbodd'));
    assert.match(textOf(r), /^Bedoelde je \*vuurwerkverbod\*\?/);
    assert.match(textOf(r), /Jaarwisseling/);
  });
});
