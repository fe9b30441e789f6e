import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBase } from '../bot/answer/knowledgeBase';
import { corpusFingerprint, indexCacheFile } from '../bot/search/indexCache';
import { devQuestions } from '../bench/questions';
import { seedDir } from './ingest/helpers';

const QUESTIONS = [...devQuestions(), 'vuurwerk', 'What was agreed about tasers?', 'jaarwisseling in het laatste LOVP', "BOA's wapenstok", ''];

describe('index cache', () => {
  let dir: string;
  let corpus: string;
  let cacheFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lovp-cache-test-'));
    corpus = path.join(dir, 'data');
    cacheFile = path.join(dir, 'state', 'index-cache.json');
    await cp(seedDir, corpus, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips: a knowledge base loaded from the cache answers exactly like a freshly built one', async () => {
    const built = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    assert.equal(built.cache, 'miss');
    assert.equal(built.cacheError, undefined);
    const loaded = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    assert.equal(loaded.cache, 'hit');
    const fresh = await KnowledgeBase.fromDirectory(corpus);
    assert.equal(fresh.cache, 'off');
    assert.deepEqual(loaded.kb.meetings, fresh.kb.meetings);
    for (const q of QUESTIONS) assert.deepEqual(loaded.kb.ask(q), fresh.kb.ask(q), q);
    assert.ok(loaded.kb.ask('vuurwerk').answers.length > 0);
  });

  it('is rebuilt when a report changes, is added, or is removed', async () => {
    await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    const report = path.join(corpus, '002_c50e25f651aa8d47.txt');
    await appendFile(report, '\n### **Elfstedentocht**\n\nAfgesproken is dat de politie de Elfstedentocht begeleidt.\n');
    const changed = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    assert.equal(changed.cache, 'miss');
    assert.equal(changed.kb.ask('Wat is er afgesproken over de Elfstedentocht?').answers[0]?.section, 'Elfstedentocht');
    assert.equal((await KnowledgeBase.fromDirectory(corpus, { cacheFile })).cache, 'hit');

    await writeFile(path.join(corpus, 'new.txt'), 'Bestuurlijke terugkoppeling LOVP 1 maart 2021\n\nRondvraag\n\nGeen punten.\n');
    const added = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    assert.equal(added.cache, 'miss');
    assert.equal(added.kb.meetings.length, 6);

    await rm(path.join(corpus, 'new.txt'));
    const removed = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    assert.equal(removed.cache, 'miss');
    assert.equal(removed.kb.meetings.length, 5);
  });

  it('fingerprints contents, not only names and sizes', async () => {
    const before = await corpusFingerprint(corpus);
    const report = path.join(corpus, '000_ef852aa59fc00c2a.txt');
    const text = await readFile(report, 'utf8');
    await writeFile(report, text.replace('Aanslag Utrecht', 'Aanslag Utrechx')); // same size
    assert.notEqual(await corpusFingerprint(corpus), before);
  });

  it('keeps skipped reports in the cache, so their errors are reported on every start', async () => {
    await writeFile(path.join(corpus, 'broken.txt'), 'no date in this title\n\nsome text');
    const built = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    const loaded = await KnowledgeBase.fromDirectory(corpus, { cacheFile });
    assert.equal(loaded.cache, 'hit');
    assert.deepEqual(loaded.errors.map((e) => e.message), built.errors.map((e) => e.message));
    assert.match(loaded.errors[0].message, /^broken\.txt: /);
  });

  it('rebuilds over a corrupt or foreign cache file, and still answers when the cache cannot be written', async () => {
    await writeFile(path.join(dir, 'corrupt.json'), '{"version": 1, "fingerprint": ');
    const corrupt = await KnowledgeBase.fromDirectory(corpus, { cacheFile: path.join(dir, 'corrupt.json') });
    assert.equal(corrupt.cache, 'miss');
    assert.equal((await KnowledgeBase.fromDirectory(corpus, { cacheFile: path.join(dir, 'corrupt.json') })).cache, 'hit');

    await writeFile(path.join(dir, 'a-file'), '');
    const unwritable = await KnowledgeBase.fromDirectory(corpus, { cacheFile: path.join(dir, 'a-file', 'index-cache.json') });
    assert.equal(unwritable.cache, 'miss');
    assert.ok(unwritable.cacheError);
    assert.ok(unwritable.kb.ask('vuurwerk').answers.length > 0);
  });

  it('is found through INDEX_CACHE_FILE or CACHE_DIR, else under state/', () => {
    assert.equal(indexCacheFile({ INDEX_CACHE_FILE: '/x/cache.json' }, '/p'), '/x/cache.json');
    assert.equal(indexCacheFile({ CACHE_DIR: 'tmp' }, '/p'), '/p/tmp/index-cache.json');
    assert.equal(indexCacheFile({}, '/p'), '/p/state/index-cache.json');
  });
});
