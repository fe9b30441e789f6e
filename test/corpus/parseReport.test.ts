import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { deriveHeading, parseReport, ReportError } from '../../bot/corpus/parseReport';
import { seedDir } from '../ingest/helpers';

const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));
const parse = (name: string) => parseReport(readFileSync(path.join(seedDir, name), 'utf8'), name);
const byDate = new Map(seeds.map((f) => { const m = parse(f); return [m.date, m]; }));
const headings = (date: string) => byDate.get(date)!.sections.map((s) => s.heading);

describe('parseReport on the seed reports', () => {
  it('takes each meeting date from its title, never from elsewhere in the text', () => {
    assert.deepEqual([...byDate.keys()].sort(), ['2017-04-10', '2019-04-15', '2019-10-28', '2020-02-10', '2020-11-23']);
    assert.equal(byDate.get('2017-04-10')!.title, 'Bestuurlijke terugkoppeling Landelijk Overleg Veiligheid en Politie d.d. 10 april 2017');
  });

  it('finds standalone headings, also with stray leading spaces', () => {
    const h = headings('2019-04-15');
    assert.deepEqual(h.slice(0, 4), ['Aanslag Utrecht', 'Jaarwisseling', 'Gegevensuitwisseling, voorlichting Raad van State', 'Reputatiemonitor']);
    assert.ok(h.includes('Implementatie Bodycams'));
    assert.ok(headings('2019-10-28').includes('Voorgenomen besluit stroomstootwapen'));
  });

  it('reads markdown headings without the markup', () => {
    assert.equal(byDate.get('2020-02-10')!.title, 'Bestuurlijke terugkoppeling LOVP 10 februari 2020');
    assert.equal(headings('2020-02-10')[0], 'Bewaken en beveiligen');
  });

  it('splits inline "Heading: text" and gives untitled paragraphs a heading of their own', () => {
    const m = byDate.get('2017-04-10')!;
    assert.equal(m.sections[0].heading, 'Wetswijziging art. 4 Politiewet (bewaken en beveiligen als taak bij de Kmar toevoegen)');
    assert.match(m.sections[0].text, /^er is een gesprek geweest/);
    const untitled = m.sections.filter((s) => s.untitled).map((s) => s.heading);
    assert.deepEqual(untitled, ['Jaarverantwoording politie 2016', 'Strategische toekomstagenda van de politie']);
    assert.equal(m.sections.at(-1)!.heading, 'Governance politie');
  });

  it('joins wrapped lines and paragraphs broken by a page break', () => {
    const screening = byDate.get('2017-04-10')!.sections.find((s) => s.heading.startsWith('Screening'))!;
    assert.match(screening.text, /dat dit mooi is, maar nog een onvoldoende oplossing/);
    const hoger = byDate.get('2020-02-10')!.sections.find((s) => s.heading === 'Hoger en anders opgeleiden')!;
    assert.match(hoger.text, /realisatie lang op zich laat wachten/);
    const mensenhandel = byDate.get('2019-04-15')!.sections.find((s) => s.heading === 'Mensenhandel')!;
    assert.match(mensenhandel.text, /capaciteit voor ID-straat en/);
  });

  it('puts an introduction before the first heading in its own section', () => {
    assert.equal(byDate.get('2020-11-23')!.sections[0].heading, 'Inleiding');
    assert.equal(headings('2020-11-23')[1], 'Roosterdruk');
  });
});

describe('parseReport on bad input', () => {
  it('names the file when the title has no date', () => {
    assert.throws(() => parseReport('Verslag van het overleg\n\nEr is gesproken.', 'zonder-datum.txt'),
      (e: unknown) => e instanceof ReportError && e.source === 'zonder-datum.txt' && /no meeting date/.test(e.message));
  });

  it('rejects an empty file', () => {
    assert.throws(() => parseReport(' \n\n \n', 'leeg.txt'), ReportError);
  });

  it('accepts numeric dates and a title split over two lines', () => {
    const m = parseReport('Bestuurlijke terugkoppeling\nLOVP 03-07-2023\n\nJaarwisseling\n\nHet vuurwerkverbod blijft.\n', 'x.txt');
    assert.equal(m.date, '2023-07-03');
    assert.deepEqual(m.sections, [{ heading: 'Jaarwisseling', text: 'Het vuurwerkverbod blijft.' }]);
  });
});

