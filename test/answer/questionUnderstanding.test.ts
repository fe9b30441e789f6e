// Answers on reports the code was not written for: English without the reports' Dutch terms, Dutch synonyms,
// derivations and compounds, abbreviations, introductions, dates in questions, typos and unanswerable questions.
// The reports here are written in the tests, in the style of the LOVP terugkoppelingen.
import { loadKnowledge } from '../../bot/answer/loadKnowledge';
import assert from 'node:assert/strict';
import { parseReport } from '../../bot/corpus/parseReport';
import { detectLanguage } from '../../bot/answer/detectLanguage';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { seedDir } from '../ingest/helpers';

const kb = (...reports: string[]) => new KnowledgeBase(reports.map((t, i) => parseReport(t, `r${i}.txt`)));

const ME = `Bestuurlijke terugkoppeling LOVP 8 februari 2021

In het LOVP van 8 februari is onder meer gesproken over de rellen rond de avondklok, de financiële positie
van de politie en de instroom van aspiranten.

Rellen avondklok

De korpschef heeft de inzet van de ME tijdens de rellen na de invoering van de avondklok toegelicht. Op meerdere
plaatsen is traangas ingezet. Afgesproken is dat de minister voor de zomer per brief de Kamer informeert over de
lessen uit de evaluatie.

Financiële positie

Over 2020 heeft de politie een positief resultaat van 30 miljoen behaald. Voor 2023 en 2024 wordt een tekort
verwacht. De korpschef komt in het LOVP van juni met een voorstel voor de dekking.

Instroom

De instroom van aspiranten is hoger dan verwacht. De regioburgemeesters zien het belang van voldoende
praktijkbegeleiding. In juni vorig jaar is de capaciteit van de Politieacademie al uitgebreid.`;

const LATER = `Bestuurlijke terugkoppeling LOVP 21 juni 2021

Jaarverantwoording

Het LOVP heeft de jaarverantwoording over 2020 vastgesteld.

Roosters

De regioburgemeesters maken zich zorgen over de roosterdruk in de basisteams. Afgesproken is dat elke
eenheid een plan maakt om de roosters te ontlasten.`;

describe('answers on unseen reports', () => {
  const base = kb(ME, LATER);
  const top = (q: string) => base.ask(q).answers[0];

  it('answers English questions in everyday words through the lexicon and the domain glossary', () => {
    assert.equal(top('Was tear gas used against rioters after the curfew?')?.section, 'Rellen avondklok');
    assert.equal(top('What did the riot police do during the curfew unrest?')?.section, 'Rellen avondklok');
    assert.equal(top('how big is the expected budget shortfall')?.section, 'Financiële positie');
    assert.equal(top('Are more new recruits coming in than expected?')?.section, 'Instroom');
  });

  it('takes a question of English keywords for English, and of Dutch keywords for Dutch', () => {
    assert.equal(base.languageOf('tear gas water cannon'), 'en');
    assert.equal(base.languageOf('traangas avondklok'), 'nl');
    assert.equal(detectLanguage('what was agreed about fireworks?'), 'en');
    assert.equal(top('tear gas curfew')?.section, 'Rellen avondklok');
  });

  it('never lets an English word no resource knows outweigh the known ones', () => {
    // "zxqvbnm" is in no word list and no report; the known words still find the section.
    assert.equal(top('What happened with the curfew riots zxqvbnm?')?.section, 'Rellen avondklok');
    assert.deepEqual(base.ask('zxqvbnm qwertyuiop').answers, []);
  });

  it('finds Dutch synonyms, derivations, compounds the reports never use, and abbreviations in capitals', () => {
    assert.equal(top('Wat is er gezegd over het overschot?')?.section, 'Financiële positie', 'overschot = positief resultaat');
    assert.equal(top('Hoeveel instromers zijn er?')?.section, 'Instroom', 'instromers ~ instroom');
    assert.equal(top('Wat is er afgesproken over de roosterplannen?')?.section, 'Roosters', 'rooster + plannen');
    assert.equal(top('Wat deed de ME?')?.section, 'Rellen avondklok', 'ME is the Mobiele Eenheid, not the pronoun');
  });

  it('ranks a topic\'s own section above an introduction that only names it', () => {
    const answers = base.ask('rellen avondklok').answers;
    assert.equal(answers[0].section, 'Rellen avondklok');
    assert.ok(answers.findIndex((a) => a.section === 'Inleiding') !== 0);
  });

  it('quotes the agreement for an agreement question, even without a shared word', () => {
    const a = top('Wat is er afgesproken over de rellen?');
    assert.match(a.quote, /Afgesproken is dat de minister voor de zomer/);
  });

  it('answers a when-question with the date ahead, never one already past', () => {
    const a = top('Wanneer komt de korpschef met de dekking van het tekort?');
    assert.equal(a.section, 'Financiële positie');
    assert.match(a.quote, /LOVP van juni/);
    const instroom = top('Wanneer wordt de capaciteit van de Politieacademie uitgebreid?');
    assert.equal(instroom.section, 'Instroom');
    assert.ok(base.ask('Wanneer komt de korpschef met de dekking van het tekort?').answers.every((x) => !/vorig jaar/.test(x.quote) || x.section !== 'Financiële positie'));
  });

  it('filters on a meeting only when the question names one; a year about the topic only boosts', () => {
    assert.ok(base.ask('Wat is er in juni 2021 afgesproken over roosters?').answers.every((a) => a.date === '2021-06-21'));
    // 2023 and 2024 are years of the deficit, not of a meeting: the February 2021 report answers.
    assert.equal(top('Hoe groot is het tekort van 2023 en 2024?')?.date, '2021-02-08');
    assert.equal(top('what is expected for 2023 and 2024 financially?')?.section, 'Financiële positie');
  });

  it('means the newest meeting by "het laatste LOVP" and lists its topics when nothing else is asked', () => {
    const r = base.ask('wat is er besproken in het laatste LOVP?');
    assert.ok(r.answers.length >= 2);
    assert.ok(r.answers.every((a) => a.date === '2021-06-21'));
    assert.ok(base.ask('roosters in the latest meeting').answers.every((a) => a.date === '2021-06-21'));
  });

  it('corrects a typo to the report word and says so', () => {
    const r = base.ask('avondklokk rellen');
    assert.equal(r.answers[0]?.section, 'Rellen avondklok');
    assert.deepEqual(r.corrections, [{ from: 'avondklokk', to: 'avondklok' }]);
    const en = base.ask('what about the curfeww');
    assert.equal(en.answers[0]?.section, 'Rellen avondklok');
    assert.equal(en.corrections[0]?.to, 'curfew');
  });

  it('keeps unanswerable questions unanswered, also when two generic words occur in the reports', () => {
    for (const q of ['Wat komt er terug over het verbod op lachgas?', 'Wat is er afgesproken over carbidschieten?', 'What was agreed about school holidays?',
      'Was there any discussion about mounted police and police horses?', 'hittegolf extreem weer politie-inzet', 'lorem ipsum dolor']) {
      assert.deepEqual(base.ask(q).answers, [], q);
    }
  });
});

