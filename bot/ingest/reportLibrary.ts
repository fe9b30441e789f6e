// The current set of meetings in the data folder, kept up to date as report files arrive, change or go.
// Every scan reconciles the folder with what is held: a file is parsed again only when its size or mtime
// changed; per meeting date the most recently written valid file wins (a corrected version replaces the old
// one); the same content again (by contentHash) changes nothing. Listeners hear about every change with the
// complete new list of meetings, so whoever builds a search index from it can swap it in one step.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { extractText, isReportFile } from '../corpus/extractText';
import type { Meeting } from '../corpus/meeting';
import { parseReport } from '../corpus/parseReport';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../corpus/readLimits';
import { contentHash } from './contentHash';
import { IngestError } from './ingestError';
import { TaskWorkerClosed } from './taskWorker';
import { SerialQueue } from '../shared/serialQueue';

export type IngestKind = 'added' | 'replaced' | 'unchanged' | 'rejected' | 'removed';

export interface IngestOutcome {
  kind: IngestKind;
  /** File name in the data folder (for a refused upload: the name it was sent with). */
  file: string;
  /** added/replaced/unchanged: the meeting now held for that date; removed: the meeting that went. */
  meeting?: Meeting;
  /** replaced: the version that was replaced. */
  previous?: Meeting;
  hash?: string;
  error?: IngestError;
}

export interface LibraryEntry {
  meeting: Meeting;
  hash: string;
  file: string;
}

export type ChangeListener = (meetings: readonly Meeting[], outcomes: IngestOutcome[]) => void;

export interface Parsed {
  meeting: Meeting;
  hash: string;
}

/** Parses one report file; refuses it with an IngestError. The bot parses in a worker (parseInWorker.ts). */
export type ParseFile = (fileName: string, content: Buffer) => Promise<Parsed>;

interface FileState {
  mtimeMs: number;
  size: number;
  parsed?: Parsed;
  error?: IngestError;
}