describe('parseReport on other layouts', () => {
  it('reads numbered headings, skips a preamble before the title, keeps a list under its "Heading:"', () => {
    const m = parseReport(readFileSync(path.join(__dirname, '..', 'fixtures', 'numbered-headings.txt'), 'utf8'), 'numbered-headings.txt');
    assert.equal(m.date, '2021-03-08');
    assert.deepEqual(m.sections.map((s) => s.heading), ['Opening en mededelingen', 'Jaarwisseling 2020-2021', 'Inzet ME bij demonstraties', 'Rondvraag']);
    assert.match(m.sections[3].text, /De PG meldt[\s\S]*Halsema/);
  });

  it('takes a heading alone on its line with a colon, and bold markdown inline headings', () => {
    const m = parseReport('# Terugkoppeling LOVP 2 juni 2022\n\nBodycams:\nDe korpschef licht de uitrol toe.\n\n**Taser**: Het besluit is genomen.\n', 'x.md');
    assert.deepEqual(m.sections, [
      { heading: 'Bodycams', text: 'De korpschef licht de uitrol toe.' },
      { heading: 'Taser', text: 'Het besluit is genomen.' },
    ]);
  });
});

describe('parseReport on narrow wrapping', () => {
  it('reads an inline heading wrapped onto a second line', () => {
    const m = parseReport('Terugkoppeling LOVP 2 juni 2022\n\nWetswijziging art. 4 Politiewet (bewaken en beveiligen als\ntaak bij de Kmar toevoegen): er is een gesprek geweest.\n\nInformatiedeling: Er komt een bijeenkomst.\n', 'x.txt');
    assert.deepEqual(m.sections.map((s) => s.heading), ['Wetswijziging art. 4 Politiewet (bewaken en beveiligen als taak bij de Kmar toevoegen)', 'Informatiedeling']);
  });

  it('takes a long heading on its own line even when the page is narrow, but not a wrapped line', () => {
    const text = ['Terugkoppeling LOVP 2 juni 2022', '', 'Kamermoties, Politiecapaciteit en Strategische personeelsplanning', '',
      'De regioburgemeesters refereerden aan de moties. Zij spreken met', 'Aboutaleb over de', 'Kamer en de capaciteit.', ''].join('\n');
    const m = parseReport(text, 'x.txt');
    assert.deepEqual(m.sections.map((s) => s.heading), ['Kamermoties, Politiecapaciteit en Strategische personeelsplanning']);
    assert.match(m.sections[0].text, /spreken met Aboutaleb over de Kamer/);
  });

  it('keeps a paragraph that refers back in its inline-headed section', () => {
    const m = parseReport('LOVP 2 juni 2022\n\nBodycams: De uitrol begint.\n\nDaarnaast komt er een evaluatie.\n\nDe jaarverantwoording is vastgesteld.\n', 'x.txt');
    assert.deepEqual(m.sections.map((s) => s.heading), ['Bodycams', 'Jaarverantwoording']);
    assert.match(m.sections[0].text, /Daarnaast komt er een evaluatie/);
  });
});

describe('parseReport on large texts', () => {
  /** A report whose one section is `lines` short lines without punctuation: one growing paragraph. */
  const shortLines = (lines: number) => `Bestuurlijke terugkoppeling LOVP 15 april 2019\n\nVuurwerk\n${'de korpschef en de burgemeester van veiligheids-\nregio\n'.repeat(lines / 2)}`;

  it('joins 1.6 MB of short lines in linear time', () => {
    const small = shortLines(5_000);
    const large = shortLines(80_000);
    assert.ok(large.length > 1_600_000, `${large.length} characters`);
    const time = (text: string) => {
      const started = performance.now();
      const meeting = parseReport(text, 'x.txt');
      return { ms: performance.now() - started, meeting };
    };
    time(small);
    const a = time(small);
    // 16 times the text: linear is about 16 times the time, quadratic about 256 times (43 s before). On a shared
    // machine one run can lose the processor for a second, so the large text gets up to three runs to show it.
    const linear = (ms: number) => ms < 5000 && ms < Math.max(a.ms, 5) * 60;
    let b = time(large);
    for (let run = 2; run <= 3 && !linear(b.ms); run++) b = time(large);
    assert.equal(b.meeting.sections.length, 1);
    const text = b.meeting.sections[0].text;
    assert.equal(text.split('burgemeester van veiligheids-regio de korpschef').length, 80_000 / 2, 'every line joined, hyphenated words without a space');
    assert.ok(linear(b.ms), `small ${a.ms.toFixed(0)} ms, large ${b.ms.toFixed(0)} ms`);
  });
});

describe('deriveHeading', () => {
  it('keeps the subject of the first sentence', () => {
    assert.equal(deriveHeading('Met betrekking tot de inzet van drones is afgesproken dat X.'), 'Inzet van drones');
    assert.equal(deriveHeading('Er zijn stappen overgeslagen.'), 'Er zijn stappen overgeslagen');
  });
});
