// The state store tells the truth about faults: a full disk (a small tmpfs, or an injected capacity where this
// process may not mount) fails the write, leaves no temp file and works again once space is freed; a damaged
// or stray state file is set aside; a read-only or damaged STATE_DIR stops the start; /healthz says 503.
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileStorage } from '../../bot/state/fileStorage';
import { startChildBot } from '../helpers/childBot';
import { startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { personal } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';
import { readOnlyDir, smallDisk, type SmallDisk } from './smallDisk';

const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.tmp-'));
const versionFiles = (dir: string) => readdirSync(dir).filter((n) => /^state-\d+\.json$/.test(n));
const big = (i: number) => ({ i, payload: 'x'.repeat(30_000) });

describe('state store faults', function () {
  this.timeout(60_000);
  let disk: SmallDisk | undefined;
  afterEach(() => {
    disk?.remove();
    disk = undefined;
  });
  after(removeTempDirs);

  it('a full disk: each failed write rejects with the cause and leaves no temp file; freed space works again, also after a restart', async () => {
    disk = await smallDisk(512 * 1024);
    const store = new FileStorage(disk.dir, { files: disk.files });
    await store.write({ item: big(0) });
    await disk.fill(4096);
    for (let i = 1; i <= 3; i++) {
      await assert.rejects(store.write({ item: big(i) }), /ENOSPC|no space/, `write ${i} (${disk.kind})`);
      assert.deepEqual(tempFiles(disk.dir), [], 'temp files left behind');
    }
    assert.equal((await store.read(['item'])).item.i, 0, 'the last good state stays');
    await disk.free();
    await store.write({ item: big(4) });
    assert.equal((await new FileStorage(disk.dir, { files: disk.files }).read(['item'])).item.i, 4);
  });

  it('cleans up before writing, so a disk full of old versions takes the next one', async () => {
    disk = await smallDisk(512 * 1024);
    const store = new FileStorage(disk.dir, { files: disk.files });
    store.oldVersionMinAgeMs = 60 * 60_000; // nothing is old enough yet
    let written = 0;
    for (; written < 100; written++) {
      try {
        await store.write({ item: big(written) });
      } catch (err) {
        assert.match(String(err), /ENOSPC|no space/);
        break;
      }
    }
    assert.ok(written > 5 && written < 100, `${written} versions fit`);
    store.oldVersionMinAgeMs = 0; // now they are
    await store.write({ item: big(1000) });
    assert.equal((await new FileStorage(disk.dir).read(['item'])).item.i, 1000);
    assert.ok(versionFiles(disk.dir).length <= 6, versionFiles(disk.dir).join(', '));
  });

  it('sets a stray state-999999999999.json aside, and the next write goes through at once', async () => {
    for (const stray of ['not json at all', JSON.stringify({ format: 'lovp-file-storage/1', version: 3, writtenAt: '', items: {} })]) {
      const dir = tempDir('lovp-state-');
      const store = new FileStorage(dir);
      await store.write({ item: { v: 1 } });
      writeFileSync(path.join(dir, 'state-999999999999.json'), stray);
      const started = Date.now();
      await store.write({ item: { v: 2 }, other: { v: 1 } });
      assert.ok(Date.now() - started < 2000, `the write took ${Date.now() - started} ms`);
      assert.deepEqual((await new FileStorage(dir).read(['item', 'other'])), { item: { v: 2, eTag: (await store.read(['item'])).item.eTag }, other: { v: 1, eTag: (await store.read(['other'])).other.eTag } });
      assert.ok(readdirSync(dir).includes('damaged-state-999999999999.json'));
    }
  });

  it('goes on past version 999999999999', async () => {
    const dir = tempDir('lovp-state-');
    writeFileSync(path.join(dir, 'state-999999999999.json'), JSON.stringify({ format: 'lovp-file-storage/1', version: 999999999999, writtenAt: '', items: { item: { v: 1, eTag: 'x' } } }));
    const store = new FileStorage(dir);
    await store.write({ item: { v: 2 } });
    assert.ok(readdirSync(dir).includes('state-1000000000000.json'));
    assert.equal((await new FileStorage(dir).read(['item'])).item.v, 2);
  });

  it('refuses a state file whose items are null or not objects: the previous version is used, none readable is an error', async () => {
    for (const items of [null, [], { a: null }, { a: 'text' }]) {
      const dir = tempDir('lovp-state-');
      const store = new FileStorage(dir);
      await store.write({ a: { v: 1 } });
      writeFileSync(path.join(dir, 'state-000000000002.json'), JSON.stringify({ format: 'lovp-file-storage/1', version: 2, writtenAt: '', items }));
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        assert.equal((await new FileStorage(dir).read(['a'])).a.v, 1, JSON.stringify(items));
        const only = tempDir('lovp-state-');
        writeFileSync(path.join(only, 'state-000000000001.json'), JSON.stringify({ format: 'lovp-file-storage/1', version: 1, writtenAt: '', items }));
        await assert.rejects(new FileStorage(only).read(['a']), /no readable state file/);
        await assert.rejects(new FileStorage(only).checkWritable(), /no readable state file/);
      } finally {
        console.warn = warn;
      }
    }
  });

  it('does not start on a read-only STATE_DIR or a damaged state, and says why', async function () {
    const readOnly = readOnlyDir();
    try {
      if (readOnly) {
        const bot = await startChildBot({ DATA_DIR: copyOfSeeds(), STATE_DIR: readOnly.dir }).catch((err: Error) => err);
        assert.ok(bot instanceof Error, 'the bot started on a read-only STATE_DIR');
        assert.match(bot.message, /exited with 1[\s\S]*failed to start: the state folder .* \(STATE_DIR\) cannot be written: E(ROFS|ACCES)/);
      }
      const damaged = tempDir('lovp-state-');
      writeFileSync(path.join(damaged, 'state-000000000001.json'), JSON.stringify({ format: 'lovp-file-storage/1', version: 1, writtenAt: '', items: null }));
      const bot = await startChildBot({ DATA_DIR: copyOfSeeds(), STATE_DIR: damaged }).catch((err: Error) => err);
      assert.ok(bot instanceof Error, 'the bot started on a damaged state');
      assert.match(bot.message, /exited with 1[\s\S]*failed to start: FileStorage: no readable state file/);
    } finally {
      readOnly?.remove();
    }
    if (!readOnly) this.skip(); // root without mount: no way to make a read-only folder here
  });

  it('/healthz says 503 with the cause while the store fails, and 200 again once it works', async () => {
    disk = await smallDisk(512 * 1024);
    let running: RunningComposedBot | undefined;
    try {
      const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
      running = await startComposedBot({ dataDir: copyOfSeeds(), stateDir: disk.dir, storage: new FileStorage(disk.dir, { files: disk.files }), logger: silent });
      const health = async () => {
        const res = await fetch(`${running!.url}/healthz`);
        return { status: res.status, body: await res.json() };
      };
      const first = await health();
      assert.equal(first.status, 200, JSON.stringify(first.body));
      await disk.fill(1024);
      const reply = await running.ask(personal('abonneer', { conversation: { id: 'a:other-chat', conversationType: 'personal' } as any }));
      assert.match(reply.find((a) => a.type === 'message')!.text!, /^Sorry, er ging iets mis/);
      const failing = await health();
      assert.equal(failing.status, 503);
      assert.equal(failing.body.storage.ok, false);
      assert.match(failing.body.storage.error, /ENOSPC|no space/);
      await disk.free();
      const again = await running.ask(personal('abonneer', { conversation: { id: 'a:other-chat', conversationType: 'personal' } as any }));
      assert.match(again.find((a) => a.type === 'message')!.text!, /^Geabonneerd/);
      assert.equal((await health()).status, 200);
    } finally {
      await running?.stop();
    }
  });
});
