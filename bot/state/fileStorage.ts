// A botbuilder Storage kept in a local folder, safe across restarts, kill -9 and several processes.
//
// Every committed state is one immutable, complete file: state-<version>.json. A write reads the newest
// version, checks eTags against it, writes the next version to a temp file, fsyncs it and then publishes it
// with link(temp, state-<version+1>.json). link fails when that name already exists, so it is an atomic
// compare-and-swap between processes: when two writers race, exactly one wins and the other re-reads the
// winner's state and re-checks its eTags. No lock file is needed, so a process killed mid-write can never
// leave a lock behind; at worst it leaves a temp file, which is never read and is cleaned up later.
//
// Old versions are removed once they are not among the newest few AND were published a while ago
// (OLD_VERSION_MIN_AGE_MS). A writer gives up and starts over when more than MAX_WRITE_MS passed since it
// read its base version. Together these keep a version number that a slow writer might still link from
// being freed: otherwise a writer paused for a long time could publish into a removed slot.
//
// Faults are told, not hidden: a folder that cannot be written fails checkWritable() (the bot does not start),
// a failed write removes its temp file and rejects, clean-up runs before each write so a disk that was full
// works again once space is freed, a state file that is not exactly this format is set aside as damaged (the
// previous version is used; none readable is an error), and so is a stray version file that could block the
// next version number.
import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';

/** The file operations the store uses (tests hand in a faulty disk). */
export type StorageFiles = Pick<typeof nodeFs, 'open' | 'readFile' | 'readdir' | 'stat' | 'unlink' | 'link' | 'mkdir' | 'rename'>;

const FORMAT = 'lovp-file-storage/1';
/** Twelve digits, and more once past 999999999999. */
const VERSION_FILE = /^state-(\d{12,})\.json$/;
const TEMP_FILE = /^\.tmp-(\d+)-[0-9a-f]+\.json$/;
/** Versions kept besides the newest, so a reader that listed the folder a moment ago still finds its file. */
const KEEP_OLD_VERSIONS = 4;
/** An old version is removed only when published longer ago than this... */
const OLD_VERSION_MIN_AGE_MS = 30_000;
/** ...and a writer never publishes on a base it read longer ago than this (it starts over instead). */
const MAX_WRITE_MS = 10_000;
/** Temp files of a live process younger than this are left alone (it may be about to publish them). */
const TEMP_MAX_AGE_MS = 10 * 60_000;

interface Snapshot {
  version: number;
  items: Record<string, Record<string, unknown>>;
}

interface StateFile extends Snapshot {
  format: string;
  writtenAt: string;
}

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage and BlobsStorage, so callers can treat all stores alike.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

const versionName = (v: number) => `state-${String(v).padStart(12, '0')}.json`;
const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Why a parsed file is not the state of `version`, or undefined when it is. */
function stateProblem(parsed: unknown, version: number): string | undefined {
  if (!isPlainObject(parsed) || parsed.format !== FORMAT) return 'not a state file';
  if (parsed.version !== version) return `it says version ${String(parsed.version)}`;
  if (!isPlainObject(parsed.items)) return '"items" is not an object';
  const bad = Object.entries(parsed.items).find(([, item]) => !isPlainObject(item));
  return bad ? `item "${bad[0].slice(0, 80)}" is not an object` : undefined;
}

export class FileStorage implements Storage {
  readonly dir: string;
  private cache: Snapshot = { version: 0, items: {} };
  /** Serialises this instance's writes; other processes are handled by the link() compare-and-swap. */
  private queue: Promise<unknown> = Promise.resolve();
  private ready?: Promise<void>;
  /** Tests shorten the clean-up delay; the bot keeps the default. */
  oldVersionMinAgeMs = OLD_VERSION_MIN_AGE_MS;
  private readonly fs: StorageFiles;

  constructor(dir: string, options: { files?: StorageFiles } = {}) {
    this.dir = path.resolve(dir);
    this.fs = options.files ?? nodeFs;
  }

