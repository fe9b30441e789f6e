// Teams' feedback buttons on answers, through /api/messages with a loopback Bot Connector: the answer carries
// feedbackLoopEnabled, the 👍/👎 invoke (message/submitAction) is stored with the question, the cited sections and
// the conversation type, and `npm run -s feedback` lists it, worst-rated sections first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FeedbackStore, MAX_ANSWERS, ratingsBySection } from '../../bot/feedback/feedbackStore';
import { FileStorage } from '../../bot/state/fileStorage';
import { channel, personal, startBot, startFakeConnector, USER, type FakeConnector, type RunningBot } from '../helpers/teamsBot';

const root = path.join(__dirname, '..', '..');

describe('feedback on answers', () => {
  let dir: string;
  let bot: RunningBot;
  let connector: FakeConnector;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lovp-feedback-'));
    connector = await startFakeConnector();
    bot = await startBot({ storage: new FileStorage(dir) });
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Posts an activity the way Teams does (no expectReplies): replies go to the loopback connector. */
  const send = (activity: Record<string, unknown>) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...activity, serviceUrl: connector.serviceUrl }) });

  const feedbackInvoke = (conversation: unknown, replyToId: string, reaction: string, feedback: unknown) => ({
    type: 'invoke', name: 'message/submitAction', id: 'f-1', channelId: 'msteams', from: USER, recipient: { id: '28:lovp-bot-id', name: 'LOVP' },
    conversation, replyToId, value: { actionName: 'feedback', actionValue: { reaction, feedback } },
  });

  it('stores a 👎 with its comment, question, citations and conversation type; the CLI lists the worst sections first', async () => {
    const question = personal('wat is er afgesproken over vuurwerk?');
    assert.equal((await send(question)).status, 200);
    const answer = connector.received.at(-1)!;
    assert.equal(answer.body.channelData?.feedbackLoopEnabled, true, 'the answer shows the feedback buttons');
    const answerId = `sent-${connector.received.length}`;

    const res = await send(feedbackInvoke(question.conversation, answerId, 'dislike', JSON.stringify({ feedbackText: 'Mist het verbod van 2020' })));
    assert.equal(res.status, 200);
    const stored = await new FeedbackStore(new FileStorage(dir)).list();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].reaction, 'dislike');
    assert.equal(stored[0].comment, 'Mist het verbod van 2020');
    assert.equal(stored[0].question, 'wat is er afgesproken over vuurwerk?');
    assert.equal(stored[0].conversationType, 'personal');
    assert.equal(stored[0].userId, USER.aadObjectId);
    assert.ok(stored[0].sections.length >= 2 && stored[0].sections.every((s) => s.section === 'Jaarwisseling'));

    const cli = spawnSync('npx', ['tsx', 'bot/cli/feedback.ts', '--json'], { cwd: root, encoding: 'utf8', env: { ...process.env, STATE_DIR: dir } });
    assert.equal(cli.status, 0, cli.stderr);
    const listed = JSON.parse(cli.stdout);
    assert.equal(listed.feedback.length, 1);
    assert.equal(listed.sections[0].section, 'Jaarwisseling');
    assert.equal(listed.sections[0].dislikes, 1);
  });

  it('a 👍 in a channel thread is stored for that answer; feedback on an unknown message stores nothing and still gets 200', async () => {
    const question = channel('What was agreed about fireworks?', '1700000000300');
    await send(question);
    const answerId = `sent-${connector.received.length}`;
    assert.equal((await send(feedbackInvoke(question.conversation, answerId, 'like', { feedbackText: '' }))).status, 200);
    assert.equal((await send(feedbackInvoke(question.conversation, 'no-such-message', 'dislike', ''))).status, 200);
    const stored = await new FeedbackStore(new FileStorage(dir)).list();
    assert.deepEqual(stored.map((f) => [f.reaction, f.conversationType, f.language]), [['like', 'channel', 'en']]);
  });
});

describe('FeedbackStore', () => {
  it('keeps the most recent answers per conversation and ranks sections by dislikes over likes', async () => {
    const { MemoryStorage } = await import('botbuilder');
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const store = new FeedbackStore(new MemoryStorage(), () => new Date(clock++));
    for (let i = 0; i < MAX_ANSWERS + 5; i++) {
      await store.rememberAnswer('c', `a${i}`, { question: `q${i}`, language: 'nl', conversationType: 'personal', sections: [{ date: '2020-02-10', section: i % 2 ? 'A' : 'B' }] });
    }
    assert.equal(await store.record('c', 'a0', { reaction: 'like', comment: '', userId: 'u' }), undefined, 'the oldest answers are forgotten');
    await store.record('c', `a${MAX_ANSWERS + 4}`, { reaction: 'dislike', comment: 'x'.repeat(5000), userId: 'u' });
    await store.record('c', `a${MAX_ANSWERS + 3}`, { reaction: 'like', comment: '', userId: 'u' });
    const list = await store.list();
    assert.equal(list[0].comment.length, 1000, 'comments are bounded');
    assert.deepEqual(ratingsBySection(list).map((s) => [s.section, s.dislikes, s.likes]), [['B', 1, 0], ['A', 0, 1]]);
  });
});
