// The cards and their buttons through the whole real bot: "samenvatting" replies with the summary card, and the
// Action.Execute invokes Teams sends for its buttons (pendingList, ask) and for "Afgehandeld" (pendingDone) get
// the right card back as the invoke response. Done is kept in the file store: it survives a restart.
import assert from 'node:assert/strict';
import { formatDate } from '../../bot/corpus/dates';
import { groupByDue } from '../../bot/pending/dueGroups';
import { localDay } from '../../bot/pending/dueWindow';
import type { Activity } from 'botbuilder';
import { pendingStatusKey } from '../../bot/state/keys';
import { actionInvoke, doneItemIds, executeActions, startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { channel, CHANNEL_ID, personal, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

describe('composed bot: summary card and card actions', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let running: RunningComposedBot;
  let dataDir: string;
  let stateDir: string;
  const start = () => startComposedBot({ dataDir, stateDir });

  before(async () => {
    connector = await startFakeConnector();
    dataDir = copyOfSeeds();
    stateDir = tempDir('lovp-state-');
    running = await start();
  });
  after(async () => {
    await running?.stop();
    await connector?.close();
    removeTempDirs();
  });

  /** Posts an Action.Execute invoke (as Teams: replies and updates go to the connector) and returns the response body. */
  async function invoke(base: Partial<Activity>, verb: string, data: Record<string, unknown>, messageId?: string): Promise<any> {
    const { status, body } = await running.post({ ...actionInvoke(base, verb, data, messageId), serviceUrl: connector.serviceUrl });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.statusCode, 200);
    return body;
  }

  it('samenvatting replies with the summary card of the meeting, with its real pending items, and a text fallback', async () => {
    const [reply] = await running.ask(personal('samenvatting 10 februari 2020'));
    assert.equal(reply.attachments?.[0].contentType, CARD);
    const card = reply.attachments![0].content as any;
    assert.equal(card.body[1].text, 'Bestuurlijke terugkoppeling LOVP 10 februari 2020');
    const text = JSON.stringify(card.body);
    assert.match(text, /Jaarwisseling/);
    // Pending items of that meeting from bot/pending: one is the Jaarwisseling key sentence and stands under it, the others are listed.
    assert.match(text, /Afgesproken is dat in september dit onderwerp nogmaals wordt geagendeerd[^"]*","wrap":true,"spacing":"Small"},\{"type":"TextBlock","text":"Openstaand · uiterlijk september 2020"/);
    assert.match(text, /• Dit voorstel komt terug in het LOVP van juni\./);
    assert.deepEqual(executeActions(card).map((a) => a.verb), ['pendingList', 'ask']);
    assert.match(reply.summary!, /^Samenvatting LOVP 10 februari 2020\n\n- Bewaken en beveiligen: /);
  });

  it('pendingList from the summary card: the open items grouped by due date, in place of the summary for the one who clicked', async () => {
    const before = connector.received.length;
    const body = await invoke(channel('', '1699999999200'), 'pendingList', { meetingDate: '2020-02-10' });
    assert.equal(body.type, CARD);
    const card = body.value;
    const open = await running.bot.pending.openItems();
    const groups = groupByDue(open, { today: localDay(new Date(), 'Europe/Amsterdam') });
    const main = [...groups.overdue, ...groups.soon, ...groups.later, ...groups.undated];
    assert.deepEqual(doneItemIds(card), [...main.slice(0, 10), ...groups.older.slice(0, 10)].map((i) => i.id), 'first page of the groups, then the older undated ones folded away');
    assert.equal(card.body[1].text, `${open.length} openstaande punten`);
    assert.equal(card.refresh, undefined, 'in place: no refresh');
    assert.ok(executeActions(card).some((a) => a.verb === 'summary' && a.data.meetingDate === '2020-02-10'), 'a way back to the summary');
    assert.equal(connector.received.length, before, 'the summary message itself is not replaced for everyone');
    const back = await invoke(channel('', '1699999999200'), 'summary', { meetingDate: '2020-02-10', lang: 'nl' });
    assert.equal(back.value.body[1].text, 'Bestuurlijke terugkoppeling LOVP 10 februari 2020');
  });

  it('ask: the question from the card input answered with a card quoting the reports', async () => {
    const body = await invoke(personal(''), 'ask', { meetingDate: '2020-02-10', question: 'wat is er afgesproken over vuurwerk?' });
    assert.equal(body.type, CARD);
    const text = JSON.stringify(body.value.body);
    assert.match(text, /wat is er afgesproken over vuurwerk\?/);
    assert.match(text, /\[1\] LOVP \d+ \w+ \d{4} – Jaarwisseling/);
    const english = await invoke(personal('', { locale: 'en-US' }), 'ask', { question: 'what was agreed about fireworks?' });
    assert.equal(english.value.body[0].text, 'Answer from the LOVP reports (quoted in Dutch)');
    const empty = await invoke(personal(''), 'ask', { question: '   ' });
    assert.deepEqual([empty.type, empty.value], [MESSAGE, 'Ik zie geen vraag. Stel een vraag over het LOVP, bijvoorbeeld *wat is er afgesproken over vuurwerk?*, of typ **help**.']);
  });

  it('openstaand, then Afgehandeld: the item is marked done in Storage, the card is replaced for everyone; it stays done after a restart', async () => {
    const [reply] = await running.ask(channel('openstaand', '1699999999300'));
    const listCard = reply.attachments![0].content as any;
    assert.equal(listCard.refresh.action.verb, 'pendingList', 'refresh: every client fetches the current list');
    const [first, second] = doneItemIds(listCard);
    const button = executeActions(listCard.body).find((a) => a.data.itemId === first)!;
    assert.equal(button.title, 'Afgehandeld');

    const updatesBefore = connector.received.length;
    const body = await invoke(channel('', '1699999999300'), 'pendingDone', button.data, 'list-message-7');
    assert.equal(body.type, CARD);
    const refreshed = body.value;
    assert.ok(!doneItemIds(refreshed).includes(first), 'the done item left the list');
    assert.equal(doneItemIds(refreshed)[0], second);
    assert.match(refreshed.body[3].text, /^Afgehandeld: /);
    assert.ok(refreshed.refresh, 'the refreshed card keeps its refresh');
    // Replaced for everyone: the bot updated the message the button was on.
    const update = connector.received.slice(updatesBefore).find((r) => r.method === 'PUT');
    assert.ok(update, 'an update of the list message');
    assert.match(update!.url, new RegExp(`^/v3/conversations/${encodeURIComponent(CHANNEL_ID)}[^/]*/activities/list-message-7$`));
    assert.deepEqual(doneItemIds(update!.body.attachments[0].content), doneItemIds(refreshed));

    const stored = (await running.bot.storage.read([pendingStatusKey(first)]))[pendingStatusKey(first)];
    assert.equal(stored?.status, 'done');
    assert.equal(stored?.doneBy, 'Anna de Vries');

    // A restart on the same state folder: still done, for every view.
    await running.stop();
    running = await start();
    assert.ok(!(await running.bot.pending.openItems()).some((i) => i.id === first));
    const [after] = await running.ask(personal('openstaand'));
    assert.ok(!doneItemIds(after.attachments![0].content).includes(first));
    const list = await invoke(personal(''), 'pendingList', { view: 'message', page: 0, lang: 'nl' });
    assert.equal(doneItemIds(list.value)[0], second);
  });

  it('Afgehandeld names the item and can be undone: Heropenen puts it back, in Storage too', async () => {
    const list = await invoke(personal(''), 'pendingList', { view: 'message', page: 0, lang: 'nl' });
    const [first] = doneItemIds(list.value);
    const item = (await running.bot.pending.openItems()).find((i) => i.id === first)!;
    const done = await invoke(personal(''), 'pendingDone', { view: 'message', page: 0, lang: 'nl', itemId: first });
    assert.ok(done.value.body[3].text.startsWith(`Afgehandeld: “${(item.title ?? item.text).slice(0, 40)}`), done.value.body[3].text);
    assert.ok(done.value.body[3].text.endsWith(`(LOVP ${formatDate(item.date)}).`), 'the confirmation names the item and its meeting');
    const undo = executeActions(done.value.body).find((a) => a.verb === 'pendingReopen')!;
    assert.deepEqual([undo.title, undo.data.itemId], ['Heropenen', first]);
    assert.ok(!doneItemIds(done.value).includes(first));

    const reopened = await invoke(personal(''), 'pendingReopen', undo.data);
    assert.match(reopened.value.body[3].text, /^Heropend: “.*” \(LOVP .*\) staat weer in de lijst\.$/);
    assert.ok(doneItemIds(reopened.value).includes(first), 'back in the list');
    assert.equal((await running.bot.storage.read([pendingStatusKey(first)]))[pendingStatusKey(first)], undefined, 'no done status stored');
    const english = await invoke(personal('', { locale: 'en-US' }), 'pendingReopen', { itemId: 'no-such-item', lang: 'en' });
    assert.match(english.value.body[3].text, /no longer in the reports/);
  });

  it('an unknown item or bad data gives the current list with a clear notice, never an error', async () => {
    const body = await invoke(personal('', { locale: 'en-US' }), 'pendingDone', { itemId: 'no-such-item', view: 'inPlace', lang: 'en' });
    assert.equal(body.type, CARD);
    assert.match(body.value.body[3].text, /no longer in the reports/);
    const odd = await invoke(personal(''), 'pendingList', { view: 42, page: 'x', lang: 'fr' });
    assert.equal(odd.type, CARD);
    assert.equal(odd.value.body[0].text, 'Openstaande punten');
  });
});