  /**
   * Throws with a clear message when the folder cannot be created, written or read: checked at start, so a
   * read-only or damaged STATE_DIR stops the bot instead of failing every subscription later.
   */
  async checkWritable(): Promise<void> {
    try {
      await this.prepare();
      const probe = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}.json`);
      const handle = await this.fs.open(probe, 'wx');
      try {
        await handle.writeFile('{}');
        await handle.sync();
      } finally {
        await handle.close();
        await this.fs.unlink(probe).catch(() => undefined);
      }
    } catch (err) {
      throw new Error(`the state folder ${this.dir} (STATE_DIR) cannot be written: ${(err as Error).message}`);
    }
    await this.latest();
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const { items } = await this.latest();
    const result: StoreItems = {};
    for (const key of keys) {
      if (Object.prototype.hasOwnProperty.call(items, key)) result[key] = structuredClone(items[key]);
    }
    return result;
  }

  write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') return Promise.reject(new ReferenceError('Changes are required when writing.'));
    // Serialise (and so validate) the new items now: the caller may change its objects after calling write.
    const incoming: [string, Record<string, unknown>][] = [];
    for (const [key, item] of Object.entries(changes)) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        return Promise.reject(new TypeError(`Storage: item "${key}" must be an object.`));
      }
      try {
        incoming.push([key, JSON.parse(JSON.stringify(item))]);
      } catch (err) {
        return Promise.reject(new TypeError(`Storage: item "${key}" cannot be stored as JSON (${(err as Error).message.split('\n')[0]}).`));
      }
    }
    if (incoming.length === 0) return Promise.resolve();
    return this.commit((items, newETag) => {
      // All keys are checked before any is applied: a conflict on one key writes none of them.
      for (const [key, item] of incoming) {
        const expected = item.eTag;
        if (typeof expected === 'string' && expected !== '' && expected !== '*') {
          // Like BlobsStorage (If-Match), an eTag for an item that no longer exists is a conflict too.
          if (!Object.prototype.hasOwnProperty.call(items, key) || items[key].eTag !== expected) throw new StorageConflictError(key);
        }
      }
      for (const [key, item] of incoming) items[key] = { ...item, eTag: newETag };
      return true;
    });
  }

  delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.commit((items) => {
      let changed = false;
      for (const key of keys) {
        if (Object.prototype.hasOwnProperty.call(items, key)) {
          delete items[key];
          changed = true;
        }
      }
      return changed;
    });
  }

  /** Newest committed state, read from disk only when another instance or process has committed since. */
  private async latest(): Promise<Snapshot> {
    return (await this.load()).snapshot;
  }

  /** The newest readable state and the highest version number present (higher only if that file is damaged). */
  private async load(): Promise<{ snapshot: Snapshot; newest: number }> {
    await this.prepare();
    for (let attempt = 0; ; attempt++) {
      const versions = await this.listVersions();
      const newest = versions[0] ?? 0;
      if (newest === 0) return { snapshot: { version: 0, items: {} }, newest };
      if (newest === this.cache.version) return { snapshot: this.cache, newest };
      let listAgain = false;
      const damaged: string[] = [];
      for (const version of versions) {
        const name = versionName(version);
        try {
          const parsed = JSON.parse(await this.fs.readFile(path.join(this.dir, name), 'utf8')) as StateFile;
          const problem = stateProblem(parsed, version);
          if (problem) throw new Error(problem);
          // Published files are complete by construction, so an unreadable one above this is outside damage (or a
          // stray file): it is set aside, so it can neither hide this state nor take the next version number.
          for (const bad of damaged) await this.fs.rename(path.join(this.dir, bad), path.join(this.dir, `damaged-${bad}`)).catch(() => undefined);
          if (version > this.cache.version) this.cache = { version, items: parsed.items };
          return { snapshot: version >= this.cache.version ? this.cache : { version, items: parsed.items }, newest: damaged.length ? version : newest };
        } catch (err) {
          // Removed by a writer's clean-up since we listed the folder: list again.
          if (isMissing(err)) {
            listAgain = true;
            break;
          }
          console.warn(`FileStorage: ${name} in ${this.dir} is damaged (${(err as Error).message}); using the version before it`);
          damaged.push(name);
        }
      }
      // Never start over from an empty state silently: that would drop every subscription. Nothing is set aside
      // then, so the store keeps refusing until someone repairs or removes the files.
      if (!listAgain) throw new Error(`FileStorage: no readable state file in ${this.dir} (newest is ${versionName(newest)}: ${damaged.length} damaged)`);
      if (attempt > 100) throw new Error(`FileStorage: cannot read a consistent state from ${this.dir}`);
    }
  }

  /**
   * Applies `mutate` to the newest state and publishes the result as the next version, retrying on a race.
   * `mutate` returns false when nothing changed (nothing is written) and throws to refuse the write.
   */
  private commit(mutate: (items: Snapshot['items'], newETag: string) => boolean): Promise<void> {
    const run = async () => {
      await this.prepare();
      // Before writing: a disk that filled up (with old versions, or temp files of dead writers) has room again.
      await this.removeOldFiles().catch(() => undefined);
      for (let attempt = 0; ; attempt++) {
        const startedAt = performance.now();
        const { snapshot: base, newest } = await this.load();
        const version = newest + 1;
        const items = structuredClone(base.items);
        const eTag = `${version}-${randomBytes(4).toString('hex')}`;
        if (!mutate(items, eTag)) return;
        const state = { format: FORMAT, version, writtenAt: new Date().toISOString(), items };
        if (await this.publish(state, startedAt)) {
          this.cache = { version, items };
          await this.removeOldFiles().catch(() => undefined);
          return;
        }
        // Another writer published this version first; back off a little when the race repeats.
        if (attempt > 3) await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, attempt * 2)));
        if (attempt > 10_000) throw new Error(`FileStorage: gave up writing to ${this.dir} after ${attempt} attempts`);
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Writes the state durably under its version name; false when that version already exists. */
  private async publish(state: StateFile, startedAt: number): Promise<boolean> {
    const temp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}.json`);
    const target = path.join(this.dir, versionName(state.version));
    const handle = await this.fs.open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(state));
      await handle.sync();
    } catch (err) {
      // A disk that is full (or gone) leaves no half-written temp file behind to keep it full.
      await handle.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw new Error(`FileStorage: cannot write to ${this.dir}: ${(err as Error).message}`);
    }
    await handle.close();
    try {
      // See the header: a base this old may have lost its successor slot to clean-up; read again instead.
      if (performance.now() - startedAt > MAX_WRITE_MS) return false;
      await this.fs.link(temp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await this.fs.unlink(temp).catch(() => undefined);
    }
    await this.syncDir();
    return true;
  }

  private prepare(): Promise<void> {
    this.ready ??= this.fs.mkdir(this.dir, { recursive: true }).then(() => undefined);
    return this.ready;
  }

  /** Committed version numbers, newest first. */
  private async listVersions(): Promise<number[]> {
    const names = await this.fs.readdir(this.dir);
    const versions: number[] = [];
    for (const name of names) {
      const m = VERSION_FILE.exec(name);
      if (m) versions.push(Number(m[1]));
    }
    return versions.sort((a, b) => b - a);
  }

  private async syncDir(): Promise<void> {
    // Makes the new name survive a power cut; not supported on every platform, and kill -9 does not need it.
    try {
      const dir = await this.fs.open(this.dir, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      /* best effort */
    }
  }

  /** Old versions (see the header) and temp files of writers that died or are long gone. */
  private async removeOldFiles(): Promise<void> {
    const names = await this.fs.readdir(this.dir);
    const newest = Math.max(0, ...names.map((name) => Number(VERSION_FILE.exec(name)?.[1] ?? 0)));
    const now = Date.now();
    for (const name of names) {
      const version = VERSION_FILE.exec(name);
      if (version) {
        if (Number(version[1]) >= newest - KEEP_OLD_VERSIONS) continue;
        // ctime changes when the file is linked into place, so it tells when the version was published.
        const stat = await this.fs.stat(path.join(this.dir, name)).catch(() => undefined);
        if (stat && now - stat.ctimeMs > this.oldVersionMinAgeMs) await this.fs.unlink(path.join(this.dir, name)).catch(() => undefined);
        continue;
      }
      const temp = TEMP_FILE.exec(name);
      if (temp && Number(temp[1]) !== process.pid) {
        const file = path.join(this.dir, name);
        const stat = await this.fs.stat(file).catch(() => undefined);
        if (stat && (!processAlive(Number(temp[1])) || now - stat.mtimeMs > TEMP_MAX_AGE_MS)) await this.fs.unlink(file).catch(() => undefined);
      }
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
