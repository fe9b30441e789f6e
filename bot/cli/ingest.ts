// npm run ingest -- FILE... [--data DIR] [--lang nl|en] [--json]
// Checks each file (readable, a dated "Bestuurlijke terugkoppeling"), then copies it into the report store when
// it is new or a changed version of a meeting already there: the data folder (DATA_DIR, default ./data, or
// --data DIR), or with the Azure settings the container every bot instance reads. A running bot picks the file
// up from there and announces it. Exit code 1 when any file was refused.
import type { Language } from '../shared/language';
import { config } from 'dotenv';
import path from 'node:path';
import { loadConfig } from '../config';
import { openReportStore } from '../ingest/createReportStore';
import { ReportLibrary, type IngestOutcome } from '../ingest/reportLibrary';
import { FolderReportStore } from '../ingest/reportStore';
import { outcomeText } from '../ingest/outcomeText';

const USAGE = 'usage: npm run ingest -- FILE... [--data DIR] [--lang nl|en] [--json]';

function parseArgs(argv: string[]) {
  const opts = { data: '', language: 'en' as Language, json: false, files: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') opts.data = argv[++i] ?? '';
    else if (arg === '--lang') opts.language = argv[++i] === 'nl' ? 'nl' : 'en';
    else if (arg === '--json') opts.json = true;
    else if (arg === '--help' || arg === '-h') return undefined;
    else opts.files.push(arg);
  }
  return opts;
}

function asJson(o: IngestOutcome) {
  return { kind: o.kind, file: o.file, date: o.meeting?.date ?? null, title: o.meeting?.title ?? null, sections: o.meeting?.sections.length ?? null, error: o.error?.message ?? null };
}

async function main(): Promise<number> {
  config({ quiet: true });
  const opts = parseArgs(process.argv.slice(2));
  if (!opts || opts.files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const settings = loadConfig(process.env);
  // --data names a folder; else the store the bot uses (DATA_DIR, or the Azure container).
  const folder = opts.data ? path.resolve(opts.data) : undefined;
  let library: ReportLibrary;
  try {
    library = new ReportLibrary(folder ? new FolderReportStore(folder) : (await openReportStore(settings, { log: console.error, warn: console.error })).store);
    await library.scan();
  } catch (err) {
    const where = folder ?? (settings.azureStorageContainer ? `the container ${settings.azureStorageContainer}` : settings.dataDir);
    console.error(`cannot read the reports in ${where}: ${(err as Error).message}`);
    return 1;
  }
  let refused = 0;
  for (const file of opts.files) {
    const outcome = await library.ingestFile(path.resolve(file));
    if (outcome.kind === 'rejected') refused++;
    if (opts.json) console.log(JSON.stringify(asJson(outcome)));
    else (outcome.kind === 'rejected' ? console.error : console.log)(outcomeText(outcome, opts.language));
  }
  if (!opts.json) console.log(`${library.meetings.length} meetings in ${library.store.description}`);
  return refused > 0 ? 1 : 0;
}

main().then((code) => (process.exitCode = code), (err) => {
  console.error(`ingest failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
});
