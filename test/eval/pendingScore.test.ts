// The dev gold for pending items, scored by the shared scorer exactly as the team runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { seedDir } from '../ingest/helpers';

const root = path.join(__dirname, '..', '..');
const scorer = path.join(root, '..', 'shared', 'eval', 'score-pending.mjs');

describe('pending items on the dev gold (../shared/eval/score-pending.mjs)', function () {
  this.timeout(60_000);

  it('reaches recall >= 0.9 and due >= 0.9', () => {
    assert.ok(existsSync(scorer), `the scorer is missing: ${scorer} (CI checks out ../shared next to the project)`);
    const run = spawnSync(process.execPath, [scorer, '--min-recall', '0.9', '--min-due', '0.9', '--verbose', '--data', seedDir], { cwd: root, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(run.stdout, /^ok: pending recall /m, output);
  });
});
