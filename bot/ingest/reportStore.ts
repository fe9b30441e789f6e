// Where report files live: a folder on this machine (DATA_DIR, the default), or a container in Azure Blob storage
// that several bot instances share (blobReportStore.ts). The report library (reportLibrary.ts) only lists, reads
// and writes through this; what a report is, and which file wins, it decides itself.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isReportFile } from '../corpus/extractText';

export interface StoredReport {
  name: string;
  /** Changes whenever the content may have (mtime and size, or a blob's eTag): an unchanged version is not read again. */
  version: string;
  /** When it was last written, ms since 1970: per meeting date the most recently written file wins. */
  writtenAt: number;
}

export interface ReportStore {
  /** For logs and messages: the folder or the container. */
  readonly description: string;
  /** The largest file it reads back (none for a folder): the library refuses to write a larger one. */
  readonly maxBytes?: number;
  /** Every report file, by name. */
  list(): Promise<StoredReport[]>;
  read(name: string): Promise<Buffer>;
  /** Writes a new file whole or not at all; `after` asks for a write time later than that (ms). May throw
   *  NameTaken when another writer took the name meanwhile. */
  write(name: string, content: Buffer, after?: number): Promise<StoredReport>;
  exists(name: string): Promise<boolean>;
}

/** The name was free when asked, and taken (by another instance) when written. */
export class NameTaken extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} was written by someone else meanwhile`);
  }
}

/** Report files in a folder: the dot-files the store writes while it writes are never listed. */
export class FolderReportStore implements ReportStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  get description(): string {
    return this.dir;
  }

  async list(): Promise<StoredReport[]> {
    const names = (await fs.readdir(this.dir)).filter((n) => isReportFile(n) && !n.startsWith('.')).sort();
    const out: StoredReport[] = [];
    for (const name of names) {
      const stat = await fs.stat(path.join(this.dir, name)).catch(() => undefined);
      if (stat?.isFile()) out.push({ name, version: `${stat.mtimeMs}:${stat.size}`, writtenAt: stat.mtimeMs });
    }
    return out;
  }

  read(name: string): Promise<Buffer> {
    return fs.readFile(path.join(this.dir, name));
  }

  /** Under a dot-name first and renamed, so a watcher never reads half a file; a failed write leaves nothing. */
  async write(name: string, content: Buffer, after = 0): Promise<StoredReport> {
    const temp = path.join(this.dir, `.ingest-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    const target = path.join(this.dir, name);
    const handle = await fs.open(temp, 'wx');
    try {
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (err) {
      await fs.unlink(temp).catch(() => undefined);
      throw err;
    }
    // A coarse file-system clock must not tie the new file with the one it replaces.
    if (after >= Date.now() - 1000) {
      const when = new Date(after + 2000);
      await fs.utimes(target, when, when);
    }
    const stat = await fs.stat(target);
    return { name, version: `${stat.mtimeMs}:${stat.size}`, writtenAt: stat.mtimeMs };
  }

  async exists(name: string): Promise<boolean> {
    return fs.access(path.join(this.dir, name)).then(() => true, () => false);
  }
}
