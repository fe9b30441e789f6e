// End-to-end through HTTP: the real restify server, TeamsAdapter and teams-ai Application, with activities
// shaped as Teams sends them, posted with deliveryMode "expectReplies" so the replies come back in the response.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { meetingLabel } from '../../bot/corpus/meeting';
import { MAX_ABSTRACT_CHARS, MAX_NAME_CHARS } from '../../bot/teams/citations';
import { MAX_CITATIONS } from '../../bot/config';
import { aiEntityOf, BOT, CHANNEL_ID, channel, citationsOf, groupChat, personal, seedKnowledgeBase, startBot, startFakeConnector, TENANT, type RunningBot } from '../helpers/teamsBot';

const FIREWORKS_NL = 'wat is er afgesproken over vuurwerk?';
const FIREWORKS_EN = 'what was agreed about fireworks?';

let chats = 0;
/** A personal chat no earlier test wrote in, so it has no language of its own yet. */
const newChat = () => ({ id: `a:1new-chat-${++chats}`, conversationType: 'personal', tenantId: TENANT.id }) as Activity['conversation'];

/** The single reply a question gets. */
async function ask(bot: RunningBot, activity: Partial<Activity>): Promise<Partial<Activity>> {
  const { status, replies } = await bot.post(activity);
  assert.equal(status, 200);
  assert.equal(replies.length, 1, `expected one reply, got ${JSON.stringify(replies)}`);
  assert.equal(replies[0].type, 'message');
  return replies[0];
}

/** Structure every cited answer must have, whatever the knowledge base found. */
function assertCitedAnswer(reply: Partial<Activity>): any[] {
  const entity = aiEntityOf(reply);
  assert.ok(entity, 'the answer carries the AI entity');
  assert.equal(entity['@type'], 'Message');
  assert.equal(entity['@context'], 'https://schema.org');
  assert.equal(entity.additionalType, undefined, 'verbatim quotes are not labelled AI generated');
  const citations = citationsOf(reply);
  assert.ok(citations.length >= 1 && citations.length <= MAX_CITATIONS, `1..${MAX_CITATIONS} citations`);
  const text = reply.text ?? '';
  citations.forEach((c: any, i: number) => {
    assert.equal(c['@type'], 'Claim');
    assert.equal(c.position, i + 1, 'positions number the citations 1..n');
    assert.equal(c.appearance['@type'], 'DigitalDocument');
    assert.match(c.appearance.name, /^LOVP \d{1,2} \S+ \d{4} – \S/);
    assert.ok(c.appearance.name.length <= MAX_NAME_CHARS, `name within ${MAX_NAME_CHARS}: ${c.appearance.name}`);
    assert.ok(c.appearance.abstract.length > 0 && c.appearance.abstract.length <= MAX_ABSTRACT_CHARS, `abstract within ${MAX_ABSTRACT_CHARS}`);
    assert.ok(text.includes(`[${c.position}]`), `marker [${c.position}] in the text`);
    // The abstract is the start of the quote that stands in the text right before its marker.
    const quoteStart = c.appearance.abstract.replace(/…$/, '').slice(0, 40);
    const quoteAt = text.indexOf(quoteStart);
    assert.ok(quoteAt >= 0 && quoteAt < text.indexOf(`[${c.position}]`), `quote of [${c.position}] precedes its marker`);
  });
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  assert.deepEqual(markers, citations.map((c: any) => c.position), 'every marker has a citation and the other way round');
  return citations;
}

