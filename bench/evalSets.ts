// Answer quality on every question set, Dutch and English apart, scored by the shared scorer (the contract the
// hidden sets use). Usage: npm run -s eval [-- --holdout] [--sets a,b] [--verbose] [--cmd "..."]
// Sets: dev (../shared/eval, over data/), tune and holdout (test/eval, written over data/ by people who had not
// read the code), followups-* (pairs asked in one session), unseen-tune and unseen-holdout (test/fixtures/unseen:
// nine reports written for testing, asked over data/ plus those nine), unseen2 (six more, over data/ plus those six).
// The holdout sets are left out unless
// --holdout is given: they are for reporting, not for tuning.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEED_DIR } from './paths';

const root = path.join(__dirname, '..');
const scorer = path.join(root, '..', 'shared', 'eval', 'score.mjs');
const unseen = path.join(root, 'test', 'fixtures', 'unseen');
/** The seed reports, not the working data/ folder that ingest changes (the same five files on a fresh clone). */
const dataDir = SEED_DIR;

export interface QuestionSet {
  name: string;
  file: string;
  data: () => string;
  holdout?: boolean;
  /** Follow-up pairs: asked in order in one session, so the second of a pair leans on the first. */
  session?: boolean;
}

export interface Row {
  set: string;
  language: string;
  answerable: number;
  unanswerable: number;
  hit1: number;
  recall5: number;
  quote3: number;
  abstain: number;
  failures: string[];
}

const folders = new Map<string, string>();
/** data/ plus the test reports of `dir` (r1.txt, s1.txt, ...), in a temporary folder. */
function dataWith(dir: string): () => string {
  return () => {
    let folder = folders.get(dir);
    if (folder) return folder;
    folder = mkdtempSync(path.join(tmpdir(), 'lovp-eval-'));
    for (const f of readdirSync(dataDir)) copyFileSync(path.join(dataDir, f), path.join(folder, f));
    for (const f of readdirSync(dir).filter((n) => /^[a-z]\d+\.txt$/.test(n))) copyFileSync(path.join(dir, f), path.join(folder, `test-${f}`));
    folders.set(dir, folder);
    return folder;
  };
}
const dataWithUnseen = dataWith(unseen);

export const SETS: QuestionSet[] = [
  { name: 'dev', file: path.join(root, '..', 'shared', 'eval', 'dev-questions.jsonl'), data: () => dataDir },
  { name: 'tune', file: path.join(root, 'test', 'eval', 'questions-tune.jsonl'), data: () => dataDir },
  { name: 'holdout', file: path.join(root, 'test', 'eval', 'questions-holdout.jsonl'), data: () => dataDir, holdout: true },
  { name: 'followups-tune', file: path.join(root, 'test', 'eval', 'followups-tune.jsonl'), data: () => dataDir, session: true },
  { name: 'followups-holdout', file: path.join(root, 'test', 'eval', 'followups-holdout.jsonl'), data: () => dataDir, session: true, holdout: true },
  { name: 'unseen-tune', file: path.join(unseen, 'questions-tune.jsonl'), data: dataWithUnseen },
  { name: 'unseen-holdout', file: path.join(unseen, 'questions-holdout.jsonl'), data: dataWithUnseen, holdout: true },
  // Six more reports and their questions, written after the first holdout was scored once: the last untouched set.
  { name: 'unseen2', file: path.join(root, 'test', 'fixtures', 'unseen2', 'questions.jsonl'), data: dataWith(path.join(root, 'test', 'fixtures', 'unseen2')), holdout: true },
];

const FIGURES = /questions (\d+) answerable \+ (\d+) unanswerable.*\n(?:[\s\S]*\n)?(?:ok|FAIL): hit@1 ([\d.]+) recall@5 ([\d.]+) quote@3 ([\d.]+) abstain ([\d.]+)/;

function score(cmd: string, questions: string, data: string, session: boolean): Omit<Row, 'set' | 'language'> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'lovp-eval-state-'));
  const run = spawnSync('node', [scorer, '--questions', questions, '--data', data, '--cmd', session ? `${cmd} --session eval` : cmd, '--verbose'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, STATE_DIR: stateDir } });
  const m = FIGURES.exec(run.stdout);
  if (!m) throw new Error(`scorer failed:\n${run.stdout}${run.stderr}`);
  const failures = run.stdout.split('\n').filter((x) => x.startsWith('  ')).map((x) => x.trim());
  return { answerable: +m[1], unanswerable: +m[2], hit1: +m[3], recall5: +m[4], quote3: +m[5], abstain: +m[6], failures };
}

/** Scores `cmd` (the scorer's contract: one question per stdin line, one JSON line each) on the sets, per language. */
export function scoreSets(cmd: string, sets: QuestionSet[]): Row[] {
  const work = mkdtempSync(path.join(tmpdir(), 'lovp-eval-q-'));
  const rows: Row[] = [];
  for (const set of sets.filter((s) => existsSync(s.file))) {
    const lines = readFileSync(set.file, 'utf8').split('\n').filter((l) => l.trim());
    const byLanguage = new Map<string, string[]>();
    for (const l of lines) {
      // A follow-up pair stays together: it is one conversation.
      const lang = set.session ? 'all' : String(JSON.parse(l).lang ?? 'all');
      byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), l]);
    }
    for (const [language, subset] of [...byLanguage].sort()) {
      const file = path.join(work, `${set.name}-${language}.jsonl`);
      writeFileSync(file, subset.join('\n') + '\n');
      rows.push({ set: set.name, language, ...score(cmd, file, set.data(), set.session === true) });
    }
  }
  return rows;
}

export const BOT_COMMAND = 'npm run -s ask -- --json';

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = opt('--sets')?.split(',');
  const chosen = SETS.filter((s) => (only ? only.includes(s.name) : !s.holdout || args.includes('--holdout')));
  const rows = scoreSets(opt('--cmd') ?? BOT_COMMAND, chosen);
  console.log('| set | language | questions (answerable + not) | hit@1 | recall@5 | quote@3 | abstain |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.set} | ${r.language} | ${r.answerable} + ${r.unanswerable} | ${r.hit1.toFixed(3)} | ${r.recall5.toFixed(3)} | ${r.quote3.toFixed(3)} | ${r.abstain.toFixed(3)} |`);
    if (args.includes('--verbose')) for (const f of r.failures) console.log(`    ${r.set}/${r.language}: ${f}`);
  }
}
