// The report library in an Azure Blob storage container (Azurite, started by this test): listing with eTags,
// reading, whole-or-nothing writes that never overwrite, "newest written wins" when a report replaces another
// within the same second (Last-Modified has whole seconds), oversized blobs refused before they are read, the
// store the settings pick, the container seeded from DATA_DIR once, and `npm run ingest` writing there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { loadConfig } from '../../bot/config';
import { BlobReportStore, REPORTS_PREFIX } from '../../bot/ingest/blobReportStore';
import { createReportStore, openReportStore } from '../../bot/ingest/createReportStore';
import { IngestError } from '../../bot/ingest/ingestError';
import { parseReportFile, ReportLibrary, type ParseFile } from '../../bot/ingest/reportLibrary';
import { FolderReportStore, NameTaken } from '../../bot/ingest/reportStore';
import { startAzurite, type Azurite } from '../state/azurite';
import { copyOfSeeds, projectDir, removeTempDirs, reportDatedAs, seedDir, tempDir } from './helpers';

const MB = 1024 * 1024;
const quiet = { log: () => undefined, warn: () => undefined };

describe('BlobReportStore (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
    removeTempDirs();
  });

  const newContainer = () => new ContainerClient(azurite.connectionString, `reports-${randomBytes(6).toString('hex')}`);
  const storeOn = (container: ContainerClient, maxBytes = MB) => new BlobReportStore(container, { maxBytes });
  /** Counts the files a library parses (and so read from the store). */
  const countingParse = () => {
    const names: string[] = [];
    const parse: ParseFile = (name, content) => (names.push(name), parseReportFile(name, content));
    return { names, parse };
  };

  it('lists, reads, writes and tells what exists, under reports/ only, creating the container on first use', async () => {
    const container = newContainer();
    const store = storeOn(container);
    assert.deepEqual(await store.list(), []);
    assert.equal(await store.exists('a.txt'), false);
    const written = await store.write('a.txt', Buffer.from('eerste'));
    assert.equal(await store.exists('a.txt'), true);
    assert.deepEqual(await store.read('a.txt'), Buffer.from('eerste'));
    // Others in the same container: the state (BlobsStorage's encoded keys), sub-folders, dot-files, other types.
    for (const name of ['announcements%2Fledger', `${REPORTS_PREFIX}sub/b.txt`, `${REPORTS_PREFIX}.c.txt.tmp`, `${REPORTS_PREFIX}.d.txt`, `${REPORTS_PREFIX}e.xlsx`]) {
      await container.getBlockBlobClient(name).upload('x', 1);
    }
    await container.getBlockBlobClient(`${REPORTS_PREFIX}b.md`).upload('tweede', 6);
    const listed = await store.list();
    assert.deepEqual(listed.map((r) => r.name), ['a.txt', 'b.md']);
    assert.deepEqual(listed[0], written, 'version (eTag) and write time as the write said');
    assert.match(written.version, /^0x[0-9A-F]+$/, 'the eTag, as the listing gives it');
    assert.ok(Math.abs(written.writtenAt - Date.now()) < 60_000);

    // A name is written once: a second writer (another instance) hears NameTaken and the first content stays.
    await assert.rejects(store.write('a.txt', Buffer.from('ander')), NameTaken);
    assert.deepEqual(await store.read('a.txt'), Buffer.from('eerste'));
    // A blob replaced by other tools: a new eTag, so the library reads it again.
    await container.getBlockBlobClient(`${REPORTS_PREFIX}a.txt`).upload('nieuw', 5);
    assert.notEqual((await store.list())[0].version, written.version);
  });

  it('lists every report when they fill several listing pages', async () => {
    const container = newContainer();
    const store = storeOn(container);
    await store.list();
    const names = Array.from({ length: 250 }, (_, i) => `r${String(i).padStart(3, '0')}.txt`);
    for (let i = 0; i < names.length; i += 50) await Promise.all(names.slice(i, i + 50).map((n) => store.write(n, Buffer.from(n))));
    assert.deepEqual((await store.list()).map((r) => r.name), names);
  });

  it('reads only blobs whose eTag changed, and another instance sees what one wrote', async () => {
    const container = newContainer();
    const first = countingParse();
    const one = new ReportLibrary(storeOn(container), { parse: first.parse });
    await one.scan();
    const added = await one.ingestBuffer('LOVP 24 juni 2021.txt', Buffer.from(reportDatedAs('24 juni 2021')));
    assert.equal(added.kind, 'added');
    await one.scan();
    assert.deepEqual(first.names, ['LOVP 24 juni 2021.txt'], 'parsed once when taken in, not again from the listing');

    const second = countingParse();
    const other = new ReportLibrary(storeOn(container), { parse: second.parse });
    await other.scan();
    assert.deepEqual(other.meetings.map((m) => m.date), ['2021-06-24']);
    await other.scan();
    await other.scan();
    assert.deepEqual(second.names, ['LOVP 24 juni 2021.txt'], 'unchanged blobs are not read again');
  });

  it('a report that replaces another within the same second wins, for the writer and for every other instance', async () => {
    // Names chosen so that the replacement sorts first: a tie in write time would hand the date to the old one.
    let same = false;
    for (let attempt = 0; attempt < 5 && !same; attempt++) {
      const container = newContainer();
      const writer = new ReportLibrary(storeOn(container));
      await writer.scan();
      const old = reportDatedAs('3 juni 2021');
      assert.equal((await writer.ingestBuffer('z-verslag.txt', Buffer.from(old))).kind, 'added');
      const corrected = old.replace('Er wordt kort gesproken over de gebeurtenis.', 'Er wordt uitvoerig gesproken over de aanslag.');
      assert.equal((await writer.ingestBuffer('a-correctie.txt', Buffer.from(corrected))).kind, 'replaced');
      assert.equal(writer.entryFor('2021-06-03')?.file, 'a-correctie.txt');

      const fresh = new ReportLibrary(storeOn(container));
      await fresh.scan();
      assert.equal(fresh.entryFor('2021-06-03')?.file, 'a-correctie.txt', 'another instance agrees');
      assert.match(fresh.entryFor('2021-06-03')!.meeting.sections[0].text, /uitvoerig/);
      // The case this pins: both blobs carry the same Last-Modified second. Written again when they straddled one.
      const seconds = new Set<number>();
      for await (const blob of container.listBlobsFlat({ prefix: REPORTS_PREFIX })) seconds.add(blob.properties.lastModified.getTime());
      same = seconds.size === 1;
    }
    assert.ok(same, 'the two writes never fell within one second');
  });

  it('refuses a blob over the limit without reading it, and takes no upload it could not read back', async () => {
    const container = newContainer();
    const store = storeOn(container, MB);
    await store.list();
    await container.getBlockBlobClient(`${REPORTS_PREFIX}groot.txt`).upload(Buffer.alloc(3 * MB, 'a'), 3 * MB);
    await assert.rejects(store.read('groot.txt'), (err: unknown) => err instanceof IngestError && err.code === 'too-large' && err.sizeBytes === 3 * MB);
    const library = new ReportLibrary(store);
    const outcomes = await library.scan();
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0].kind, 'rejected');
    assert.match(outcomes[0].error!.text('nl'), /^groot\.txt is te groot \(3,0 MB\); de grens is 1,0 MB\.$/);

    const big = Buffer.from(reportDatedAs('1 juli 2021') + ' opvulling'.repeat(120_000));
    const refused = await library.ingestBuffer('LOVP 1 juli 2021.txt', big);
    assert.equal(refused.kind, 'rejected');
    assert.equal(refused.error!.code, 'too-large');
    assert.equal(await store.exists('LOVP 1 juli 2021.txt'), false);
  });

  it('is what the settings pick with the Azure settings, the folder DATA_DIR without', () => {
    const dataDir = tempDir('lovp-data-');
    const folder = createReportStore(loadConfig({ DATA_DIR: dataDir }));
    assert.equal(folder.kind, 'folder');
    assert.equal((folder.store as FolderReportStore).dir, dataDir);
    const azure = createReportStore(loadConfig({ DATA_DIR: dataDir, MAX_UPLOAD_BYTES: '4096', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'lovp-bot' }));
    assert.equal(azure.kind, 'azure-blobs');
    assert.ok(azure.store instanceof BlobReportStore);
    assert.equal(azure.store.maxBytes, 4096, 'reads back no more than MAX_UPLOAD_BYTES');
    assert.doesNotMatch(azure.store.description, /AccountKey|Eby8/);
  });

  it('fills a container without reports from DATA_DIR once, and leaves one with reports alone', async () => {
    const containerName = `seed-${randomBytes(6).toString('hex')}`;
    const dataDir = copyOfSeeds();
    const env = { DATA_DIR: dataDir, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: containerName };
    const logged: string[] = [];
    const { store } = await openReportStore(loadConfig(env), { log: (m) => logged.push(m), warn: (m) => logged.push(m) });
    assert.equal((await store.list()).length, 5);
    assert.match(logged.join('\n'), /had no reports: copied 5 from/);
    const fromBlobs = new ReportLibrary(store);
    await fromBlobs.scan();
    const fromFolder = new ReportLibrary(seedDir);
    await fromFolder.scan();
    assert.deepEqual(fromBlobs.entries().map((e) => e.hash), fromFolder.entries().map((e) => e.hash), 'the same meetings as the folder');

    // A report added to the folder later is not copied: the container is the library now.
    writeFileSync(path.join(dataDir, 'LOVP 24 juni 2021.txt'), reportDatedAs('24 juni 2021'));
    logged.length = 0;
    await openReportStore(loadConfig(env), { log: (m) => logged.push(m), warn: (m) => logged.push(m) });
    assert.equal((await store.list()).length, 5);
    assert.deepEqual(logged, []);

    // Two instances seeding a new container at the same time: each file once.
    const both = { ...env, AZURE_STORAGE_CONTAINER: `seed-${randomBytes(6).toString('hex')}` };
    const [a, b] = await Promise.all([openReportStore(loadConfig(both), quiet), openReportStore(loadConfig(both), quiet)]);
    assert.deepEqual((await a.store.list()).map((r) => r.name), (await b.store.list()).map((r) => r.name));
    assert.equal((await a.store.list()).length, 6);
  });

  it('`npm run ingest` writes to the container', async () => {
    const containerName = `ingest-${randomBytes(6).toString('hex')}`;
    const file = path.join(tempDir(), 'LOVP 9 september 2021.txt');
    writeFileSync(file, reportDatedAs('9 september 2021'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectDir, 'bot/cli/ingest.ts'), file], {
      cwd: projectDir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: '/dev/null', DATA_DIR: tempDir('lovp-empty-data-'),
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: containerName },
    });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^Added: LOVP 9 September 2021 \(\d+ sections, LOVP 9 september 2021\.txt\)\.$/m);
    assert.match(run.stdout, new RegExp(`1 meetings in Azure Blob storage \\(devstoreaccount1/${containerName}/reports/\\)`));
    const store = storeOn(new ContainerClient(azurite.connectionString, containerName));
    assert.deepEqual((await store.list()).map((r) => r.name), ['LOVP 9 september 2021.txt']);
  });
});
