// Ingestion: the same report in every format, added / replaced / unchanged / rejected / removed, restart,
// uploads with their limits, the folder watcher, and swapping the search index without dropping questions.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractText } from '../../bot/corpus/extractText';
import { parseReport } from '../../bot/corpus/parseReport';
import type { Meeting } from '../../bot/corpus/meeting';
import { contentHash } from '../../bot/ingest/contentHash';
import { ingestUpload } from '../../bot/ingest/ingestUpload';
import { LiveKnowledge } from '../../bot/ingest/liveKnowledge';
import { outcomeText } from '../../bot/ingest/outcomeText';
import { ReportLibrary, type IngestOutcome } from '../../bot/ingest/reportLibrary';
import { watchReports } from '../../bot/ingest/watchReports';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { smallDisk } from '../state/smallDisk';
import { copyOfSeeds, fixturesDir, removeTempDirs, reportDatedAs, SEED_2019, seedDir, seedText, tempDir, waitUntil } from './helpers';

after(removeTempDirs);

const fixture = (ext: string) => path.join(fixturesDir, `seed-2019-04-15.${ext}`);

describe('report fixtures made with LibreOffice from a seed', () => {
  it('PDF and DOCX give the same date, title, headings and content hash as the .txt', async () => {
    const txt = parseReport(seedText(), SEED_2019);
    for (const ext of ['pdf', 'docx']) {
      const meeting = parseReport(await extractText(fixture(ext), readFileSync(fixture(ext))), `seed.${ext}`);
      assert.equal(meeting.date, '2019-04-15', ext);
      assert.equal(meeting.title, txt.title, ext);
      assert.deepEqual(meeting.sections.map((s) => s.heading), txt.sections.map((s) => s.heading), ext);
      assert.equal(contentHash(meeting), contentHash(txt), `${ext}: same content, same hash`);
    }
  });
});

describe('ReportLibrary', () => {
  it('loads the data folder oldest first and reports each meeting as added, once', async () => {
    const library = new ReportLibrary(seedDir);
    const outcomes = await library.scan();
    assert.deepEqual(outcomes.map((o) => o.kind), ['added', 'added', 'added', 'added', 'added']);
    assert.deepEqual(library.meetings.map((m) => m.date), ['2017-04-10', '2019-04-15', '2019-10-28', '2020-02-10', '2020-11-23']);
    assert.ok(Object.isFrozen(library.meetings));
    assert.deepEqual(await library.scan(), []);
  });

  it('recognises the same content again, also as PDF or DOCX, and copies nothing', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    const changes: IngestOutcome[][] = [];
    library.onChange((_m, o) => changes.push(o));
    for (const file of [path.join(seedDir, SEED_2019), fixture('pdf'), fixture('docx')]) {
      const outcome = await library.ingestFile(file);
      assert.equal(outcome.kind, 'unchanged', file);
      assert.equal(outcome.meeting!.date, '2019-04-15');
      assert.equal(outcome.file, SEED_2019, 'names the file that holds this content');
    }
    assert.equal(readdirSync(dir).length, 5);
    assert.equal(changes.length, 0);
  });

  it('replaces a changed version of the same meeting, and keeps it after a restart', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    const before = library.meetings;
    const changes: { meetings: readonly unknown[]; outcomes: IngestOutcome[] }[] = [];
    library.onChange((meetings, outcomes) => changes.push({ meetings, outcomes }));
    const source = path.join(tempDir(), 'lovp-15-april-2019-v2.txt');
    writeFileSync(source, seedText().replace('Er wordt kort gesproken over de gebeurtenis.', 'Er wordt uitvoerig gesproken over de aanslag.'));

    const outcome = await library.ingestFile(source);
    assert.equal(outcome.kind, 'replaced');
    assert.equal(outcome.file, 'lovp-15-april-2019-v2.txt');
    assert.match(outcome.previous!.sections[0].text, /kort gesproken/);
    assert.equal(library.meetings.length, 5);
    assert.match(library.entryFor('2019-04-15')!.meeting.sections[0].text, /uitvoerig gesproken/);
    assert.notEqual(library.meetings, before, 'a new list, the old one untouched');
    assert.match(before[1].sections[0].text, /kort gesproken/);
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0].outcomes.map((o) => o.kind), ['replaced']);

    const restarted = new ReportLibrary(dir);
    await restarted.scan();
    assert.match(restarted.entryFor('2019-04-15')!.meeting.sections[0].text, /uitvoerig gesproken/);
    assert.equal(restarted.entryFor('2019-04-15')!.hash, outcome.hash);
  });

  it('adds a report of a new meeting, under a free name when the name is taken', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    const source = path.join(tempDir(), SEED_2019);
    writeFileSync(source, reportDatedAs('3 juni 2021'));
    const outcome = await library.ingestFile(source);
    assert.equal(outcome.kind, 'added');
    assert.equal(outcome.meeting!.date, '2021-06-03');
    assert.equal(outcome.file, '000_ef852aa59fc00c2a-2.txt');
    assert.equal(library.meetings.at(-1)!.date, '2021-06-03');
    assert.equal(readFileSync(path.join(dir, SEED_2019), 'utf8'), seedText(), 'the existing file is untouched');
    assert.equal(outcomeText(outcome, 'nl'), 'Nieuwe terugkoppeling toegevoegd: LOVP 3 juni 2021 (10 onderwerpen, 000_ef852aa59fc00c2a-2.txt).');
  });

  it('refuses files without a dated title, unreadable, empty or of another type, naming the file', async () => {
    const library = new ReportLibrary(copyOfSeeds());
    await library.scan();
    const src = tempDir();
    const cases: [string, string | Buffer, RegExp, RegExp][] = [
      ['verslag.txt', 'Verslag van het overleg\n\nEr is gesproken over vuurwerk.', /verslag\.txt: the title has no meeting date/, /verslag\.txt: de titel bevat geen vergaderdatum/],
      ['kapot.pdf', Buffer.from('%PDF-1.7 this is not really a pdf'), /kapot\.pdf cannot be read/, /kapot\.pdf kan niet worden gelezen/],
      ['kapot.docx', Buffer.from('PK not a zip'), /kapot\.docx cannot be read/, /kapot\.docx kan niet worden gelezen/],
      ['leeg.md', '', /leeg\.md contains no text/, /leeg\.md bevat geen tekst/],
      ['agenda.xlsx', 'a;b', /agenda\.xlsx is not a report I can read: send a \.txt, \.md, \.pdf or \.docx file/, /stuur een bestand van het type \.txt, \.md, \.pdf of \.docx/],
    ];
    for (const [name, content, en, nl] of cases) {
      writeFileSync(path.join(src, name), content);
      const outcome = await library.ingestFile(path.join(src, name));
      assert.equal(outcome.kind, 'rejected', name);
      assert.match(outcome.error!.message, en);
      assert.match(outcome.error!.text('nl'), nl);
      assert.match(outcomeText(outcome, 'en'), en);
    }
    const missing = await library.ingestFile(path.join(src, 'weg.pdf'));
    assert.equal(missing.error!.text('en'), 'weg.pdf does not exist or is not a file.');
    assert.equal(library.meetings.length, 5);
    assert.equal(readdirSync(library.dataDir).length, 5, 'nothing refused lands in the folder');
  });

  it('reports a bad file dropped into the folder once, and drops a meeting whose file is removed', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    writeFileSync(path.join(dir, 'kapot.txt'), 'geen titel');
    const first = await library.scan();
    assert.deepEqual(first.map((o) => [o.kind, o.file]), [['rejected', 'kapot.txt']]);
    assert.deepEqual(await library.scan(), [], 'not reported again while the file is unchanged');
    rmSync(path.join(dir, SEED_2019));
    const removed = await library.scan();
    assert.deepEqual(removed.map((o) => [o.kind, o.meeting!.date]), [['removed', '2019-04-15']]);
    assert.equal(library.meetings.length, 4);
  });
});

