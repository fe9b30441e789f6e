// FileStorage: the shared Storage contract, plus what only a local store must prove: atomic multi-key writes,
// surviving kill -9 in the middle of a write, and two processes sharing one folder without lost updates.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStorage } from '../../bot/state/fileStorage';
import { compiledFile } from '../helpers/compiledBuild';
import { storageContract } from './storageContract';

// Compiled (test/helpers/compiledBuild.ts): the kill -9 test starts up to 40 of them.
const worker = compiledFile('test/state/storageWorker.ts');
const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lovp-state-'));
  tempDirs.push(dir);
  return dir;
}
after(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runWorker(args: string[]): { lines: string[]; done: Promise<number | null>; kill(): void; pid: number } {
  const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let errors = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk) => (errors += chunk));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code) console.error(errors);
    resolve(code);
  }));
  return { lines, done, kill: () => child.kill('SIGKILL'), pid: child.pid! };
}

const waitFor = async (check: () => boolean, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

storageContract('FileStorage', async () => {
  const dir = tempDir();
  return { open: () => new FileStorage(dir) };
});

describe('FileStorage on disk', function () {
  this.timeout(60_000);

  it('writes all keys of one write or none of them', async () => {
    const store = new FileStorage(tempDir());
    await store.write({ a: { v: 1 }, b: { v: 1 } });
    const { a } = await store.read(['a']);
    await store.write({ a: { ...a, v: 2 } });
    await assert.rejects(store.write({ b: { v: 99 }, a: { ...a, v: 3 } }), /eTag conflict/);
    const after = await store.read(['a', 'b']);
    assert.equal(after.a.v, 2);
    assert.equal(after.b.v, 1);
  });

  it('keeps only a few old versions (once published a while ago) and no temp files', async () => {
    const dir = tempDir();
    const store = new FileStorage(dir);
    await store.write({ item: { i: -1 } });
    assert.equal(readdirSync(dir).length, 1);
    store.oldVersionMinAgeMs = 0;
    for (let i = 0; i < 40; i++) await store.write({ item: { i } });
    const files = readdirSync(dir);
    assert.ok(files.length <= 6, files.join(', '));
    assert.ok(files.every((f) => /^state-\d{12}\.json$/.test(f)), files.join(', '));
    assert.equal((await new FileStorage(dir).read(['item'])).item.i, 39);
  });

  it('ignores a damaged newest file and a half-written temp file, and keeps working', async () => {
    const dir = tempDir();
    const store = new FileStorage(dir);
    await store.write({ item: { v: 1 } });
    writeFileSync(path.join(dir, 'state-000000000002.json'), '{"format":"lovp-file-st');
    writeFileSync(path.join(dir, '.tmp-999999-abcdef.json'), '{"half');
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const fresh = new FileStorage(dir);
      assert.equal((await fresh.read(['item'])).item.v, 1);
      await fresh.write({ item: { v: 2 } });
      assert.equal((await new FileStorage(dir).read(['item'])).item.v, 2);
    } finally {
      console.warn = warn;
    }
    assert.ok(!readdirSync(dir).some((f) => f.startsWith('.tmp-')), 'the dead process its temp file is cleaned up');
  });

  it('refuses items that are not objects', async () => {
    const store = new FileStorage(tempDir());
    await assert.rejects(store.write({ bad: 'text' as never }), /must be an object/);
    await assert.rejects(store.write({ cyclic: (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })() }), /cannot be stored as JSON/);
  });

  it('survives kill -9 in the middle of writes: the state parses and is the last or next write', async () => {
    const dir = tempDir();
    let acknowledged = 0;
    let killedMidWrite = 0;
    // Kill until three kills have landed mid-write (a temp file of the killed process is left), at most 40 times.
    let round = 0;
    for (; round < 40 && killedMidWrite < 3; round++) {
      const child = runWorker(['loop', dir]);
      const wanted = 2 + (round % 4);
      await waitFor(() => child.lines.length >= wanted);
      await new Promise((r) => setTimeout(r, round * 3));
      child.kill();
      await child.done;
      acknowledged = Math.max(acknowledged, ...child.lines.map(Number));
      if (readdirSync(dir).some((f) => f.startsWith(`.tmp-${child.pid}-`))) killedMidWrite++;
      const { a, b } = await new FileStorage(dir).read(['a', 'b']);
      assert.equal(a.n, b.n, 'both keys of one write are from the same write');
      assert.ok(a.n === acknowledged || a.n === acknowledged + 1, `state ${a.n} after acknowledged ${acknowledged}`);
      assert.equal(a.pad.length, 512 * 1024);
      acknowledged = a.n;
    }
    // Kills must have hit writes in progress, or this test proved nothing.
    assert.equal(killedMidWrite, 3, `only ${killedMidWrite} of ${round} kills landed mid-write`);
    const store = new FileStorage(dir);
    await store.write({ a: { n: -1 } });
    assert.ok(!readdirSync(dir).some((f) => f.startsWith('.tmp-')), 'temp files of killed writers are removed');
  });

  it('loses no update when two processes increment the same record', async () => {
    const dir = tempDir();
    await new FileStorage(dir).write({ counter: { count: 0, by: [] } });
    const perProcess = 60;
    const workers = [runWorker(['increment', dir, 'p1', String(perProcess)]), runWorker(['increment', dir, 'p2', String(perProcess)])];
    assert.deepEqual(await Promise.all(workers.map((w) => w.done)), [0, 0]);
    const { counter } = await new FileStorage(dir).read(['counter']);
    assert.equal(counter.count, 2 * perProcess);
    assert.equal(counter.by.filter((w: string) => w === 'p1').length, perProcess);
    assert.equal(counter.by.filter((w: string) => w === 'p2').length, perProcess);
  });

  it('lets two processes claim each reminder exactly once', async () => {
    const dir = tempDir();
    const count = 40;
    const items: Record<string, { sentBy: null }> = {};
    for (let k = 0; k < count; k++) items[`reminder/${k}`] = { sentBy: null };
    await new FileStorage(dir).write(items);
    const workers = [runWorker(['claim', dir, 'p1', String(count)]), runWorker(['claim', dir, 'p2', String(count)])];
    assert.deepEqual(await Promise.all(workers.map((w) => w.done)), [0, 0]);
    const claims = workers.map((w) => w.lines.filter((l) => l.startsWith('claimed ')).map((l) => Number(l.slice(8))));
    assert.equal(claims[0].length + claims[1].length, count, 'every reminder claimed once in total');
    assert.deepEqual([...new Set([...claims[0], ...claims[1]])].sort((x, y) => x - y), [...Array(count).keys()]);
    const stored = await new FileStorage(dir).read(Object.keys(items));
    claims.forEach((won, i) => won.forEach((k) => assert.equal(stored[`reminder/${k}`].sentBy, `p${i + 1}`)));
  });
});