/** Reads and parses one report; every failure becomes an IngestError naming the file. */
export async function parseReportFile(fileName: string, content: Buffer, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Parsed> {
  if (!isReportFile(fileName)) throw new IngestError('unsupported-type', fileName);
  if (content.length === 0) throw new IngestError('empty', fileName);
  try {
    const meeting = parseReport(await extractText(fileName, content, limits), fileName);
    return { meeting, hash: contentHash(meeting) };
  } catch (err) {
    throw IngestError.from(err, fileName);
  }
}

/** A plain file name for the data folder: no folders, no control or reserved characters. */
export function safeFileName(name: string): string {
  const base = path.basename(String(name).replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  return base.length > 0 ? base.slice(-150) : 'report.txt';
}

export class ReportLibrary {
  readonly dataDir: string;
  private readonly files = new Map<string, FileState>();
  private current = new Map<string, LibraryEntry>();
  private snapshot: readonly Meeting[] = Object.freeze([]);
  private readonly listeners = new Set<ChangeListener>();
  private readonly queue = new SerialQueue();
  private readonly parse: ParseFile;

  constructor(dataDir: string, options: { parse?: ParseFile } = {}) {
    this.dataDir = path.resolve(dataDir);
    this.parse = options.parse ?? ((name, content) => parseReportFile(name, content));
  }

  /** Oldest first. The array is frozen and replaced (never changed) on every change. */
  get meetings(): readonly Meeting[] {
    return this.snapshot;
  }

  entries(): LibraryEntry[] {
    return [...this.current.values()].sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));
  }

  entryFor(date: string): LibraryEntry | undefined {
    return this.current.get(date);
  }

  /** Called after every change with the new meetings and what happened; returns an unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Brings the library in line with the data folder; returns what changed (also rejected new files). */
  scan(): Promise<IngestOutcome[]> {
    return this.serial(() => this.reconcile());
  }

  /** Validates a file and, when it is a new or changed report, copies it into the data folder. */
  async ingestFile(file: string, options: { maxBytes?: number } = {}): Promise<IngestOutcome> {
    const name = path.basename(file);
    let content: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('not a file');
      if (options.maxBytes && stat.size > options.maxBytes) return rejected(name, new IngestError('too-large', name, '', options.maxBytes, stat.size));
      content = await fs.readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || (err as Error).message === 'not a file') return rejected(name, new IngestError('not-found', name));
      return rejected(name, new IngestError('unreadable', name, code ?? (err as Error).message));
    }
    return this.ingestBuffer(name, content, options);
  }

  /** Same as ingestFile for content that arrived some other way (a file sent to the bot). */
  async ingestBuffer(fileName: string, content: Buffer, options: { maxBytes?: number } = {}): Promise<IngestOutcome> {
    const name = safeFileName(fileName);
    if (options.maxBytes && content.length > options.maxBytes) {
      return rejected(name, new IngestError('too-large', name, '', options.maxBytes, content.length));
    }
    let parsed: Parsed;
    try {
      parsed = await this.parse(name, content);
    } catch (err) {
      return rejected(name, IngestError.from(err, name));
    }
    return this.serial(async () => {
      await this.reconcile();
      const same = [...this.current.values()].find((e) => e.hash === parsed.hash);
      if (same) return { kind: 'unchanged', file: same.file, meeting: same.meeting, hash: same.hash };
      const target = await this.freeName(name);
      await writeAtomically(this.dataDir, target, content);
      // The newest file of a date wins; make sure a coarse file-system clock cannot tie it with the old one.
      const newest = Math.max(0, ...[...this.files.values()].map((f) => f.mtimeMs));
      if (newest >= Date.now() - 1000) {
        const when = new Date(newest + 2000);
        await fs.utimes(path.join(this.dataDir, target), when, when);
      }
      // Parsed once: the scan takes the file as read instead of parsing it again.
      const stat = await fs.stat(path.join(this.dataDir, target));
      this.files.set(target, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
      const outcomes = await this.reconcile();
      return outcomes.find((o) => o.file === target) ?? { kind: 'unchanged', file: target, meeting: parsed.meeting, hash: parsed.hash };
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  private async reconcile(): Promise<IngestOutcome[]> {
    const names = (await fs.readdir(this.dataDir)).filter((n) => isReportFile(n) && !n.startsWith('.')).sort();
    const fresh: string[] = [];
    const present = new Set<string>();
    for (const name of names) {
      const stat = await fs.stat(path.join(this.dataDir, name)).catch(() => undefined);
      if (!stat?.isFile()) continue;
      present.add(name);
      const known = this.files.get(name);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) continue;
      this.files.set(name, await this.parseFile(name, stat.mtimeMs, stat.size));
      fresh.push(name);
    }
    for (const name of [...this.files.keys()]) if (!present.has(name)) this.files.delete(name);

    // Per date, the most recently written valid file (names in order, so a tie goes to the later name).
    const winners = new Map<string, LibraryEntry & { mtimeMs: number }>();
    for (const name of [...this.files.keys()].sort()) {
      const state = this.files.get(name)!;
      if (!state.parsed) continue;
      const date = state.parsed.meeting.date;
      const best = winners.get(date);
      if (!best || state.mtimeMs >= best.mtimeMs) winners.set(date, { ...state.parsed, file: name, mtimeMs: state.mtimeMs });
    }

    const outcomes: IngestOutcome[] = [];
    const reported = new Set<string>();
    for (const [date, entry] of winners) {
      const old = this.current.get(date);
      if (!old) outcomes.push({ kind: 'added', file: entry.file, meeting: entry.meeting, hash: entry.hash });
      else if (old.hash !== entry.hash) outcomes.push({ kind: 'replaced', file: entry.file, meeting: entry.meeting, previous: old.meeting, hash: entry.hash });
      else continue;
      reported.add(entry.file);
    }
    for (const [date, old] of this.current) {
      if (!winners.has(date)) outcomes.push({ kind: 'removed', file: old.file, meeting: old.meeting, hash: old.hash });
    }
    for (const name of fresh) {
      if (reported.has(name)) continue;
      const state = this.files.get(name)!;
      if (state.error) outcomes.push({ kind: 'rejected', file: name, error: state.error });
      // A copy of what is held, or an older version than the one held: nothing changes.
      else outcomes.push({ kind: 'unchanged', file: name, meeting: winners.get(state.parsed!.meeting.date)!.meeting, hash: state.parsed!.hash });
    }

    const changed = outcomes.some((o) => o.kind === 'added' || o.kind === 'replaced' || o.kind === 'removed');
    this.current = new Map([...winners].map(([date, { meeting, hash, file }]) => [date, { meeting, hash, file }]));
    if (changed) {
      this.snapshot = Object.freeze(this.entries().map((e) => e.meeting));
      for (const listener of this.listeners) {
        try {
          listener(this.snapshot, outcomes);
        } catch (err) {
          console.error('[lovp-bot] a report-library listener failed:', err);
        }
      }
    }
    return outcomes;
  }

  private async parseFile(name: string, mtimeMs: number, size: number): Promise<FileState> {
    try {
      const content = await fs.readFile(path.join(this.dataDir, name));
      return { mtimeMs, size, parsed: await this.parse(name, content) };
    } catch (err) {
      // Stopping ends the scan; it says nothing about the file.
      if (err instanceof TaskWorkerClosed) throw err;
      return { mtimeMs, size, error: IngestError.from(err, name) };
    }
  }

  /** The name itself when free, else "name-2.ext", "name-3.ext", ... */
  private async freeName(name: string): Promise<string> {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
      try {
        await fs.access(path.join(this.dataDir, candidate));
      } catch {
        return candidate;
      }
    }
  }
}

function rejected(file: string, error: IngestError): IngestOutcome {
  return { kind: 'rejected', file, error };
}

/** Writes under a dot-name first and renames, so a watcher never reads half a file; a failed write leaves nothing. */
async function writeAtomically(dir: string, name: string, content: Buffer): Promise<void> {
  const temp = path.join(dir, `.ingest-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path.join(dir, name));
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}