describe('ingestUpload (files sent to the bot)', () => {
  it('recognises a known report sent as DOCX and adds a new one', async () => {
    const library = new ReportLibrary(copyOfSeeds());
    await library.scan();
    const docx = await ingestUpload(library, 'terugkoppeling.docx', readFileSync(fixture('docx')));
    assert.equal(docx.kind, 'unchanged');
    const added = await ingestUpload(library, 'LOVP juni 2021.txt', Buffer.from(reportDatedAs('24 juni 2021')));
    assert.equal(added.kind, 'added');
    assert.equal(library.entryFor('2021-06-24')!.file, 'LOVP juni 2021.txt');
  });

  it('refuses uploads over the size limit before reading them, in Dutch and English', async () => {
    const library = new ReportLibrary(copyOfSeeds());
    const big = Buffer.alloc(6 * 1024 * 1024, 'a');
    const outcome = await ingestUpload(library, 'groot.pdf', big);
    assert.equal(outcome.kind, 'rejected');
    assert.equal(outcome.error!.code, 'too-large');
    assert.equal(outcome.error!.text('nl'), 'groot.pdf is te groot (6,0 MB); de grens is 5,0 MB.');
    assert.equal(outcome.error!.text('en'), 'groot.pdf is too large (6.0 MB); the limit is 5.0 MB.');
    assert.equal((await ingestUpload(library, 'klein.txt', Buffer.from(seedText()), 2048)).error!.code, 'too-large');
  });

  it('keeps uploads inside the data folder whatever their name', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    const outcome = await ingestUpload(library, '../../../etc/lovp 2022.txt', Buffer.from(reportDatedAs('1 maart 2022')));
    assert.equal(outcome.kind, 'added');
    assert.equal(outcome.file, 'lovp 2022.txt');
    assert.ok(readdirSync(dir).includes('lovp 2022.txt'));
  });

  it('answers with a refusal, not an exception, when the data folder is gone', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    rmSync(dir, { recursive: true });
    const error = console.error;
    console.error = () => undefined;
    try {
      const outcome = await ingestUpload(library, 'nieuw.txt', Buffer.from(reportDatedAs('1 maart 2022')));
      assert.equal(outcome.kind, 'rejected');
      assert.match(outcome.error!.text('nl'), /^nieuw\.txt kon niet worden opgeslagen in de map met terugkoppelingen \(ENOENT\)/);
    } finally {
      console.error = error;
    }
  });

  it('says the reports folder is full when it is, and leaves no temp file', async function () {
    const disk = await smallDisk(256 * 1024);
    try {
      if (disk.kind !== 'tmpfs') this.skip(); // needs a real full disk: root may mount a tmpfs, nothing else can fill one
      cpSync(path.join(seedDir, SEED_2019), path.join(disk.dir, SEED_2019));
      const library = new ReportLibrary(disk.dir);
      await library.scan();
      await disk.fill(2048);
      const error = console.error;
      console.error = () => undefined;
      try {
        const outcome = await ingestUpload(library, 'nieuw.txt', Buffer.from(reportDatedAs('1 maart 2022')));
        assert.equal(outcome.kind, 'rejected');
        assert.equal(outcome.error!.text('nl'), 'nieuw.txt kon niet worden opgeslagen: de map met terugkoppelingen is vol. Vraag de beheerder ruimte vrij te maken.');
        assert.match(outcome.error!.text('en'), /^nieuw\.txt could not be stored: the reports folder is full/);
      } finally {
        console.error = error;
      }
      assert.deepEqual(readdirSync(disk.dir).filter((n) => n.startsWith('.ingest-')), [], 'temp file left behind');
      await disk.free();
      assert.equal((await ingestUpload(library, 'nieuw.txt', Buffer.from(reportDatedAs('1 maart 2022')))).kind, 'added');
    } finally {
      disk.remove();
    }
  });

});

