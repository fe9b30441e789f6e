// Answer quality of this bot next to plain lunr and MiniSearch, per question set and language, scored in one run
// by the shared scorer. Usage: npm run bench:quality [-- --holdout]
// The holdout sets (test/eval/questions-holdout.jsonl, test/fixtures/unseen/questions-holdout.jsonl) are only
// scored with --holdout: they are reported, never tuned on.
import { BOT_COMMAND, scoreSets, SETS, type Row } from './evalSets';

const engines = [
  ['plain lunr (baseline)', 'npx tsx bench/baselines/plainLunr.ts'],
  ['MiniSearch', 'npx tsx bench/baselines/miniSearch.ts'],
  ['LOVP bot', BOT_COMMAND],
] as const;

const withHoldout = process.argv.includes('--holdout');
const sets = SETS.filter((s) => !s.session && (!s.holdout || withHoldout));
const results = engines.map(([name, cmd]) => ({ name, rows: scoreSets(cmd, sets) }));
const base = results[0].rows;
const cell = (v: number, b: number | undefined) => `${v.toFixed(3)}${b ? ` (${(v / b).toFixed(2)}x)` : ''}`;
console.log('| set | language | engine | hit@1 | recall@5 | quote@3 | abstain |');
console.log('|---|---|---|---|---|---|---|');
base.forEach((b, i) => {
  for (const { name, rows } of results) {
    const r: Row = rows[i];
    console.log(`| ${r.set} (${r.answerable} + ${r.unanswerable}) | ${r.language} | ${name} | ${cell(r.hit1, b.hit1)} | ${cell(r.recall5, b.recall5)} | ${cell(r.quote3, b.quote3)} | ${cell(r.abstain, b.abstain)} |`);
  }
});
