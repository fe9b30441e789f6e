// The current set of meetings in the report store (a folder, or a blob container shared by instances), kept up
// to date as report files arrive, change or go. The one way reports are loaded: by the bot, the command-line
// tools, the benchmarks and the tests. Every scan reconciles the store with what is held: a file is parsed again
// only when its version (size and mtime, or eTag) changed; per meeting date the most recently written valid file
// wins (a corrected version replaces the old one); the same content again (by contentHash) changes nothing.
// Listeners hear about every change with the complete new list of meetings, so whoever builds a search index from
// it can swap it in one step. With a cache file the parsed files are kept across restarts (parseCache.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { extractText, isReportFile } from '../corpus/extractText';
import type { Meeting } from '../corpus/meeting';
import { parseReport } from '../corpus/parseReport';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../corpus/readLimits';
import { contentHash } from './contentHash';
import { IngestError } from './ingestError';
import { readParseCache, writeParseCache, type CachedFile } from './parseCache';
import { FolderReportStore, NameTaken, type ReportStore, type StoredReport } from './reportStore';
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

export interface FileState extends CachedFile {
  parsed?: Parsed;
  error?: IngestError;
}

export interface LibraryOptions {
  /** How a file is parsed (default in this thread; the bot parses in a worker: parseInWorker.ts). */
  parse?: ParseFile;
  /** Keeps the parsed files here across restarts: a start reads it instead of every report (parseCache.ts). */
  cacheFile?: string;
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
  readonly store: ReportStore;
  private files = new Map<string, FileState>();
  private cacheRead = false;
  private current = new Map<string, LibraryEntry>();
  private snapshot: readonly Meeting[] = Object.freeze([]);
  private readonly listeners = new Set<ChangeListener>();
  private readonly queue = new SerialQueue();
  private readonly parse: ParseFile;

  private readonly cacheFile?: string;

  /** `store`: a ReportStore, or a folder (the data folder). */
  constructor(store: ReportStore | string, options: LibraryOptions = {}) {
    this.store = typeof store === 'string' ? new FolderReportStore(store) : store;
    this.parse = options.parse ?? ((name, content) => parseReportFile(name, content));
    this.cacheFile = options.cacheFile;
  }

  /** The data folder, for a library over one (else the store's description). */
  get dataDir(): string {
    return this.store instanceof FolderReportStore ? this.store.dir : this.store.description;
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

  /** Brings the library in line with the store; returns what changed (also rejected new files). */
  scan(): Promise<IngestOutcome[]> {
    return this.serial(() => this.reconcile());
  }

  /** Validates a file and, when it is a new or changed report, copies it into the store. */
  async ingestFile(file: string, options: { maxBytes?: number } = {}): Promise<IngestOutcome> {
    const name = path.basename(file);
    let content: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('not a file');
      const maxBytes = this.maxBytes(options.maxBytes);
      if (stat.size > maxBytes) return rejected(name, new IngestError('too-large', name, '', maxBytes, stat.size));
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
    const maxBytes = this.maxBytes(options.maxBytes);
    if (content.length > maxBytes) return rejected(name, new IngestError('too-large', name, '', maxBytes, content.length));
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
      const { target, stored } = await this.writeFree(name, content);
      // Parsed once: the scan takes the file as read instead of parsing it again.
      this.files.set(target, { version: stored.version, writtenAt: stored.writtenAt, parsed });
      const outcomes = await this.reconcile();
      return outcomes.find((o) => o.file === target) ?? { kind: 'unchanged', file: target, meeting: parsed.meeting, hash: parsed.hash };
    });
  }

  /** The caller's limit, and never more than the store reads back. */
  private maxBytes(requested = 0): number {
    return Math.min(requested || Infinity, this.store.maxBytes ?? Infinity);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  private async reconcile(): Promise<IngestOutcome[]> {
    if (!this.cacheRead) {
      this.cacheRead = true;
      if (this.cacheFile) this.files = await readParseCache(this.cacheFile);
    }
    const listed = await this.store.list();
    const fresh: string[] = [];
    const present = new Set<string>();
    for (const { name, version, writtenAt } of listed) {
      present.add(name);
      const known = this.files.get(name);
      if (known && known.version === version) continue;
      this.files.set(name, await this.parseFile(name, version, writtenAt));
      fresh.push(name);
    }
    let dropped = false;
    for (const name of [...this.files.keys()]) if (!present.has(name)) dropped = this.files.delete(name) || dropped;
    if (this.cacheFile && (fresh.length || dropped)) await writeParseCache(this.cacheFile, this.files);

    // Per date, the most recently written valid file (names in order, so a tie goes to the later name).
    const winners = new Map<string, LibraryEntry & { writtenAt: number }>();
    for (const name of [...this.files.keys()].sort()) {
      const state = this.files.get(name)!;
      if (!state.parsed) continue;
      const date = state.parsed.meeting.date;
      const best = winners.get(date);
      if (!best || state.writtenAt >= best.writtenAt) winners.set(date, { ...state.parsed, file: name, writtenAt: state.writtenAt });
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

  private async parseFile(name: string, version: string, writtenAt: number): Promise<FileState> {
    try {
      const content = await this.store.read(name);
      return { version, writtenAt, parsed: await this.parse(name, content) };
    } catch (err) {
      // Stopping ends the scan; it says nothing about the file.
      if (err instanceof TaskWorkerClosed) throw err;
      return { version, writtenAt, error: IngestError.from(err, name) };
    }
  }

  /** Writes under a free name; another instance may take it meanwhile (a shared container): then the next one. */
  private async writeFree(name: string, content: Buffer): Promise<{ target: string; stored: StoredReport }> {
    for (let attempt = 1; ; attempt++) {
      const target = await this.freeName(name);
      try {
        // The newest file of a date wins: it is written after every file held.
        return { target, stored: await this.store.write(target, content, Math.max(0, ...[...this.files.values()].map((f) => f.writtenAt))) };
      } catch (err) {
        if (!(err instanceof NameTaken) || attempt >= 5) throw err;
      }
    }
  }

  /** The name itself when free, else "name-2.ext", "name-3.ext", ... */
  private async freeName(name: string): Promise<string> {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
      if (!(await this.store.exists(candidate))) return candidate;
    }
  }
}

function rejected(file: string, error: IngestError): IngestOutcome {
  return { kind: 'rejected', file, error };
}
