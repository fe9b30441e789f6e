// The pending-items, reminder and answer cards on the real seed items: valid Adaptive Card 1.5 for the official
// parser, within Teams' size limit, with a Done button per item, paging, refresh only where it belongs.
import assert from 'node:assert/strict';
import { answerCard } from '../../bot/cards/answerCard';
import { PAGE_SIZE, pendingCard } from '../../bot/cards/pendingCard';
import { reminderCard, type ReminderCardItem } from '../../bot/cards/reminderCard';
import { CARD_MAX_BYTES, cardBytes } from '../../bot/cards/summaryCard';
import { loadCorpus } from '../../bot/corpus/loadCorpus';
import { byDue, type PendingItem } from '../../bot/pending/pendingItem';
import { pendingItems } from '../../bot/pending/trackPending';
import { seedDir } from '../ingest/helpers';
import { executeActions } from '../helpers/composedBot';
import { seedKnowledgeBase } from '../helpers/teamsBot';
import { cardProblems } from './cardProblems';

describe('pending-items, reminder and answer cards', () => {
  let items: PendingItem[];
  before(async () => {
    items = pendingItems((await loadCorpus(seedDir)).meetings).sort(byDue);
    assert.ok(items.length > PAGE_SIZE, `the seeds have more than a page of items (${items.length})`);
  });

  it('pending card: valid, within the size limit, every page, both languages and views', () => {
    for (const language of ['nl', 'en'] as const) {
      for (const view of ['message', 'inPlace'] as const) {
        for (let page = 0; page * PAGE_SIZE < items.length; page++) {
          const card = pendingCard(items, { language, view, page, notice: 'Afgehandeld: Jaarwisseling.', meetingDate: '2020-02-10' });
          assert.deepEqual(cardProblems(card), [], `${language} ${view} page ${page}`);
          assert.ok(cardBytes(card) <= CARD_MAX_BYTES, `${cardBytes(card)} bytes`);
        }
      }
    }
  });

  it('pending card: items by due date, a Done button per item with its id, paging that keeps view and language', () => {
    const card = pendingCard(items, { language: 'nl', view: 'message' });
    const done = executeActions(card.body).filter((a) => a.verb === 'pendingDone');
    assert.deepEqual(done.map((a) => a.data.itemId), items.slice(0, PAGE_SIZE).map((i) => i.id));
    assert.ok(done.every((a) => a.title === 'Afgehandeld' && a.data.view === 'message' && a.data.page === 0 && a.data.lang === 'nl'));
    assert.match(card.body[1].text as string, new RegExp(`^${items.length} openstaande punten$`));
    const next = card.actions.find((a: any) => a.title === 'Volgende') as any;
    assert.deepEqual([next.verb, next.data], ['pendingList', { view: 'message', lang: 'nl', page: 1 }]);
    const last = pendingCard(items, { language: 'en', view: 'message', page: 99 });
    assert.ok(last.actions.some((a: any) => a.title === 'Previous') && !last.actions.some((a: any) => a.title === 'Next'), 'the last page');
    assert.equal(executeActions(last.body).find((a) => a.verb === 'pendingDone')?.title, 'Done');
  });

  it('pending card: refresh for everyone on a message of its own, none in place; a way back to the summary', () => {
    const message = pendingCard(items, { view: 'message', page: 1 });
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
    const card = pendingCard([discussed], { language: 'nl' });
    assert.match(JSON.stringify(card.body), /Weer besproken in het LOVP \d+ \w+ \d{4}/);
  });

  it('reminder card: overdue and due-soon groups, Done per item, all items button; valid and within the limit', () => {
    const dated = items.filter((i) => i.due);
    // 40 items (the dated seed items over and over, with their own ids): more than a reminder lists.
    const reminded: ReminderCardItem[] = Array.from({ length: 40 }, (_, n) => ({ ...dated[n % dated.length], id: `${dated[n % dated.length].id}-${n}`, phase: n % 3 === 0 ? 'due-soon' : 'overdue' }));
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
