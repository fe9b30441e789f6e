// The serialised search index, so a restart loads it instead of building it (seconds at a thousand meetings). It
// is used only when its fingerprint matches: the meetings it was built from (their content hashes, in order) and
// the code that builds the index; anything else (missing, corrupt, stale) means build. An optimisation, never a
// source of truth. The bot's index worker reads and writes it (bot/answer/indexWorker.ts).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeFingerprint } from '../shared/codeFingerprint';
import type { SectionIndexSnapshot } from './sectionIndex';

/** Bump when the layout of the cache file changes. */
const VERSION = 3;

export interface IndexCacheFile {
  version: number;
  fingerprint: string;
  index: SectionIndexSnapshot;
}

/** Fingerprint of an index over meetings with these content hashes (oldest meeting first). */
export async function indexFingerprint(meetingHashes: string[]): Promise<string> {
  const code = await codeFingerprint(['corpus', 'search', 'shared/foldAccents'], ['lunr', 'lunr-languages']);
  return createHash('sha256').update(`v${VERSION}\0${code}\0${meetingHashes.join('\0')}`).digest('hex');
}

/** The cache file as it is, whatever it was written for (it may be read before the reports are known); undefined when missing or unreadable. */
export async function readIndexCacheFile(file: string): Promise<IndexCacheFile | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as IndexCacheFile;
  } catch {
    return undefined;
  }
}

/** The snapshot of a cache file when it was written for `fingerprint`; undefined when missing, corrupt or stale. */
export function snapshotFor(cache: IndexCacheFile | undefined, fingerprint: string): SectionIndexSnapshot | undefined {
  const usable = cache?.version === VERSION && cache.fingerprint === fingerprint && typeof cache.index?.index === 'object' && Array.isArray(cache.index.vocabulary);
  return usable ? cache.index : undefined;
}

/** Writes the cache atomically (temp file, then rename), so a crash never leaves half a cache behind. */
export async function writeIndexCache(file: string, fingerprint: string, index: SectionIndexSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ version: VERSION, fingerprint, index } satisfies IndexCacheFile));
  await rename(temp, file);
}
