// Scores the follow-up extractor on the team's own gold (see README, "Pending items: how well"):
//   npx tsx test/eval/scorePending.ts [--split tune|holdout|all] [--verbose]
// 1. test/eval/pending-sentences.jsonl: single sentences, follow-ups and look-alikes, each read as a one-sentence
//    section of a meeting on its date: recall, precision, due (the item's due starts with the gold due) and owner.
// 2. test/fixtures/unseen/r*.txt with pending-<split>.jsonl: whole reports, scored by ../shared/eval/score-pending.mjs
//    (tune: r1-r6, holdout: r7-r9; the gold files name their own meeting dates).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractPending } from '../../bot/pending/extractPending';

interface SentenceGold {
  id: string;
  meeting: string;
  text: string;
  followUp: boolean;
  owner: string | null;
  due: string | null;
  split: 'tune' | 'holdout';
}

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'tune';
const verbose = args.includes('--verbose');
const root = path.join(__dirname, '..', '..');
const ratio = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');

function scoreSentences(): void {
  const file = path.join(__dirname, 'pending-sentences.jsonl');
  const gold = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as SentenceGold)
    .filter((g) => split === 'all' || g.split === split);
  let tp = 0, fp = 0, fn = 0, dueAsked = 0, dueRight = 0, ownerAsked = 0, ownerRight = 0;
  for (const g of gold) {
    const items = extractPending({ date: g.meeting, title: '', source: g.id, sections: [{ heading: 'Zin', text: g.text }] });
    const item = items[0];
    if (item && g.followUp) tp++;
    else if (item) fp++;
    else if (g.followUp) fn++;
    if (verbose && !!item !== g.followUp) console.log(`  ${item ? 'extra  ' : 'missing'} ${g.id} ${g.meeting} ${g.text}`);
    if (!item || !g.followUp) continue;
    if (g.due) {
      dueAsked++;
      if (String(item.due ?? '').startsWith(g.due)) dueRight++;
      else if (verbose) console.log(`  due    ${g.id} ${item.due} should start with ${g.due}: ${g.text}`);
    }
    if (g.owner) {
      ownerAsked++;
      const want = g.owner.toLowerCase();
      if (item.owner && (want.includes(item.owner.toLowerCase()) || item.owner.toLowerCase().includes(want))) ownerRight++;
      else if (verbose) console.log(`  owner  ${g.id} ${item.owner} should be ${g.owner}: ${g.text}`);
    }
  }
  console.log(`sentences (${split}, ${gold.length}): recall ${ratio(tp, tp + fn)} (${tp}/${tp + fn}) precision ${ratio(tp, tp + fp)} (${tp}/${tp + fp}) due ${ratio(dueRight, dueAsked)} (${dueRight}/${dueAsked}) owner ${ratio(ownerRight, ownerAsked)} (${ownerRight}/${ownerAsked})`);
}

function scoreReports(which: 'tune' | 'holdout'): void {
  const dir = path.join(root, 'test', 'fixtures', 'unseen');
  const goldFile = path.join(dir, `pending-${which}.jsonl`);
  const scorer = path.join(root, '..', 'shared', 'eval', 'score-pending.mjs');
  if (!existsSync(goldFile) || !existsSync(scorer)) return void console.log(`reports (${which}): ${goldFile} or ${scorer} missing`);
  // Only the reports of this split, so the extractor never sees the other ones.
  const names = readdirSync(dir).filter((n) => /^r\d+\.txt$/.test(n)).filter((n) => (which === 'tune' ? +n.slice(1, -4) <= 6 : +n.slice(1, -4) >= 7));
  const data = mkdtempSync(path.join(tmpdir(), `unseen-${which}-`));
  try {
    for (const n of names) copyFileSync(path.join(dir, n), path.join(data, n));
    const run = spawnSync(process.execPath, [scorer, '--gold', goldFile, '--data', data, ...(verbose ? ['--verbose'] : [])], { cwd: root, encoding: 'utf8' });
    console.log(`reports (${which}, ${names.join(' ')}): ${run.stdout.trim()}${run.status ? ` ${run.stderr}` : ''}`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

scoreSentences();
if (split === 'all') {
  scoreReports('tune');
  scoreReports('holdout');
} else scoreReports(split as 'tune' | 'holdout');
