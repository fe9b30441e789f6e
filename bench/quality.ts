// Answer quality of this bot next to plain lunr and MiniSearch, scored in one run by the shared scorers.
// Usage: npm run bench:quality [-- --questions FILE --data DIR]; the data default is the seed reports (test/fixtures/seeds).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SEED_DIR } from './paths';

const root = path.join(__dirname, '..');
const scorer = path.join(root, '..', 'shared', 'eval', 'score.mjs');
const passThrough = process.argv.slice(2);
if (!passThrough.includes('--data')) passThrough.push('--data', SEED_DIR);
const engines = [
  ['plain lunr (baseline)', 'npx tsx bench/baselines/plainLunr.ts'],
  ['MiniSearch', 'npx tsx bench/baselines/miniSearch.ts'],
  ['LOVP bot', 'npm run -s ask -- --json'],
] as const;

type Figures = Record<'hit1' | 'recall5' | 'quote3' | 'abstain', number>;

function score(cmd: string): Figures {
  const run = spawnSync('node', [scorer, '--cmd', cmd, ...passThrough], { cwd: root, encoding: 'utf8' });
  const m = /hit@1 ([\d.]+) recall@5 ([\d.]+) quote@3 ([\d.]+) abstain ([\d.]+)/.exec(run.stdout);
  if (!m) throw new Error(`scorer failed for ${cmd}:\n${run.stdout}${run.stderr}`);
  return { hit1: +m[1], recall5: +m[2], quote3: +m[3], abstain: +m[4] };
}

const results = engines.map(([name, cmd]) => ({ name, fig: score(cmd) }));
const base = results[0].fig;
const cell = (v: number, b: number) => `${v.toFixed(3)}${b > 0 ? ` (${(v / b).toFixed(2)}x)` : ''}`;
console.log('| engine | hit@1 | recall@5 | quote@3 | abstain |');
console.log('|---|---|---|---|---|');
for (const { name, fig } of results) {
  console.log(`| ${name} | ${cell(fig.hit1, base.hit1)} | ${cell(fig.recall5, base.recall5)} | ${cell(fig.quote3, base.quote3)} | ${cell(fig.abstain, base.abstain)} |`);
}
