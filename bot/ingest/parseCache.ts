// The parsed report files of a library kept across restarts: a start reads one JSON file (a thousand meetings in
// well under a second) instead of reading and parsing every report (seconds). An entry is used only while the
// file's version (size and mtime, or eTag) is the same and the parser's code is the one that wrote it; anything
// else (missing, corrupt, stale) means parse again. A cache is an optimisation, never a source of truth.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeFingerprint } from '../shared/codeFingerprint';
import type { Meeting } from '../corpus/meeting';

/** Bump when the layout changes. */
const VERSION = 1;

/** What is kept of one report file: its version when it was read, and what it was parsed into. */
export interface CachedFile {
  version: string;
  writtenAt: number;
  parsed?: { meeting: Meeting; hash: string };
}

interface ParseCacheFile {
  version: number;
  code: string;
  files: [string, CachedFile][];
}

/** The code that turns a file into a meeting and its content hash. */
const parserCode = () => codeFingerprint(['corpus', 'ingest/contentHash', 'ingest/reportLibrary']);

export async function readParseCache(file: string): Promise<Map<string, CachedFile>> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as ParseCacheFile;
    if (cache?.version !== VERSION || cache.code !== (await parserCode()) || !Array.isArray(cache.files)) return new Map();
    return new Map(cache.files.filter(([name, state]) => typeof name === 'string' && typeof state?.version === 'string' && state.parsed?.meeting));
  } catch {
    return new Map();
  }
}

/** Only parsed files are kept (a refused file is read again at the next start, and refused again). Written
 *  atomically; a failure to write is no failure of the library. */
export async function writeParseCache(file: string, files: ReadonlyMap<string, CachedFile>): Promise<void> {
  try {
    const parsed = [...files].filter(([, state]) => state.parsed).map(([name, { version, writtenAt, parsed }]) => [name, { version, writtenAt, parsed }]);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: VERSION, code: await parserCode(), files: parsed }));
    await rename(temp, file);
  } catch (err) {
    console.warn(`[lovp-bot] could not write the parse cache ${file}: ${(err as Error).message}`);
  }
}
