// The pending-items, reminder and answer cards on the real seed items: valid Adaptive Card 1.5 for the official
// parser, within Teams' size limit, with a Done button per item, paging, refresh only where it belongs.
import assert from 'node:assert/strict';
import { answerCard } from '../../bot/cards/answerCard';
import { PAGE_SIZE, pendingCard } from '../../bot/cards/pendingCard';
import { reminderCard } from '../../bot/cards/reminderCard';
import type { ReminderItem } from '../../bot/pending/reminders';
import { CARD_MAX_BYTES, cardBytes } from '../../bot/cards/adaptiveCard';
import { loadReports } from '../../bot/ingest/loadReports';
import { byDue, type PendingItem } from '../../bot/pending/pendingItem';
import { pendingItems } from '../../bot/pending/pendingTracker';
import { seedDir } from '../ingest/helpers';
import { doneItemIds, executeActions } from '../helpers/composedBot';
import { seedKnowledgeBase } from '../helpers/teamsBot';
import { cardProblems } from './cardProblems';
import { sample } from './pendingSample';

/** A fixed day, so what is overdue does not change with the calendar. */
const TODAY = '2021-03-15';

/** The item's container in the card body. */
function containerOf(card: any, id: string): any {
  return card.body.find((e: any) => e.type === 'Container' && JSON.stringify(e).includes(`"itemId":"${id}"`));
}

