import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDir } from '../ingest/helpers';

const root = path.join(__dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bot', 'cli', 'pending.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run pending (bot/cli/pending.ts)', function () {
  this.timeout(30_000);

  it('--json prints one object with the items; a bad file is named on stderr and the others still load', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pending-cli-'));
    try {
      const seed = readdirSync(seedDir).sort()[0];
      copyFileSync(path.join(seedDir, seed), path.join(dir, seed));
      writeFileSync(path.join(dir, 'kapot.txt'), 'Een bestand zonder datum in de titel.\n');
      const r = run('--json', '--data', dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /kapot\.txt/);
      const { items } = JSON.parse(r.stdout);
      assert.ok(items.length > 0);
      for (const item of items) {
        assert.deepEqual(Object.keys(item).filter((k) => ['date', 'section', 'text', 'owner', 'due', 'status'].includes(k)).sort(), ['date', 'due', 'owner', 'section', 'status', 'text']);
        assert.match(item.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(item.due === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(item.due));
        assert.ok(['open', 'discussed', 'done'].includes(item.status));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without --json lists the items grouped by due date; a missing folder is a clear error', () => {
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^== mei 2017 ==$/m);
    assert.match(r.stdout, /^== zonder datum ==$/m);
    const missing = run('--data', path.join(tmpdir(), 'no-such-folder-for-pending'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read the reports folder .*no-such-folder-for-pending/);
  });
});