describe('watchReports', function () {
  this.timeout(20_000);

  it('ingests a report dropped into the folder, and a half-written file once it is complete', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    const seen: IngestOutcome[] = [];
    const watcher = watchReports(library, { debounceMs: 50, rescanMs: 0, onOutcomes: (o) => seen.push(...o) });
    try {
      writeFileSync(path.join(dir, 'nieuw.txt'), reportDatedAs('9 september 2021'));
      await waitUntil(() => library.meetings.some((m) => m.date === '2021-09-09'), 10_000, 'the dropped report');
      assert.deepEqual(seen.map((o) => o.kind), ['added']);

      writeFileSync(path.join(dir, 'half.txt'), ' Bestuurlijke ');
      await waitUntil(() => seen.some((o) => o.kind === 'rejected'), 10_000, 'the half file');
      writeFileSync(path.join(dir, 'half.txt'), reportDatedAs('7 oktober 2021'));
      await waitUntil(() => library.meetings.some((m) => m.date === '2021-10-07'), 10_000, 'the completed file');
    } finally {
      await watcher.close();
    }
  });

  it('finds new files by periodic rescan when file events do not arrive', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    // A huge debounce stands in for a watcher that never fires; only the rescan can find the file.
    const watcher = watchReports(library, { debounceMs: 60_000, rescanMs: 100 });
    try {
      writeFileSync(path.join(dir, 'later.txt'), reportDatedAs('2 december 2021'));
      await waitUntil(() => library.meetings.some((m) => m.date === '2021-12-02'), 10_000, 'the rescan');
    } finally {
      await watcher.close();
    }
  });
});

describe('LiveKnowledge', () => {
  it('swaps the index when reports change without failing questions in flight', async () => {
    const dir = copyOfSeeds();
    const library = new ReportLibrary(dir);
    await library.scan();
    const build = (meetings: Meeting[]) => new KnowledgeBase(meetings);
    const live = new LiveKnowledge(library, build, build([...library.meetings]));
    const question = 'wat is er afgesproken over vuurwerk?';
    const oldAnswer = live.current.ask(question);
    assert.ok(oldAnswer.answers.length > 0);

    // Questions that picked up the index, then wait (as a turn awaiting I/O would) while the reports change.
    let answeredByOldIndex = 0;
    let release!: () => void;
    const uploaded = new Promise<void>((resolve) => (release = resolve));
    const inFlight = Array.from({ length: 50 }, async (_, i) => {
      const kb = live.current;
      // Some finish before the new index is in, some only after it (they keep the index they started with).
      await (i % 2 ? new Promise((r) => setTimeout(r, i % 7)) : uploaded);
      if (kb !== live.current) answeredByOldIndex++;
      return kb.ask(question);
    });
    const upload = ingestUpload(library, 'vuurwerk-2021.txt', Buffer.from(reportDatedAs('6 december 2021')));
    void upload.then(release);
    const results = await Promise.all(inFlight);
    assert.equal((await upload).kind, 'added');
    for (const r of results) assert.ok(r.answers.length > 0);
    assert.ok(answeredByOldIndex > 0, 'some questions were still running on the old index after the swap');

    assert.equal(live.rebuilds, 1);
    assert.equal(live.current.meetings.length, 6);
    const after = live.get().ask('vuurwerk in december 2021');
    assert.ok(after.answers.some((a) => a.date === '2021-12-06'), JSON.stringify(after.answers.map((a) => a.date)));
    live.close();
  });
});
