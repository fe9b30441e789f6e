import { loadKnowledge } from '../../bot/answer/loadKnowledge';
import assert from 'node:assert/strict';
import { parseReport } from '../../bot/corpus/parseReport';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { MAX_QUOTE } from '../../bot/answer/pickQuote';
import { seedDir } from '../ingest/helpers';

let kb: KnowledgeBase;
before(async () => {
  ({ kb } = await loadKnowledge(seedDir));
});
const top = (q: string) => kb.ask(q).answers[0];

describe('KnowledgeBase.ask', () => {
  it('answers the fireworks question in Dutch and in English with dated, sectioned quotes', () => {
    for (const q of ['wat is er afgesproken over vuurwerk?', 'what was agreed about fireworks?']) {
      const r = kb.ask(q);
      assert.ok(r.answers.length >= 2, q);
      for (const a of r.answers) {
        assert.match(a.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(a.section, 'Jaarwisseling');
        assert.match(a.quote, /vuurwerk/i);
        assert.ok(a.quote.length <= MAX_QUOTE);
      }
    }
    assert.equal(kb.ask('what was agreed about fireworks?').language, 'en');
    assert.equal(kb.ask('wat is er afgesproken over vuurwerk?').language, 'nl');
  });

  it('a question written like an e-mail is answered as the question: greeting, sign-off and signature do not count', () => {
    const plain = kb.ask('wat is er afgesproken over het vuurwerkverbod?');
    for (const q of [
      'Goedemiddag, wat is er afgesproken over het vuurwerkverbod? Met vriendelijke groet, team OOV',
      'Hoi, wat is er afgesproken over het vuurwerkverbod?\nGroeten,\nPiet Jansen\nGemeente Utrecht',
      'wat is er afgesproken over het vuurwerkverbod? Met vriendelijke groet',
    ]) {
      const r = kb.ask(q);
      assert.deepEqual(r.answers.map((a) => [a.date, a.section]), plain.answers.map((a) => [a.date, a.section]), q);
      assert.deepEqual(r.corrections, [], q);
    }
    const en = kb.ask('Hi, what was agreed about fireworks? Kind regards, Anna de Vries (OOV)');
    assert.equal(en.language, 'en');
    assert.equal(en.answers[0]?.section, 'Jaarwisseling');
  });

  it('prefers the sentence that states the agreement for "afgesproken" questions', () => {
    const a = kb.ask('wat is er afgesproken over vuurwerk?').answers.find((x) => x.date === '2020-02-10')!;
    assert.match(a.quote, /Afgesproken is dat in september/);
  });

  it('finds compounds both ways: vuurwerk finds knalvuurwerk and vuurwerkverbod, and back', () => {
    assert.ok(kb.ask('vuurwerk').answers.some((a) => a.date === '2019-04-15' && /knalvuurwerk/.test(a.quote)));
    const ban = kb.ask('vuurwerkverbod handhaving').answers.map((a) => a.date);
    assert.ok(ban.includes('2020-11-23'), 'the 2020-11-23 report writes "vuurwerk" and "verbod" apart as well as together');
    const meetings = [new Kb([`Bestuurlijke terugkoppeling LOVP 1 maart 2024\n\nJaarwisseling\n\nEr komt een verbod op vuurwerk in alle gemeenten.`])];
    assert.equal(meetings[0].ask('vuurwerkverbod').answers[0]?.section, 'Jaarwisseling');
  });

  it('translates English domain terms through the glossary', () => {
    assert.equal(top('What was agreed about tasers?')?.section, 'Voorgenomen besluit stroomstootwapen');
    assert.equal(top('body cameras')?.section, 'Implementatie Bodycams');
    assert.equal(top('human trafficking co-authority')?.section, 'Mensenhandel');
  });

  it('narrows to the meeting a date hint names', () => {
    assert.equal(top('Wat is er in oktober 2019 afgesproken over strafrechtelijk afpakken?')?.date, '2019-10-28');
    assert.ok(kb.ask('veiligheidsagenda in 2017').answers.every((a) => a.date.startsWith('2017')));
    assert.ok(kb.ask('in het LOVP van 10 februari 2020 over jaarwisseling').answers.every((a) => a.date === '2020-02-10'));
    assert.equal(top('jaarwisseling in het laatste LOVP')?.date, '2020-11-23');
  });

  it('ignores a date hint that matches no meeting rather than answering nothing', () => {
    assert.ok(kb.ask('Wat zijn de doelen voor 2021 in de veiligheidsagenda?').answers.length > 0);
  });

  it('returns no answer when nothing is about the question', () => {
    for (const q of ['Wat is er afgesproken over de Elfstedentocht?', 'What was agreed about school holidays?', 'lorem ipsum dolor',
      'Is er iets gezegd over klimaatverandering?', 'Wat is er afgesproken over cameratoezicht in winkelcentra?', '', '   ', '???']) {
      assert.deepEqual(kb.ask(q).answers, [], q);
    }
  });

  it('never throws on lunr query syntax or odd input', () => {
    for (const q of ['art. 4:', 'BOA\'s', '+vuurwerk -verbod', 'vuur~2', 'title:jaarwisseling', '*', '^', '"', '\\', '\u0000', 'x'.repeat(10000), '🎆🎆']) {
      const r = kb.ask(q);
      assert.ok(Array.isArray(r.answers), q);
    }
    assert.ok(kb.ask("BOA's wapenstok").answers.some((a) => a.section === 'BOA'));
  });

  it('quotes at most three sentences and stays within the quote limit', () => {
    for (const q of ['bewaken en beveiligen', 'personeelsplanning capaciteit', 'veiligheidsagenda mensenhandel cybercrime']) {
      for (const a of kb.ask(q).answers) assert.ok(a.quote.length > 0 && a.quote.length <= MAX_QUOTE, q);
    }
  });
});

/** A knowledge base over report texts written in the test. */
class Kb extends KnowledgeBase {
  constructor(texts: string[]) {
    super(texts.map((t, i) => parseReport(t, `test-${i}.txt`)));
  }
}

describe('English questions without a glossary entry', () => {
  it('find Dutch cognates the reports use (granularity/granulariteit), which no word list has', () => {
    const cognates = new Kb([`Bestuurlijke terugkoppeling LOVP 1 maart 2024\n\nInzet\n\nDe regioburgemeesters vragen om meer granulariteit in de cijfers over de inzet.\n\nBegroting\n\nDe begroting is besproken.`]);
    assert.equal(cognates.ask('granularity of the figures')?.answers[0]?.section, 'Inzet');
  });
});
