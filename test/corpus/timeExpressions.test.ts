import assert from 'node:assert/strict';
import { splitClauses, tenseOf } from '../../bot/corpus/dutchClauses';
import { findTimeExpressions, type TimeExpression } from '../../bot/corpus/timeExpressions';

const only = (sentence: string, meeting: string): TimeExpression => {
  const found = findTimeExpressions(sentence, meeting);
  assert.equal(found.length, 1, `one expression in "${sentence}": ${JSON.stringify(found.map((f) => f.text))}`);
  return found[0];
};

describe('timeExpressions: Dutch time expressions resolved forward from the meeting date', () => {
  const table: [meeting: string, sentence: string, text: string, value: string | null, kind: string][] = [
    // Days: the next such day; an explicit year wins.
    ['2019-04-15', 'De regioburgemeesters spreken 24 juni graag verder.', '24 juni', '2019-06-24', 'date'],
    ['2020-02-10', 'Hierover wordt op 9 maart a.s. besluitvormend gesproken.', '9 maart', '2020-03-09', 'date'],
    ['2020-11-23', 'Op 15 januari volgt een extra overleg.', '15 januari', '2021-01-15', 'date'],
    ['2020-11-23', 'Uiterlijk 1 maart 2021 ligt er een voorstel.', '1 maart 2021', '2021-03-01', 'date'],
    ['2020-11-23', 'De deadline is 01-03-2021.', '01-03-2021', '2021-03-01', 'date'],
    // Months: the next such month on or after the meeting; a later meeting is never this month.
    ['2017-04-10', 'De brief gaat eind mei naar de Kamer.', 'eind mei', '2017-05', 'month'],
    ['2017-04-10', 'De brief gaat eind april naar de Kamer.', 'eind april', '2017-04', 'month'],
    ['2020-11-23', 'In april wordt het wederom besproken.', 'In april', '2021-04', 'month'],
    ['2020-11-23', 'Het plan staat in het LOVP van februari op de agenda.', 'LOVP van februari', '2021-02', 'month'],
    ['2020-02-10', 'Het komt terug in het LOVP van februari.', 'LOVP van februari', '2021-02', 'month'],
    ['2021-03-15', 'Het rapport verschijnt medio juni 2022.', 'medio juni 2022', '2022-06', 'month'],
    ['2020-02-10', 'Half februari verschijnt een rapport.', 'Half februari', '2020-02', 'month'],
    // Quarters and halves: the last month they allow.
    ['2022-10-10', 'De minister komt in het eerste kwartaal 2023 met een voorstel.', 'in het eerste kwartaal 2023', '2023-03', 'quarter'],
    ['2022-10-10', 'Het plan volgt in het eerste kwartaal van volgend jaar.', 'in het eerste kwartaal van volgend jaar', '2023-03', 'quarter'],
    ['2022-05-10', 'Het plan volgt in Q3.', 'Q3', '2022-09', 'quarter'],
    ['2022-05-10', 'Begin Q4 2022 ligt er een besluit.', 'Begin Q4 2022', '2022-10', 'quarter'],
    ['2023-03-01', 'De evaluatie komt in de tweede helft van 2023.', 'in de tweede helft van 2023', '2023-12', 'half-year'],
    // Seasons and recesses.
    ['2017-04-10', 'De korpschef zal na de zomer in het LOVP rapporteren.', 'na de zomer', '2017-09', 'season'],
    ['2017-10-02', 'Na de zomer komt dit terug.', 'Na de zomer', '2018-09', 'season'],
    ['2021-03-01', 'Na het zomerreces komt dit terug.', 'Na het zomerreces', '2021-09', 'season'],
    ['2021-01-18', 'De minister stuurt voor de zomer een brief.', 'voor de zomer', '2021-06', 'season'],
    ['2023-11-10', 'In het najaar van 2024 wordt de wet geëvalueerd.', 'In het najaar van 2024', '2024-11', 'season'],
    ['2019-10-28', 'Dit kan pas in het voorjaar aan de orde komen.', 'in het voorjaar', '2020-05', 'season'],
    ['2020-11-23', 'Deze winter wordt gekeken naar de inzet.', 'Deze winter', '2021-02', 'season'],
    ['2021-06-14', 'Voor de kerst volgt een brief.', 'Voor de kerst', '2021-12', 'season'],
    // Years and parts of years.
    ['2020-11-23', 'Deze doelstellingen liggen begin 2021 ter bespreking voor.', 'begin 2021', '2021-02', 'month'],
    ['2023-06-01', 'Medio 2024 is de evaluatie klaar.', 'Medio 2024', '2024-06', 'month'],
    ['2020-11-23', 'Eind 2021 wordt de pilot geëvalueerd.', 'Eind 2021', '2021-12', 'month'],
    ['2025-03-10', 'Het systeem wordt in 2026 uitgeleerd.', 'in 2026', '2026', 'year'],
    ['2019-10-28', 'De cijfers zijn eind dit jaar beter.', 'eind dit jaar', '2019-12', 'month'],
    ['2019-10-28', 'Volgend jaar komt er een nieuwe wet.', 'Volgend jaar', '2020', 'year'],
    ['2019-10-28', 'Begin volgend jaar komt er een nieuwe wet.', 'Begin volgend jaar', '2020-02', 'month'],
    // Spans from the meeting.
    ['2020-02-10', 'Het komende half jaar wordt gewerkt aan een herijking.', 'Het komende half jaar', '2020-08', 'month'],
    ['2021-06-14', 'Over drie maanden ligt er een plan.', 'Over drie maanden', '2021-09', 'month'],
    ['2021-06-14', 'Volgende maand ligt er een plan.', 'Volgende maand', '2021-07', 'month'],
    // No calendar moment.
    ['2020-02-10', 'Dit rapport wordt besproken in het volgende LOVP.', 'volgende LOVP', null, 'next-meeting'],
    ['2019-04-15', 'Volgende keer kan de koppeling worden versterkt.', 'Volgende keer', null, 'next-meeting'],
    ['2019-04-15', 'Op korte termijn volgt een brief.', 'Op korte termijn', null, 'soon'],
  ];
  for (const [meeting, sentence, text, value, kind] of table) {
    it(`${meeting}: "${sentence}" -> ${value}`, () => {
      const t = only(sentence, meeting);
      assert.equal(t.text, text);
      assert.equal(sentence.slice(t.index, t.end), text, 'the position points at the words');
      assert.equal(t.value, value);
      assert.equal(t.kind, kind);
      assert.equal(t.direction, 'future');
    });
  }

  it('marks the past: "jl.", "afgelopen", dates before the meeting, the meeting day itself, past-tense clauses', () => {
    const past: [string, string, string | null][] = [
      ['2020-11-23', 'In het LOVP van 23 november jl. is gesproken over roosterdruk.', '2020-11-23'],
      ['2021-03-01', 'In het LOVP van 1 maart 2021 is onder meer gesproken over de politiewet.', '2021-03-01'],
      ['2020-11-23', 'Afgelopen juni is de brief verstuurd.', '2020-06'],
      ['2020-11-23', 'Op 3 maart 2020 is het rapport verschenen.', '2020-03-03'],
      ['2020-02-10', 'In januari heeft de minister een brief gestuurd.', '2020-01'],
      ['2021-10-04', 'Voor de zomer is de brief aan de Kamer gestuurd.', '2021-06'],
      ['2024-09-01', 'Eerder sprak men af om in maart te evalueren.', '2024-03'],
    ];
    for (const [meeting, sentence, value] of past) {
      const t = only(sentence, meeting);
      assert.equal(t.value, value, sentence);
      assert.equal(t.direction, 'past', sentence);
    }
  });

  it('gives every expression with its own clause, so a date of another clause is told apart', () => {
    const s = 'Het rapport, dat op 19 april is verschenen, wordt voor de zomer besproken.';
    const [april, summer] = findTimeExpressions(s, '2021-05-15');
    assert.deepEqual([april.value, april.direction, summer.value, summer.direction], ['2021-04-19', 'past', '2021-06', 'future']);
    assert.match(april.clause.text, /19 april is verschenen/);
    assert.match(summer.clause.text, /^wordt voor de zomer besproken/);
    // Without commas the verb clusters still mark where the relative clause ends.
    const [, summer2] = findTimeExpressions('Het rapport dat op 19 april is verschenen wordt voor de zomer besproken.', '2021-05-15');
    assert.match(summer2.clause.text, /^wordt voor de zomer besproken/);
  });

  it('finds several expressions in text order, the longest reading of each', () => {
    const found = findTimeExpressions('Op 24 juni 2019 spreken we verder en in september volgt het besluit, over de aantallen wordt volgend LOVP gesproken.', '2019-04-15');
    assert.deepEqual(found.map((t) => [t.text, t.value]), [['24 juni 2019', '2019-06-24'], ['in september', '2019-09'], ['volgend LOVP', null]]);
  });

  it('leaves numbers that are no time alone', () => {
    assert.deepEqual(findTimeExpressions('De jaarverantwoording 2019 is vastgesteld; 10 miljoen gaat naar 25 eenheden.', '2020-11-23'), []);
    assert.deepEqual(findTimeExpressions('Het onderwerp komt terug op de agenda.', '2017-04-10'), []);
  });
});