describe('pending-items, reminder and answer cards', () => {
  let items: PendingItem[];
  before(async () => {
    items = pendingItems((await loadReports(seedDir)).meetings).sort(byDue);
    assert.ok(items.length > PAGE_SIZE, `the seeds have more than a page of items (${items.length})`);
  });

  it('pending card: valid, within the size limit, every page, both languages and views', () => {
    for (const language of ['nl', 'en'] as const) {
      for (const view of ['message', 'inPlace'] as const) {
        for (let page = 0; page * PAGE_SIZE < items.length; page++) {
          const card = pendingCard(items, { language, view, page, notice: 'Afgehandeld: “Jaarwisseling”.', undoItemId: items[0].id, meetingDate: '2020-02-10', today: TODAY });
          assert.deepEqual(cardProblems(card), [], `${language} ${view} page ${page}`);
          assert.ok(cardBytes(card) <= CARD_MAX_BYTES, `${cardBytes(card)} bytes`);
        }
      }
    }
  });

  it('pending card: a Done button per item with its id, paging that keeps view and language', () => {
    const card = pendingCard(items, { language: 'nl', view: 'message', today: TODAY });
    const done = executeActions(card.body).filter((a) => a.verb === 'pendingDone');
    assert.equal(new Set(done.map((a) => a.data.itemId)).size, done.length, 'each item once');
    assert.ok(done.every((a) => items.some((i) => i.id === a.data.itemId)));
    assert.ok(done.every((a) => ['Afgehandeld', 'Sluiten als afgehandeld'].includes(a.title!) && a.data.view === 'message' && a.data.lang === 'nl'));
    assert.match(card.body[1].text as string, new RegExp(`^${items.length} openstaande punten$`));
    const next = card.actions.find((a: any) => a.title === 'Volgende') as any;
    assert.deepEqual([next.verb, next.data], ['pendingList', { view: 'message', lang: 'nl', page: 1 }]);
    const last = pendingCard(items, { language: 'en', view: 'message', page: 99, today: TODAY });
    assert.ok(last.actions.some((a: any) => a.title === 'Previous') && !last.actions.some((a: any) => a.title === 'Next'), 'the last page');
    assert.ok(executeActions(last.body).some((a) => a.verb === 'pendingDone' && (a.title === 'Done' || a.title === 'Close as handled')));
  });

  it('pending card: grouped as overdue, within 30 days, later, no date; overdue marked; counts on top', () => {
    const card = pendingCard(sample, { language: 'nl', today: '2021-03-15' });
    const texts = card.body.filter((e: any) => e.type === 'TextBlock').map((e: any) => e.text);
    assert.equal(texts[2], 'Over de datum: 1 · Binnen 30 dagen: 1 · Later: 1 · Zonder datum: 1 · Oudere punten (1)');
    const headers = card.body.filter((e: any) => e.type === 'TextBlock' && e.size === 'Medium').map((e: any) => e.text);
    assert.deepEqual(headers, ['Over de datum (1)', 'Binnen 30 dagen (1)', 'Later (1)', 'Zonder datum (1)']);
    assert.deepEqual(doneItemIds(card), ['overdue', 'soon', 'later', 'recent', 'old'], 'groups in order, the old undated item last (folded away)');
    const overdue = containerOf(card, 'overdue');
    assert.ok(overdue.items.some((e: any) => e.color === 'Attention' && e.text === 'Over de datum (uiterlijk februari 2021)'), 'overdue marked');
    assert.equal(overdue.items[0].text, 'De korpschef zal een overzicht van de roosterbezetting per eenheid aanleveren.', 'named by its own words');
    assert.equal(overdue.items[1].text, 'korpschef · LOVP 8 februari 2021 · Roosterdruk', 'owner, meeting and section');
    const soon = containerOf(card, 'soon');
    assert.ok(!soon.items.some((e: any) => e.color === 'Attention'), 'not overdue, not marked');
    assert.match(soon.items[1].text, /uiterlijk 1 april 2021/);
    const en = pendingCard(sample, { language: 'en', today: '2021-03-15' });
    assert.equal(en.body[2].text, 'Overdue: 1 · Within 30 days: 1 · Later: 1 · No date: 1 · Older items (1)');
  });

  it('pending card: a discussed item quotes what was said and closes in one click; the full text on request', () => {
    const card = pendingCard(sample, { language: 'nl', today: '2021-03-15' });
    const later = containerOf(card, 'later');
    const texts = later.items.map((e: any) => e.text);
    assert.ok(texts.includes('Weer besproken in het LOVP 12 april 2021 (Roosterdruk)'));
    assert.ok(texts.includes('“Het plan is gepresenteerd; de vakbonden zijn akkoord.”'));
    const buttons = later.items.find((e: any) => e.type === 'ActionSet').actions;
    assert.deepEqual(buttons.map((a: any) => [a.type, a.title]), [['Action.Execute', 'Sluiten als afgehandeld'], ['Action.ToggleVisibility', 'Tekst']]);
    assert.deepEqual(buttons[0].data, { view: 'message', lang: 'nl', page: 0, itemId: 'later' });
    const hidden = later.items.find((e: any) => e.id === buttons[1].targetElements[0]);
    assert.deepEqual([hidden.isVisible, hidden.text], [false, 'Het landelijke plan wordt besproken. In september komt het plan terug in het LOVP.']);
  });

  it('pending card: the confirmation names the item and offers Heropenen', () => {
    const card = pendingCard(sample.slice(1), { language: 'nl', today: '2021-03-15', notice: 'Afgehandeld: “De korpschef zal …” (LOVP 8 februari 2021).', undoItemId: 'overdue' });
    assert.equal(card.body[3].text, 'Afgehandeld: “De korpschef zal …” (LOVP 8 februari 2021).');
    assert.deepEqual((card.body[4] as any).actions.map((a: any) => [a.title, a.verb, a.data.itemId]), [['Heropenen', 'pendingReopen', 'overdue']]);
    assert.deepEqual(executeActions(pendingCard(sample, { language: 'en', undoItemId: 'x', notice: 'Marked done: “x”.', today: '2021-03-15' }).body).filter((a) => a.verb === 'pendingReopen').map((a) => a.title), ['Reopen']);
  });

  it('pending card: undated items older than the setting fold away behind "Oudere punten (n)"', () => {
    const card = pendingCard(sample, { language: 'nl', today: '2021-03-15' });
    const toggle = card.body.find((e: any) => e.type === 'ActionSet' && e.actions[0].type === 'Action.ToggleVisibility') as any;
    assert.equal(toggle.actions[0].title, 'Oudere punten (1)');
    const folded = card.body.find((e: any) => e.id === toggle.actions[0].targetElements[0]) as any;
    assert.equal(folded.isVisible, false);
    assert.deepEqual(executeActions(folded.items).map((a) => a.data.itemId), ['old']);
    // The text copy counts what the card's title counts, the folded items too.
    assert.equal(card.body[1].text, `${sample.length} openstaande punten`);
    assert.match(String(card.fallbackText), new RegExp(`^${sample.length} openstaande punten: `));
    // A shorter setting folds the recent undated item too; a longer one none.
    assert.equal(pendingCard(sample, { today: '2021-03-15', oldMonths: 1 }).body[2].text, 'Over de datum: 1 · Binnen 30 dagen: 1 · Later: 1 · Oudere punten (2)');
    assert.ok(!JSON.stringify(pendingCard(sample, { today: '2021-03-15', oldMonths: 60 })).includes('Oudere punten'));
    // Many old ones: ten unfold, the rest are a click further, in a list of their own.
    const many = Array.from({ length: 14 }, (_, n) => ({ ...sample[4], id: `old-${n}`, date: `2018-01-${String(n + 10).padStart(2, '0')}` }));
    const big = pendingCard(many, { today: '2021-03-15' });
    const all = executeActions(big.body).find((a) => a.verb === 'pendingList')!;
    assert.deepEqual([all.title, all.data.older], ['Alle 14 oudere punten', true]);
    const olderList = pendingCard(many, { today: '2021-03-15', older: true, page: 1 });
    assert.equal(olderList.body[0].text, 'Oudere openstaande punten zonder datum');
    assert.deepEqual(doneItemIds(olderList), ['old-3', 'old-2', 'old-1', 'old-0'], 'page 2, newest first');
    assert.ok(olderList.actions.some((a: any) => a.title === 'Terug naar de lijst' && a.data.older === undefined));
    for (const c of [card, big, olderList]) assert.deepEqual(cardProblems(c), []);
  });

  it('pending card: refresh for everyone on a message of its own, none in place; a way back to the summary', () => {
    const message = pendingCard(items, { view: 'message', page: 1, today: TODAY });
    assert.deepEqual(message.refresh, { action: { type: 'Action.Execute', title: 'Openstaande punten', verb: 'pendingList', data: { view: 'message', lang: 'nl', page: 1 } } });
    assert.equal((message.refresh as any).userIds, undefined, 'no userIds: automatic refresh for everyone (up to 60 people)');
    const inPlace = pendingCard(items, { view: 'inPlace', meetingDate: '2020-02-10' });
    assert.equal(inPlace.refresh, undefined);
    const back = inPlace.actions.find((a: any) => a.verb === 'summary') as any;
    assert.deepEqual(back.data, { meetingDate: '2020-02-10', lang: 'nl' });
    assert.match(JSON.stringify(pendingCard([], {})), /Er zijn geen openstaande punten/);
  });

  it('pending card: a discussed item says where it came back', () => {
    const discussed = items.find((i) => i.status === 'discussed')!;
    const card = pendingCard([discussed], { language: 'nl', today: TODAY });
    assert.match(JSON.stringify(card.body), /Weer besproken in het LOVP \d+ \w+ \d{4}/);
  });

  it('reminder card: overdue and due-soon groups, Done per item, all items button; valid and within the limit', () => {
    const dated = items.filter((i) => i.due);
    // 40 items (the dated seed items over and over, with their own ids): more than a reminder lists.
    const reminded: ReminderItem[] = Array.from({ length: 40 }, (_, n) => ({ ...dated[n % dated.length], id: `${dated[n % dated.length].id}-${n}`, phase: n % 3 === 0 ? 'due-soon' : 'overdue' }));
    for (const language of ['nl', 'en'] as const) {
      const card = reminderCard(reminded, language);
      assert.deepEqual(cardProblems(card), []);
      assert.ok(cardBytes(card) <= CARD_MAX_BYTES, `${cardBytes(card)} bytes`);
    }
    const two = reminderCard(reminded.slice(0, 2), 'nl');
    const text = JSON.stringify(two.body);
    assert.ok(text.includes('Over de datum') && text.includes('Binnenkort aan de beurt'), text);
    const overdueFirst = [reminded[1], reminded[0]]; // the first is due soon, the second overdue
    assert.deepEqual(executeActions(two.body).map((a) => [a.verb, a.data.itemId, a.data.view]), overdueFirst.map((i) => ['pendingDone', i.id, 'inPlace']));
    assert.deepEqual(two.actions.map((a: any) => [a.verb, a.title]), [['pendingList', 'Alle openstaande punten']]);
    assert.match(JSON.stringify(reminderCard(reminded, 'nl').body), /… en nog 25; zie alle openstaande punten\./);
  });

  it('answer card: the question, numbered quotes with meeting and section, another question, back to the summary', async () => {
    const kb = await seedKnowledgeBase();
    const result = kb.ask('wat is er afgesproken over vuurwerk?');
    const card = answerCard(result.question, result.answers, { language: 'nl', meetingDate: '2020-02-10' });
    assert.deepEqual(cardProblems(card), []);
    const text = JSON.stringify(card.body);
    assert.match(text, /\[1\] LOVP \d+ \w+ \d{4} – Jaarwisseling/);
    assert.match(text, /vuurwerk/i);
    const ask = (card.actions[0] as any).card;
    assert.deepEqual([ask.body[0].id, ask.actions[0].verb, ask.actions[0].data], ['question', 'ask', { lang: 'nl', meetingDate: '2020-02-10' }]);
    assert.equal((card.actions[1] as any).verb, 'summary');
    const none = answerCard('what about the moon?', [], { language: 'en' });
    assert.match(JSON.stringify(none.body), /I found nothing about this/);
    assert.equal(none.actions.length, 1, 'no way back when not asked from a summary');
  });
});