describe('answers on the seed reports', () => {
  let seeds: KnowledgeBase;
  before(async () => {
    ({ kb: seeds } = await loadKnowledge(seedDir));
  });

  it('a typo still finds the fireworks ban: vuurwerkverbodd', () => {
    const r = seeds.ask('vuurwerkverbodd');
    assert.equal(r.answers[0]?.section, 'Jaarwisseling');
    assert.equal(r.corrections[0]?.to, 'vuurwerkverbod');
  });

  it('answers a follow-up about the previous question\'s topic', () => {
    const first = seeds.ask('Wat is er afgesproken over bewaken en beveiligen?');
    const followUp = seeds.ask('en wanneer komt dat terug?', { context: first.topic });
    assert.deepEqual(followUp.followUpOf, first.topic);
    assert.equal(followUp.answers[0]?.section, 'Bewaken en beveiligen');
    assert.match(followUp.answers[0].quote, /in april als onderwerp wederom wordt besproken/);
    // The same words without the context are no question about bewaken en beveiligen.
    assert.notEqual(seeds.ask('en wanneer komt dat terug?').answers[0]?.section, 'Bewaken en beveiligen');
    // A question with a topic of its own is no follow-up.
    assert.equal(seeds.ask('en wat is er afgesproken over de jaarverantwoording?', { context: first.topic }).followUpOf, undefined);
  });
});

describe('report titles', () => {
  it('a title naming two meetings gives the first meeting\'s date', () => {
    const m = parseReport('Korte terugkoppeling LOVP 29 november en extra LOVP 23 november 2021\n\nBegroting\n\nDe begroting is besproken.', 'x.txt');
    assert.equal(m.date, '2021-11-29');
    const across = parseReport('Terugkoppeling LOVP 29 december en extra LOVP 4 januari 2022\n\nBegroting\n\nDe begroting is besproken.', 'y.txt');
    assert.equal(across.date, '2021-12-29');
  });
});

describe('topic timeline', () => {
  it('lists every meeting that discussed the topic, oldest first, one section each, also for an English topic', () => {
    const base = kb(ME, LATER, `Bestuurlijke terugkoppeling LOVP 10 oktober 2022

Rellen

Er is teruggeblikt op de rellen na de voetbalwedstrijd. De ME is uit drie eenheden bijgesprongen.

Roosters

De roosterdruk is afgenomen.`);
    const nl = base.timeline('rellen');
    assert.deepEqual(nl.answers.map((a) => a.date), ['2021-02-08', '2022-10-10']);
    assert.ok(nl.answers.every((a) => /rellen/i.test(a.quote)));
    assert.deepEqual(base.timeline('riots').answers.map((a) => a.date), ['2021-02-08', '2022-10-10']);
    assert.deepEqual(base.timeline('roosters').answers.map((a) => a.date), ['2021-06-21', '2022-10-10']);
    assert.deepEqual(base.timeline('elfstedentocht').answers, []);
  });
});
