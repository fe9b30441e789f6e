import assert from 'node:assert/strict';
import { loadReports } from '../../bot/ingest/loadReports';
import { meeting } from '../helpers/meeting';
import type { Meeting } from '../../bot/corpus/meeting';
import type { PendingItem } from '../../bot/pending/pendingItem';
import { PendingTracker, pendingItems } from '../../bot/pending/pendingTracker';
import { seedDir } from '../ingest/helpers';


describe('trackPending: later meetings that discuss a follow-up', () => {
  const meetings = [
    meeting('2021-02-01', [
      ['Jaarwisseling', 'Afgesproken is dat de evaluatie van het vuurwerkverbod in het LOVP van juni terugkomt.'],
      ['Bodycams', 'De korpschef zal na de zomer rapporteren over het gebruik van bodycams in de basisteams.'],
      ['Tot slot', 'De minister zal de regioburgemeesters informeren over de huisvesting van de meldkamers in Zeeland.'],
    ]),
    meeting('2021-06-14', [
      ['Jaarwisseling', 'De evaluatie van het vuurwerkverbod is besproken.'],
      ['Huisvesting', 'De minister lichtte de huisvesting van de meldkamers in Zeeland en de regio toe.'],
    ]),
    meeting('2021-10-04', [
      ['Jaarwisseling', 'Opnieuw is gesproken over de voorbereiding.'],
      ['Implementatie bodycams', 'Het gebruik van bodycams in de basisteams is toegelicht.'],
    ]),
  ];
  const items = pendingItems(meetings);
  const find = (section: string) => items.find((i) => i.section === section)!;

  it('marks an item discussed at the first later meeting with the same heading, and keeps it shown', () => {
    const item = find('Jaarwisseling');
    assert.equal(item.status, 'discussed');
    assert.equal(item.discussedOn, '2021-06-14');
    assert.equal(item.discussedIn, 'Jaarwisseling');
    assert.equal(item.due, '2021-06');
  });

  it('matches a heading that holds the topic ("Implementatie bodycams" for "Bodycams")', () => {
    const item = find('Bodycams');
    assert.equal(item.status, 'discussed');
    assert.equal(item.discussedOn, '2021-10-04');
    assert.equal(item.discussedIn, 'Implementatie bodycams');
  });

  it('matches on wording when the heading says nothing ("Tot slot")', () => {
    const item = find('Tot slot');
    assert.equal(item.status, 'discussed');
    assert.equal(item.discussedOn, '2021-06-14');
    assert.equal(item.discussedIn, 'Huisvesting');
  });

  it('leaves items open when no later meeting discusses them', () => {
    const only = pendingItems([meetings[0], meeting('2021-06-14', [['Roosterdruk', 'De plannen tegen roosterdruk zijn besproken.']])]);
    assert.deepEqual(only.map((i) => i.status), ['open', 'open', 'open']);
    assert.ok(only.every((i) => i.discussedOn === undefined));
  });

  it('never counts the same or an earlier meeting', () => {
    const reversed = pendingItems([meetings[2], meetings[0]]);
    const item = reversed.find((i) => i.section === 'Jaarwisseling' && i.date === '2021-02-01')!;
    assert.equal(item.discussedOn, '2021-10-04');
  });

  it('on the seeds: the 2020-02-10 "in september" Jaarwisseling item is discussed on 2020-11-23', async () => {
    const { meetings: seeds } = await loadReports(seedDir);
    const seedItems = pendingItems(seeds);
    const item = seedItems.find((i) => i.date === '2020-02-10' && i.section === 'Jaarwisseling')!;
    assert.equal(item.status, 'discussed');
    assert.equal(item.discussedOn, '2020-11-23');
    // The newest meeting's items cannot have been discussed yet.
    assert.ok(seedItems.filter((i) => i.date === '2020-11-23').every((i) => i.status === 'open'));
  });
});

describe('PendingTracker: one report at a time', () => {
  let seeds: Meeting[];
  before(async () => {
    seeds = (await loadReports(seedDir)).meetings;
  });
  const view = (items: readonly PendingItem[]) => items.map((i) => [i.id, i.status, i.discussedOn ?? '', i.discussedIn ?? '', i.discussedQuote ?? '']);

  it('a report added later gives the same items as reading all reports at once', () => {
    const tracker = new PendingTracker();
    tracker.syncNow(seeds.slice(0, 3));
    tracker.syncNow(seeds.slice(0, 4));
    const incremental = tracker.syncNow(seeds);
    assert.deepEqual(view(incremental), view(pendingItems(seeds)));
  });

  it('a report taken away brings back what only it discussed; an older one arriving late is placed in date order', () => {
    const tracker = new PendingTracker();
    tracker.syncNow(seeds);
    const later = seeds.find((m) => m.date === '2020-11-23')!;
    const item = () => tracker.items().find((i) => i.date === '2020-02-10' && i.section === 'Jaarwisseling')!;
    assert.equal(item().discussedOn, '2020-11-23');
    tracker.syncNow(seeds.filter((m) => m !== later));
    assert.equal(item().status, 'open');
    assert.ok(!tracker.items().some((i) => i.date === '2020-11-23'), 'its own items went with it');
    tracker.syncNow(seeds);
    assert.deepEqual(view(tracker.items()), view(pendingItems(seeds)));
    // The oldest report last: it is read as if it had been there all along.
    const oldest = seeds[0];
    const late = new PendingTracker();
    late.syncNow(seeds.slice(1));
    late.syncNow(seeds);
    assert.deepEqual(view(late.items()), view(pendingItems(seeds)), `${oldest.date} arriving last`);
  });

  it('quotes the sentence of the later section that says most about the item', () => {
    const [item] = pendingItems([
      meeting('2021-02-01', [['Jaarwisseling', 'Afgesproken is dat de evaluatie van het vuurwerkverbod in het LOVP van juni terugkomt.']]),
      meeting('2021-06-14', [['Jaarwisseling', 'De korpschef opende de vergadering. De evaluatie van het vuurwerkverbod is besproken en positief ontvangen. Verder niets.']]),
    ]);
    assert.equal(item.discussedQuote, 'De evaluatie van het vuurwerkverbod is besproken en positief ontvangen.');
  });

  it('gives the event loop back while it catches up, so other work goes on', async () => {
    const tracker = new PendingTracker({ sliceMs: 0 });
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const items = await tracker.sync(seeds);
    done = true;
    assert.ok(ticks > 10, `other callbacks ran during the build (${ticks})`);
    assert.deepEqual(view(items), view(pendingItems(seeds)));
    // Nothing changed: nothing to do, the same items.
    assert.equal(await tracker.sync(seeds), items);
  });
});
