// npm run -s pending -- [--json] [--data DIR]
// Lists the follow-ups of all reports with owner, due date and status. --json prints one object
// {"items":[{"id","date","section","text","owner","due","status",...}]}; without it, a list grouped by due date.
import path from 'node:path';
import { loadConfig } from '../config';
import { loadReports } from '../ingest/loadReports';
import { formatDate } from '../corpus/dates';
import { byDue, type PendingItem } from '../pending/pendingItem';
import { pendingItems } from '../pending/pendingTracker';

function parseArgs(argv: string[]) {
  const opts = { json: false, data: loadConfig(process.env).dataDir };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = true;
    else if (argv[i] === '--data' && argv[i + 1] !== undefined) opts.data = argv[++i];
    else throw new Error(`unknown argument "${argv[i]}" (use --json and --data DIR)`);
  }
  return opts;
}

function readable(items: PendingItem[]): string {
  if (items.length === 0) return 'Geen openstaande punten gevonden.';
  const groups = new Map<string, PendingItem[]>();
  for (const item of [...items].sort(byDue)) {
    const key = item.due ? formatDate(item.due, 'nl') : 'zonder datum';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const out: string[] = [];
  for (const [label, group] of groups) {
    out.push(`== ${label} ==`);
    for (const item of group) {
      const status = item.status === 'discussed' ? `besproken in LOVP ${formatDate(item.discussedOn!)} (${item.discussedIn})` : item.status === 'done' ? 'afgehandeld' : 'open';
      out.push(`- LOVP ${formatDate(item.date)} – ${item.section}${item.owner ? ` – ${item.owner}` : ''} [${status}]`);
      out.push(`    ${item.text}`);
    }
    out.push('');
  }
  return out.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { meetings, rejected } = await loadReports(opts.data).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the reports folder ${opts.data} (${err.code ?? err.message})`);
  });
  for (const r of rejected) console.error(`skipped ${r.error?.text('en') ?? r.file}`);
  const items = pendingItems(meetings);
  console.log(opts.json ? JSON.stringify({ items }) : readable(items));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