describe('dutchClauses: clauses and their tense', () => {
  it('reads the tense from auxiliaries, participles and past forms', () => {
    assert.equal(tenseOf('De minister zal een brief sturen'), 'future');
    assert.equal(tenseOf('De jaarverantwoording is vastgesteld'), 'past');
    assert.equal(tenseOf('De minister heeft aangegeven'), 'past');
    assert.equal(tenseOf('Eerder sprak men af'), 'past');
    assert.equal(tenseOf('Er is kort gesproken over de pilots'), 'past');
    assert.equal(tenseOf('Het overleg is gepland'), 'present', 'a planned event is not a past one');
    assert.equal(tenseOf('Het onderwerp wordt besproken'), 'present');
    assert.equal(tenseOf('De gemeenten zijn betrokken bij de gemeenten'), 'past');
    assert.equal(tenseOf('Dit geldt voor de gemeenten'), 'present');
  });

  it('splits at punctuation and clause openers, keeping verbless pieces with their neighbour', () => {
    const clauses = splitClauses('De minister en de korpschef gaan in gesprek, waarbij de burgemeesters zijn betrokken.');
    assert.deepEqual(clauses.map((c) => c.text.trim()), ['De minister en de korpschef gaan in gesprek,', 'waarbij de burgemeesters zijn betrokken.']);
    assert.deepEqual(clauses.map((c) => c.tense), ['future', 'past'], '"gaan in gesprek" looks ahead');
  });
});
