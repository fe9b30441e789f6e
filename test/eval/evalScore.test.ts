// The shared dev question set must keep its quality bar: the same scorer the hidden set uses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { seedDir } from '../ingest/helpers';

const root = path.join(__dirname, '..', '..');
const evalDir = path.join(root, '..', 'shared', 'eval');

describe('dev question set (../shared/eval)', function () {
  this.timeout(120_000);

  it('answers: hit@1 >= 0.95, recall@5 >= 0.95, quote@3 >= 0.90, abstain = 1.0', () => {
    assert.ok(existsSync(evalDir), `missing ${evalDir}`);
    const run = spawnSync('node', [path.join(evalDir, 'score.mjs'), '--verbose', '--min-hit1', '0.95', '--min-recall5', '0.95',
      '--min-quote3', '0.90', '--min-abstain', '1.0', '--data', seedDir], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ok: hit@1/m);
  });
});
