import assert from 'node:assert/strict';
import { findDuePhrases, resolveDue } from '../bot/pending/resolveDue';

describe('resolveDue: Dutch time phrases against the meeting date', () => {
  const table: [meeting: string, sentence: string, due: string | null, kind?: string][] = [
    // Months name the next occurrence on or after the meeting month.
    ['2020-11-23', 'Het plan staat in het LOVP van februari op de agenda.', '2021-02', 'month'],
    ['2020-02-10', 'Dit voorstel komt terug in het LOVP van juni.', '2020-06', 'month'],
    ['2020-02-10', 'Het komt terug in het LOVP van februari.', '2021-02', 'month'], // a later meeting, never this one
    ['2017-04-10', 'De brief gaat eind mei naar de Kamer.', '2017-05', 'month'],
    ['2017-04-10', 'De brief gaat eind april naar de Kamer.', '2017-04', 'month'],
    ['2020-11-23', 'In april wordt het wederom besproken.', '2021-04', 'month'],
    ['2020-02-10', 'Afgesproken is dat in september dit onderwerp terugkomt.', '2020-09', 'month'],
    ['2021-03-15', 'Het rapport verschijnt medio juni 2022.', '2022-06', 'month'],
    // Days: the next such day; an explicit year wins.
    ['2019-04-15', 'De regioburgemeesters spreken 24 juni graag verder.', '2019-06-24', 'date'],
    ['2020-02-10', 'Hierover wordt op 9 maart a.s. besluitvormend gesproken.', '2020-03-09', 'date'],
    ['2020-11-23', 'Op 15 januari volgt een extra overleg.', '2021-01-15', 'date'],
    ['2020-11-23', 'Uiterlijk 1 maart 2021 ligt er een voorstel.', '2021-03-01', 'date'],
    ['2020-11-23', 'De deadline is 01-03-2021.', '2021-03-01', 'date'],
    // Seasons and years.
    ['2017-04-10', 'De korpschef zal na de zomer in het LOVP rapporteren.', '2017-09', 'season'],
    ['2017-10-02', 'Na de zomer komt dit terug.', '2018-09', 'season'],
    ['2019-10-28', 'Dit kan pas in het voorjaar aan de orde komen.', '2020-04', 'season'],
    ['2021-01-18', 'De minister stuurt voor de zomer een brief.', '2021-06', 'season'],
    ['2020-11-23', 'Deze doelstellingen liggen begin 2021 ter bespreking voor.', '2021', 'year'],
    ['2020-11-23', 'Eind 2021 wordt de pilot geëvalueerd.', '2021-12', 'month'],
    ['2019-10-28', 'De cijfers zijn eind dit jaar beter.', '2019-12', 'month'],
    ['2020-02-10', 'Het komende half jaar wordt gewerkt aan een herijking.', '2020-08', 'month'],
    // The next meeting: no calendar date.
    ['2020-02-10', 'Dit rapport wordt besproken in het volgende LOVP.', null, 'next-meeting'],
    ['2019-04-15', 'Volgende keer kan de koppeling worden versterkt.', null, 'next-meeting'],
  ];
  for (const [meeting, sentence, due, kind] of table) {
    it(`${meeting}: "${sentence}" -> ${due}`, () => {
      const match = resolveDue(sentence, meeting);
      assert.ok(match, 'a time phrase is found');
      assert.equal(match.due, due);
      if (kind) assert.equal(match.kind, kind);
    });
  }

  it('ignores the past: "jl.", "afgelopen", dates before the meeting', () => {
    assert.equal(resolveDue('In het LOVP van 23 november jl. is gesproken over roosterdruk.', '2020-11-23'), undefined);
    assert.equal(resolveDue('Afgelopen juni is de brief verstuurd.', '2020-11-23'), undefined);
    assert.equal(resolveDue('Op 3 maart 2020 is het rapport verschenen.', '2020-11-23'), undefined);
    assert.equal(resolveDue('De jaarverantwoording 2019 is vastgesteld.', '2020-11-23'), undefined);
  });

  it('names no due date for sentences without a time phrase', () => {
    assert.equal(resolveDue('Het onderwerp komt terug op de agenda.', '2017-04-10'), undefined);
    assert.equal(resolveDue('Er moet meer capaciteit komen voor de wijk.', '2017-04-10'), undefined);
  });

  it('prefers the meeting-bound phrase over a bare year in the same sentence', () => {
    const s = 'De indicator kan in 2020 doorlopen, over de aantallen wordt volgend LOVP doorgesproken.';
    assert.equal(resolveDue(s, '2019-10-28')?.kind, 'next-meeting');
    assert.deepEqual(findDuePhrases(s, '2019-10-28').map((d) => d.due), [null, '2020']);
  });

  it('takes "24 juni 2019" as one date, not also as "24 juni"', () => {
    assert.deepEqual(findDuePhrases('Op 24 juni 2019 spreken we verder.', '2019-04-15').map((d) => d.due), ['2019-06-24']);
  });
});
