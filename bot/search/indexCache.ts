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

interface IndexCacheFile {
  version: number;
  fingerprint: string;
  index: SectionIndexSnapshot;
}

/** Fingerprint of an index over meetings with these content hashes (oldest meeting first). */
export async function indexFingerprint(meetingHashes: string[]): Promise<string> {
  const code = await codeFingerprint(['corpus', 'search'], ['lunr', 'lunr-languages']);
  return createHash('sha256').update(`v${VERSION}\0${code}\0${meetingHashes.join('\0')}`).digest('hex');
}

/** The snapshot in `file` when it was written for `fingerprint`; undefined when missing, unreadable or stale. */
export async function readIndexCache(file: string, fingerprint: string): Promise<SectionIndexSnapshot | undefined> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as IndexCacheFile;
    const usable = cache?.version === VERSION && cache.fingerprint === fingerprint && typeof cache.index?.index === 'object' && Array.isArray(cache.index.vocabulary);
    return usable ? cache.index : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (temp file, then rename), so a crash never leaves half a cache behind. */
export async function writeIndexCache(file: string, fingerprint: string, index: SectionIndexSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ version: VERSION, fingerprint, index } satisfies IndexCacheFile));
  await rename(temp, file);
}
