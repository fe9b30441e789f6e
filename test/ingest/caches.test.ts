// The two caches of a start: the parsed report files (bot/ingest/parseCache.ts, read by the report library
// instead of parsing every report) and the serialised index (bot/search/indexCache.ts, loaded by the index worker
// instead of building it). Both are used only for what they were written for, and neither changes an answer.
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { OffThreadIndex } from '../../bot/answer/offThreadIndex';
import { contentHash } from '../../bot/ingest/contentHash';
import { parseReportFile, ReportLibrary, type ParseFile } from '../../bot/ingest/reportLibrary';
import { indexFingerprint } from '../../bot/search/indexCache';
import { devQuestions } from '../../bench/questions';
import { seedDir } from './helpers';

const QUESTIONS = [...devQuestions(), 'vuurwerk', 'What was agreed about tasers?', 'jaarwisseling in het laatste LOVP', "BOA's wapenstok", ''];

describe('start-up caches', function () {
  this.timeout(60_000);
  let dir: string;
  let corpus: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lovp-cache-test-'));
    corpus = path.join(dir, 'data');
    await cp(seedDir, corpus, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A parser that counts what it parses. */
  const counting = () => {
    const parsed: string[] = [];
    const parse: ParseFile = (name, content) => (parsed.push(name), parseReportFile(name, content));
    return { parsed, parse };
  };

  it('parsed reports: a second start parses nothing, a changed file is parsed again, a removed one goes', async () => {
    const cacheFile = path.join(dir, 'cache', 'reports-cache.json');
    const first = counting();
    const a = new ReportLibrary(corpus, { parse: first.parse, cacheFile });
    await a.scan();
    assert.equal(first.parsed.length, 5);

    const second = counting();
    const b = new ReportLibrary(corpus, { parse: second.parse, cacheFile });
    await b.scan();
    assert.deepEqual(second.parsed, [], 'every report came from the cache');
    assert.deepEqual(b.meetings, a.meetings);

    await appendFile(path.join(corpus, '002_c50e25f651aa8d47.txt'), '\n\nNaschrift\n\nDe korpschef komt in juni terug op de inzetbaarheid.\n');
    await rm(path.join(corpus, '000_ef852aa59fc00c2a.txt'));
    const third = counting();
    const c = new ReportLibrary(corpus, { parse: third.parse, cacheFile });
    await c.scan();
    assert.deepEqual(third.parsed, ['002_c50e25f651aa8d47.txt']);
    assert.equal(c.meetings.length, 4);
    assert.ok(c.meetings.find((m) => m.date === '2020-02-10')!.sections.some((s) => s.heading === 'Naschrift'));
  });

  it('parsed reports: a corrupt or foreign cache file is ignored, and an unwritable one does not stop the library', async () => {
    const cacheFile = path.join(dir, 'reports-cache.json');
    await writeFile(cacheFile, '{"version": 1, "code": "another parser", "files": [["x.txt", {"version": "1", "parsed": {"meeting": {}}}]]}');
    const run = counting();
    const library = new ReportLibrary(corpus, { parse: run.parse, cacheFile });
    await library.scan();
    assert.equal(run.parsed.length, 5);
    await writeFile(cacheFile, 'not json at all');
    assert.equal((await new ReportLibrary(corpus, { cacheFile }).scan()).filter((o) => o.kind === 'added').length, 5);
    const unwritable = new ReportLibrary(corpus, { cacheFile: path.join(corpus, '002_c50e25f651aa8d47.txt', 'cache.json') });
    assert.equal((await unwritable.scan()).filter((o) => o.kind === 'added').length, 5);
  });

  it('serialised index: the index worker builds and writes it once, then loads it and answers exactly the same', async () => {
    const library = new ReportLibrary(corpus);
    await library.scan();
    const meetings = [...library.meetings];
    const cache = { file: path.join(dir, 'cache', 'index-cache.json'), fingerprint: await indexFingerprint(library.entries().map((e) => e.hash)) };
    const built = await OffThreadIndex.build(meetings, { cache });
    const loaded = await OffThreadIndex.build(meetings, { cache });
    try {
      assert.equal(built.cache, 'miss');
      assert.equal(loaded.cache, 'hit');
      const fresh = new KnowledgeBase(meetings);
      for (const q of QUESTIONS) assert.deepEqual(await loaded.ask(q), fresh.ask(q), q);
      assert.ok((await loaded.ask('vuurwerk')).answers.length > 0);
    } finally {
      built.close();
      loaded.close();
    }
  });

  it('serialised index: other meetings, other code or a corrupt file mean a build, and the answers still come', async () => {
    const library = new ReportLibrary(corpus);
    await library.scan();
    const meetings = [...library.meetings];
    const file = path.join(dir, 'index-cache.json');
    const hashes = library.entries().map((e) => e.hash);
    const first = await OffThreadIndex.build(meetings, { cache: { file, fingerprint: await indexFingerprint(hashes) } });
    first.close();
    const fewer = meetings.slice(1);
    const other = await OffThreadIndex.build(fewer, { cache: { file, fingerprint: await indexFingerprint(fewer.map(contentHash)) } });
    assert.equal(other.cache, 'miss', 'a fingerprint of other meetings');
    other.close();
    assert.notEqual(await indexFingerprint(hashes), await indexFingerprint([...hashes].reverse()), 'the order of the meetings counts');
    await writeFile(file, '{"version": 3, "fingerprint": "x", "index": 1');
    const corrupt = await OffThreadIndex.build(meetings, { cache: { file, fingerprint: await indexFingerprint(hashes) } });
    try {
      assert.equal(corrupt.cache, 'miss');
      assert.ok((await corrupt.ask('vuurwerk')).answers.length > 0);
    } finally {
      corrupt.close();
    }
  });

  it('serialised index: a worker prepared before the reports are read uses the file it read when it fits, builds when not', async () => {
    const library = new ReportLibrary(corpus);
    await library.scan();
    const meetings = [...library.meetings];
    const file = path.join(dir, 'cache', 'index-cache.json');
    const fingerprint = await indexFingerprint(library.entries().map((e) => e.hash));
    // Nothing to read yet: the prepared worker builds, and writes the file.
    const first = await OffThreadIndex.build(meetings, { cache: { file, fingerprint }, prepared: OffThreadIndex.prepare(file) });
    first.close();
    assert.equal(first.cache, 'miss');
    const prepared = OffThreadIndex.prepare(file);
    const loaded = await OffThreadIndex.build(meetings, { cache: { file, fingerprint }, prepared });
    try {
      assert.equal(loaded.cache, 'hit');
      const fresh = new KnowledgeBase(meetings);
      for (const q of QUESTIONS) assert.deepEqual(await loaded.ask(q), fresh.ask(q), q);
      assert.equal(prepared.take(), undefined, 'a prepared worker serves one build');
    } finally {
      loaded.close();
    }
    // Read early but written for other meetings: a build, whose answers come from the meetings sent.
    const fewer = meetings.slice(1);
    const other = await OffThreadIndex.build(fewer, { cache: { file, fingerprint: await indexFingerprint(fewer.map(contentHash)) }, prepared: OffThreadIndex.prepare(file) });
    try {
      assert.equal(other.cache, 'miss');
      assert.deepEqual(await other.ask('vuurwerk'), new KnowledgeBase(fewer).ask('vuurwerk'));
    } finally {
      other.close();
    }
  });

  it('a prepared index worker that no build took ends with close()', async () => {
    const prepared = OffThreadIndex.prepare(path.join(dir, 'missing.json'));
    await prepared.close();
    assert.equal(prepared.take(), undefined);
  });
});