describe('Teams bot over HTTP (/api/messages, expectReplies)', function () {
  this.timeout(30000);
  let bot: RunningBot;

  before(async () => {
    bot = await startBot();
  });
  after(async () => {
    await bot.close();
  });

  it('reports health with the number of meetings loaded', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, meetings: (await seedKnowledgeBase()).meetings.length });
    assert.equal((await seedKnowledgeBase()).meetings.length, 5);
  });

  describe('answers with native citations', () => {
    it('personal chat: the fireworks question cites a Jaarwisseling section, in Dutch', async () => {
      const question = personal(FIREWORKS_NL);
      const reply = await ask(bot, question);
      const citations = assertCitedAnswer(reply);
      assert.ok(citations.some((c) => /^LOVP \d{1,2} [a-z]+ \d{4} – Jaarwisseling$/.test(c.appearance.name)), 'a Jaarwisseling section is cited');
      assert.match(reply.text!, /vuurwerk/i);
      assert.match(reply.text!, /^Dit staat erover in de bestuurlijke terugkoppeling/);
      assert.equal(reply.replyToId, question.id, 'the reply answers the question');
      assert.equal(reply.conversation?.id, question.conversation!.id);
      assert.equal(reply.recipient?.id, question.from!.id);
    });

    it('an English question gets an English reply with English meeting dates', async () => {
      const reply = await ask(bot, personal(FIREWORKS_EN, { locale: 'nl-NL' }));
      const citations = assertCitedAnswer(reply);
      assert.match(reply.text!, /^This is what the LOVP report/);
      assert.ok(citations.some((c) => /^LOVP \d{1,2} [A-Z][a-z]+ \d{4} – Jaarwisseling$/.test(c.appearance.name)), 'English month names');
    });

    it('a Dutch question asked from an English Teams client is still answered in Dutch', async () => {
      const reply = await ask(bot, personal(FIREWORKS_NL, { locale: 'en-US' }));
      assertCitedAnswer(reply);
      assert.match(reply.text!, /^Dit staat erover/);
    });

    it('group chat: the @mention is stripped and the answer is the same as in a personal chat', async () => {
      const inPersonal = await ask(bot, personal(FIREWORKS_NL));
      const question = groupChat(FIREWORKS_NL);
      assert.ok(question.text!.startsWith('<at>LOVP</at>'));
      const inGroup = await ask(bot, question);
      assertCitedAnswer(inGroup);
      assert.equal(inGroup.text, inPersonal.text);
      assert.deepEqual(citationsOf(inGroup), citationsOf(inPersonal));
      assert.equal(inGroup.conversation?.id, question.conversation!.id);
    });

    it('a mention in the middle of the text and an entity-less <at> tag are stripped too', async () => {
      const inPersonal = await ask(bot, personal(FIREWORKS_NL));
      const middle = await ask(bot, groupChat('', { text: `wat is er <at>LOVP</at> afgesproken over vuurwerk?` }));
      assert.equal(middle.text, inPersonal.text);
      const noEntity = await ask(bot, groupChat('', { text: `<at>LOVP</at>&nbsp;${FIREWORKS_NL}`, entities: [] }));
      assert.equal(noEntity.text, inPersonal.text);
    });

    it('channel: a question in a thread (;messageid=) is answered in that thread', async () => {
      const question = channel(FIREWORKS_NL, '1699999999001');
      const reply = await ask(bot, question);
      assertCitedAnswer(reply);
      assert.equal(reply.conversation?.id, `${CHANNEL_ID};messageid=1699999999001`);
      assert.equal(reply.replyToId, question.id);
    });

    it('channel: a thread given only by replyToId still gets the reply in the thread', async () => {
      const question = channel(FIREWORKS_NL, '1699999999002', 'replyToId');
      const reply = await ask(bot, question);
      assertCitedAnswer(reply);
      assert.equal(reply.conversation?.id, `${CHANNEL_ID};messageid=1699999999002`);
      assert.equal(reply.replyToId, question.id);
    });

    it('channel: a new post is answered in the thread under that post', async () => {
      const question = channel(FIREWORKS_NL);
      const reply = await ask(bot, question);
      assertCitedAnswer(reply);
      assert.equal(reply.conversation?.id, `${CHANNEL_ID};messageid=${question.id}`);
    });

    it('nothing relevant: a clear message in the asker\'s language and no citation', async () => {
      const nl = await ask(bot, personal('Hoeveel kost een pizza margherita in Napels?'));
      assert.match(nl.text!, /niets gevonden/);
      assert.equal(aiEntityOf(nl), undefined);
      assert.doesNotMatch(nl.text!, /\[\d+\]/);
      const en = await ask(bot, personal('What is the best recipe for banana bread?'));
      assert.match(en.text!, /found nothing/);
      assert.equal(aiEntityOf(en), undefined);
    });

    it('without expectReplies the reply is posted to the serviceUrl, into the thread, without a token in local mode', async () => {
      const connector = await startFakeConnector();
      try {
        const question = { ...channel(FIREWORKS_NL, '1699999999009'), serviceUrl: connector.serviceUrl };
        const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(question) });
        assert.equal(res.status, 200);
        assert.equal(connector.received.length, 1);
        const [sent] = connector.received;
        const thread = `${CHANNEL_ID};messageid=1699999999009`;
        assert.equal(sent.method, 'POST');
        assert.equal(sent.url, `/v3/conversations/${encodeURIComponent(thread)}/activities/${question.id}`);
        assert.equal(sent.authorization, undefined);
        assert.equal(sent.body.conversation.id, thread);
        assertCitedAnswer(sent.body);
      } finally {
        await connector.close();
      }
    });

    it('sends no typing indicator or other extra activities', async () => {
      const { replies } = await bot.post(personal(FIREWORKS_NL));
      assert.deepEqual(replies.map((r) => r.type), ['message']);
    });

    it('sends no typing indicator in a turn slower than teams-ai\'s one-second typing timer', async () => {
      // teams-ai's Application.run starts its typing timer whatever startTypingTimer says (createApp.ts).
      const slowPending = { openItems: () => new Promise<[]>((resolve) => setTimeout(() => resolve([]), 1_500)) };
      const slow = await startBot({ pending: slowPending });
      try {
        const { replies } = await slow.post(personal('openstaand'));
        assert.deepEqual(replies.map((r) => r.type), ['message']);
      } finally {
        await slow.close();
      }
    });
  });

  describe('commands, Dutch and English', () => {
    const textOf = async (activity: Partial<Activity>) => (await ask(bot, activity)).text!;

    it('hulp / help list the commands in the matching language', async () => {
      const nl = await textOf(personal('hulp'));
      for (const word of ['vergaderingen', 'samenvatting', 'openstaand', 'abonneer', 'stop']) assert.match(nl, new RegExp(`\\*\\*${word}\\*\\*`));
      // A chat of its own: this one has used Dutch, and "help" is answered in a conversation's last language.
      const en = await textOf(personal('help', { locale: 'en-US', conversation: newChat() }));
      for (const word of ['meetings', 'summary', 'pending', 'subscribe', 'unsubscribe']) assert.match(en, new RegExp(`\\*\\*${word}\\*\\*`));
      assert.match(await textOf(personal('help', { locale: 'nl-NL' })), /Opdrachten/);
      assert.match(await textOf(groupChat('hallo')), /Opdrachten/);
    });

    it('commands are matched case-insensitively, with a leading "/" and after a channel @mention', async () => {
      const expected = await textOf(personal('hulp'));
      assert.equal(await textOf(personal('HULP')), expected);
      assert.equal(await textOf(personal('/hulp')), expected);
      assert.equal(await textOf(channel('hulp', '1699999999003')), expected);
      assert.equal(await textOf(groupChat('/Hulp')), expected);
    });

    it('vergaderingen / meetings list every meeting newest first with its number of topics', async () => {
      const kb = await seedKnowledgeBase();
      const newestFirst = [...kb.meetings].sort((a, b) => b.date.localeCompare(a.date));
      const nl = await textOf(personal('vergaderingen'));
      const positions = newestFirst.map((m) => nl.indexOf(`**${meetingLabel(m, 'nl')}** – ${m.sections.length} onderwerp`));
      assert.ok(positions.every((p) => p >= 0), nl);
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'newest first');
      const en = await textOf(personal('meetings'));
      for (const m of kb.meetings) assert.ok(en.includes(`**${meetingLabel(m, 'en')}** – ${m.sections.length} topic`), en);
    });

    /** The card a reply carries, and its text fallback (activity summary). */
    const cardReply = async (activity: Partial<Activity>) => {
      const reply = await ask(bot, activity);
      assert.equal(reply.attachments?.length, 1, 'one card');
      assert.equal(reply.attachments![0].contentType, 'application/vnd.microsoft.card.adaptive');
      return { card: reply.attachments![0].content as any, fallback: reply.summary ?? '', text: reply.text };
    };

    it('samenvatting / summary without a date reply with the summary card of the latest meeting, text as fallback', async () => {
      const kb = await seedKnowledgeBase();
      const latest = kb.meetings[kb.meetings.length - 1];
      const nl = await cardReply(personal('samenvatting'));
      assert.equal(nl.card.version, '1.5');
      assert.equal(nl.card.body[1].text, latest.title);
      const cardText = JSON.stringify(nl.card.body);
      for (const s of latest.sections) assert.ok(cardText.includes(JSON.stringify(s.heading)), `card shows ${s.heading}`);
      assert.equal(nl.text, undefined, 'no text above the card (Teams would show the summary twice)');
      assert.ok(nl.fallback.startsWith(`Samenvatting ${meetingLabel(latest, 'nl')}`), nl.fallback);
      for (const s of latest.sections) assert.ok(nl.fallback.includes(`- ${s.heading}: `), `fallback has ${s.heading}`);
      const en = await cardReply(personal('summary'));
      assert.ok(en.fallback.startsWith(`Summary of ${meetingLabel(latest, 'en')}`), en.fallback);
      assert.equal(en.card.body[0].text, 'Summary after the LOVP');
    });

    it('samenvatting / summary with a date summarise that meeting; an unknown date lists the known ones', async () => {
      assert.match((await cardReply(personal('samenvatting 10 februari 2020'))).fallback, /^Samenvatting LOVP 10 februari 2020[\s\S]*Jaarwisseling/);
      assert.match((await cardReply(personal('summary 2017-04-10'))).fallback, /^Summary of LOVP 10 April 2017/);
      assert.match((await cardReply(personal('summary April 2019'))).fallback, /^Summary of LOVP 15 April 2019/);
      const unknown = await textOf(personal('samenvatting 1 januari 2000'));
      assert.match(unknown, /Ik ken geen vergadering op "1 januari 2000"/);
      assert.match(unknown, /10 februari 2020/);
      assert.match(await textOf(personal('summary next week')), /I know no meeting on "next week"/);
    });

    it('openstaand / pending reply with a card of the items of the injected source; none gives a clear message', async () => {
      assert.match((await cardReply(personal('openstaand'))).fallback, /geen openstaande punten/);
      assert.match((await cardReply(personal('pending'))).fallback, /No pending items/);
      const withItems = await startBot({
        pending: {
          openItems: () => [
            { id: 'item-1', date: '2020-02-10', section: 'Jaarwisseling', text: 'In september komt dit onderwerp opnieuw op de agenda.', owner: 'minister', due: '2020-09', status: 'open' },
            { id: 'item-2', date: '2019-10-28', section: 'Bodycams', text: 'Terugkoppeling volgt.', owner: null, due: null, status: 'open' },
          ],
        },
      });
      try {
        const nl = await ask(withItems, personal('openstaand'));
        assert.match(nl.summary!, /2 openstaande punten/);
        assert.match(nl.summary!, /Jaarwisseling – In september komt dit onderwerp opnieuw op de agenda\. \(minister\) – uiterlijk 2020-09; LOVP 10 februari 2020/);
        assert.match(nl.summary!, /Bodycams – Terugkoppeling volgt\. – geen datum/);
        const card = nl.attachments![0].content as any;
        const text = JSON.stringify(card.body);
        assert.ok(text.includes('In september komt dit onderwerp opnieuw op de agenda.') && text.includes('minister · LOVP 10 februari 2020 · Jaarwisseling'), text);
        assert.ok(text.includes('Over de datum (uiterlijk september 2020)'), 'overdue is marked');
        const buttons = JSON.stringify(card.body).match(/"verb":"pendingDone"/g) ?? [];
        assert.equal(buttons.length, 2, 'a Done button for each item');
        assert.ok(text.includes('"item-1"') && text.includes('"item-2"'), 'each button names its item');
        const en = await ask(withItems, personal('pending'));
        assert.match(en.summary!, /2 pending items/);
        assert.match(en.summary!, /due 2020-09; LOVP 10 February 2020/);
      } finally {
        await withItems.close();
      }
    });

    it('abonneer in a channel thread stores a reference to the channel itself; stop removes it', async () => {
      const subscribe = channel('abonneer', '1699999999004');
      assert.match(await textOf(subscribe), /^Geabonneerd: dit kanaal/);
      const key = `subscriptions/conversation/${encodeURIComponent(CHANNEL_ID)}`;
      const stored = (await bot.storage.read([key]))[key]?.subscription;
      assert.ok(stored, 'subscription stored under the channel key');
      assert.equal(stored.reference.conversation.id, CHANNEL_ID, 'points at the channel, not the thread');
      assert.equal(stored.reference.activityId, undefined);
      assert.equal(stored.reference.bot.id, BOT.id);
      assert.equal(stored.reference.serviceUrl, subscribe.serviceUrl);
      assert.equal(stored.scope, 'channel');
      const index = (await bot.storage.read(['subscriptions/index']))['subscriptions/index'];
      assert.deepEqual(index.conversationIds, [CHANNEL_ID]);

      assert.match(await textOf(channel('abonneer', '1699999999005')), /^Dit kanaal was al geabonneerd/);
      assert.match(await textOf(channel('stop', '1699999999006')), /^Abonnement opgezegd: dit kanaal/);
      assert.equal((await bot.storage.read([key]))[key], undefined);
      assert.deepEqual((await bot.storage.read(['subscriptions/index']))['subscriptions/index'].conversationIds, []);
      assert.match(await textOf(channel('stop', '1699999999007')), /^Dit kanaal had geen abonnement/);
    });

    it('subscribe / unsubscribe in a personal chat, in English', async () => {
      const question = personal('subscribe');
      assert.match(await textOf(question), /^Subscribed: this conversation/);
      const key = `subscriptions/conversation/${encodeURIComponent(question.conversation!.id)}`;
      assert.equal((await bot.storage.read([key]))[key].subscription.scope, 'personal');
      assert.match(await textOf(personal('unsubscribe')), /^Unsubscribed: this conversation/);
      assert.match(await textOf(personal('unsubscribe')), /was not subscribed/);
    });

    it('"stop" inside a question is a question, not an unsubscribe', async () => {
      const reply = await ask(bot, personal('stop met de verkoop van vuurwerk?'));
      assert.doesNotMatch(reply.text!, /abonnement/i);
    });
  });

  describe('welcome on install', () => {
    const install = (conversationId: string, extra: Partial<Activity>): Partial<Activity> => ({
      id: `install-${conversationId}`,
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:installer', name: 'Installer' },
      recipient: BOT,
      conversation: { id: conversationId, conversationType: 'personal' } as any,
      ...extra,
    });

    it('the bot added to a conversation sends the Dutch welcome with the commands once', async () => {
      const added = await bot.post(install('a:welcome-1', { type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }] }));
      assert.equal(added.status, 200);
      assert.equal(added.replies.length, 1);
      assert.match(added.replies[0].text!, /^\*\*Welkom bij de LOVP-bot!\*\*/);
      for (const word of ['vergaderingen', 'samenvatting', 'openstaand', 'abonneer', 'stop', 'help']) assert.match(added.replies[0].text!, new RegExp(`\\*\\*${word}\\*\\*`));
      // Teams also sends installationUpdate for the same install: no second welcome.
      const again = await bot.post(install('a:welcome-1', { type: 'installationUpdate', action: 'add' }));
      assert.equal(again.status, 200);
      assert.deepEqual(again.replies, []);
    });

    it('installationUpdate "add" alone also welcomes; other members joining or a removal do not', async () => {
      const installed = await bot.post(install('a:welcome-2', { type: 'installationUpdate', action: 'add' }));
      assert.match(installed.replies[0]?.text ?? '', /Welkom bij de LOVP-bot/);
      const userJoined = await bot.post(install('19:team@thread.tacv2', { type: 'conversationUpdate', membersAdded: [{ id: '29:someone-else', name: 'Someone' }] }));
      assert.deepEqual(userJoined.replies, []);
      const removed = await bot.post(install('a:welcome-3', { type: 'installationUpdate', action: 'remove' }));
      assert.deepEqual(removed.replies, []);
    });

    it('installed in a team, the welcome goes to the channel as a new post, not into a thread', async () => {
      const added = await bot.post(
        install(CHANNEL_ID, {
          type: 'conversationUpdate',
          membersAdded: [{ id: BOT.id, name: BOT.name }],
          conversation: { id: CHANNEL_ID, conversationType: 'channel', isGroup: true } as any,
          channelData: { team: { id: '19:team-id@thread.tacv2' }, channel: { id: CHANNEL_ID }, eventType: 'teamMemberAdded' },
        }),
      );
      assert.equal(added.replies.length, 1);
      assert.equal(added.replies[0].conversation?.id, CHANNEL_ID);
    });
  });

  describe('bad input never crashes the bot', () => {
    it('empty text, whitespace and only a mention ask for a question', async () => {
      for (const activity of [personal(''), personal('   \n\t '), groupChat(''), channel('', '1699999999008'), groupChat('&nbsp;')]) {
        const reply = await ask(bot, activity);
        assert.match(reply.text!, /^Ik zie geen vraag/, JSON.stringify(activity.text));
        assert.equal(aiEntityOf(reply), undefined);
      }
      const en = await ask(bot, personal('', { locale: 'en-GB', conversation: newChat() }));
      assert.match(en.text!, /^I see no question/);
    });

    it('a message without a text field is treated as empty', async () => {
      const activity = personal('');
      delete activity.text;
      assert.match((await ask(bot, activity)).text!, /^Ik zie geen vraag/);
    });

    it('10,000 characters: the question is too long, in the asker\'s language', async () => {
      const nl = await ask(bot, personal(`wat is er afgesproken over vuurwerk ${'en de jaarwisseling '.repeat(500)}`.slice(0, 10000)));
      assert.match(nl.text!, /^Je vraag is te lang \(meer dan 1000 tekens\)/);
      const en = await ask(bot, personal(`what was agreed about the fireworks ${'and the new year '.repeat(600)}`.slice(0, 10000)));
      assert.match(en.text!, /^Your question is too long \(more than 1000 characters\)/);
      const x = await ask(bot, groupChat('x'.repeat(10000)));
      assert.match(x.text!, /te lang/);
    });

    it('240 KB of "<at " fragments is answered at once with the length limit, in a channel and a chat', async () => {
      for (const make of [personal, groupChat, (t: string) => channel(t, '1700000000001')]) {
        const started = Date.now();
        const reply = await ask(bot, make(`wat is er afgesproken over vuurwerk ${'<at '.repeat(60_000)}`));
        const ms = Date.now() - started;
        assert.match(reply.text!, /^(Je vraag is te lang|Your question is too long)/);
        assert.ok(ms < 2000, `${ms} ms`);
      }
      const tagged = await ask(bot, groupChat(`${'<at>Jan</at> '.repeat(20_000)}?`));
      // Only names: no language shown, so the group chat's last language.
      assert.match(tagged.text!, /te lang|too long/);
    });

    it('a command with a huge argument is refused by length, and an unknown date is echoed only in part', async () => {
      const huge = await ask(bot, personal(`samenvatting ${'1 januari 2000 '.repeat(16_000)}`));
      assert.match(huge.text!, /^Je vraag is te lang/);
      assert.ok(huge.text!.length < 500, `${huge.text!.length} characters`);
      const long = await ask(bot, personal(`samenvatting ${'x'.repeat(900)}`));
      assert.match(long.text!, /^Ik ken geen vergadering op "x+…"/);
      assert.ok(long.text!.length < 400, `${long.text!.length} characters`);
    });

    it('the length limit comes from MAX_QUESTION_CHARS', async () => {
      const strict = await startBot({ env: { MAX_QUESTION_CHARS: '20' } });
      try {
        assert.match((await ask(strict, personal(FIREWORKS_NL))).text!, /meer dan 20 tekens/);
        assertCitedAnswer(await ask(strict, personal('vuurwerk')));
      } finally {
        await strict.close();
      }
    });

    it('a file without text gets "I can only read text"', async () => {
      const file = personal('', {
        attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'rapport.pdf', content: { downloadUrl: 'https://example.invalid/x', fileType: 'pdf' } }],
      });
      assert.match((await ask(bot, file)).text!, /^Ik kan alleen tekst lezen/);
    });

    it('unknown and malformed invokes get an answer with a body that says what was not handled', async () => {
      const unknown = await bot.postRaw(JSON.stringify(personal('', { type: 'invoke', name: 'composeExtension/somethingNew', value: {} })));
      assert.equal(unknown.status, 501);
      assert.match(unknown.body.error, /composeExtension\/somethingNew/);
      const nameless = await bot.postRaw(JSON.stringify(personal('', { type: 'invoke' })));
      assert.equal(nameless.status, 501);
      assert.match(nameless.body.error, /no name/);
      for (const [value, message] of [[{ action: { type: 'Action.Execute', verb: 'selfDestruct' } }, /unknown card action "selfDestruct"/], [{}, /no verb/], [null, /no verb/]] as const) {
        const card = await bot.postRaw(JSON.stringify(personal('', { type: 'invoke', name: 'adaptiveCard/action', value })));
        assert.equal(card.status, 200, JSON.stringify(value));
        assert.equal(card.body.statusCode, 400);
        assert.equal(card.body.type, 'application/vnd.microsoft.error');
        assert.match(card.body.value.message, message);
      }
    });

    it('unknown activity types get 200 and no reply', async () => {
      for (const type of ['typing', 'messageReaction', 'somethingNew', 'event']) {
        const res = await bot.post(personal('', { type }));
        assert.equal(res.status, 200, type);
        assert.deepEqual(res.replies, [], type);
      }
    });

    it('broken JSON, non-objects and activities without a conversation get a 400 with the reason', async () => {
      const broken = await bot.postRaw('{"type": "message", "text": ');
      assert.equal(broken.status, 400);
      assert.match(JSON.stringify(broken.body), /Invalid JSON/);
      for (const body of ['[]', '"hello"', '42', 'null', '{}']) {
        const res = await bot.postRaw(body);
        assert.equal(res.status, 400, body);
      }
      const noConversation = personal('hallo');
      delete noConversation.conversation;
      const res = await bot.post(noConversation);
      assert.equal(res.status, 400);
      assert.match(res.body.error, /conversation\.id/);
      const noServiceUrl = await bot.postRaw(JSON.stringify({ ...personal('hallo'), serviceUrl: undefined }));
      assert.equal(noServiceUrl.status, 400, 'without expectReplies a reply needs a serviceUrl');
      assert.match(noServiceUrl.body.error, /serviceUrl/);
      const wrongText = await bot.post(personal('', { text: 42 as any }));
      assert.equal(wrongText.status, 400);
      const text = await bot.postRaw('hello', 'text/plain');
      assert.ok(text.status >= 400 && text.status < 500, `text/plain gives ${text.status}`);
      const huge = await bot.postRaw(JSON.stringify(personal('x'.repeat(400 * 1024))));
      assert.equal(huge.status, 413);
      const health = await fetch(`${bot.url}/healthz`);
      assert.equal(health.status, 200, 'the server still answers');
    });

    it('an error in a turn is logged and answered with a short apology', async () => {
      const failing = await startBot({
        knowledgeBase: {
          meetings: [],
          ask: () => {
            throw new Error('index unavailable');
          },
        },
      });
      try {
        const nl = await ask(failing, personal(FIREWORKS_NL));
        assert.match(nl.text!, /^Sorry, er ging iets mis/);
        const en = await ask(failing, personal(FIREWORKS_EN));
        assert.match(en.text!, /^Sorry, something went wrong/);
        assert.equal(failing.errors.length, 2);
        assert.match(String(failing.errors[0]), /index unavailable/);
        assert.match((await ask(failing, personal('vergaderingen'))).text!, /nog geen terugkoppelingen/);
      } finally {
        await failing.close();
      }
    });
  });
});
