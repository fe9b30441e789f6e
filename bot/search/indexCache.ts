// The serialised index: parsed meetings plus the built lunr index in one JSON file, so a restart loads it
// instead of parsing every report and rebuilding the index. The file is used only when its fingerprint matches:
// the report files (names and contents), the code that parses and indexes them, and the lunr versions. Anything
// else (missing, corrupt, stale) means rebuild; the cache is an optimisation, never a source of truth.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Meeting } from '../corpus/meeting';
import { isReportFile } from '../corpus/extractText';
import type { SectionIndexSnapshot } from './sectionIndex';

/** Bump when the layout of the cache file changes. */
export const INDEX_CACHE_VERSION = 2;

export interface IndexCache {
  version: number;
  fingerprint: string;
  /** In the knowledge base's order (oldest first): the index refers to sections by position. */
  meetings: Meeting[];
  /** Reports that could not be read, reported again on every load. */
  errors: { source: string; reason: string }[];
  index: SectionIndexSnapshot;
}

/** Where the cache lives: $INDEX_CACHE_FILE, else $CACHE_DIR/index-cache.json, else state/index-cache.json. */
export function indexCacheFile(env: NodeJS.ProcessEnv = process.env, projectDir = process.cwd()): string {
  const file = env.INDEX_CACHE_FILE?.trim();
  if (file) return path.resolve(projectDir, file);
  return path.resolve(projectDir, env.CACHE_DIR?.trim() || 'state', 'index-cache.json');
}

let codeHash: string | undefined;

/** Hash of the code whose output the cache holds: the parser (bot/corpus), the index (bot/search), the knowledge
 *  base that orders the meetings, and the lunr versions. Works from the TypeScript sources and from dist/. */
async function codeFingerprint(): Promise<string> {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const botDir = path.join(__dirname, '..');
  const ext = path.extname(__filename);
  const files = [path.join(botDir, 'answer', `knowledgeBase${ext}`)];
  for (const dir of ['corpus', 'search']) {
    const entries = await readdir(path.join(botDir, dir), { recursive: true, withFileTypes: true });
    for (const e of entries.filter((x) => x.isFile())) files.push(path.join(e.parentPath ?? e.path, e.name));
  }
  files.sort();
  for (const file of files) hash.update(`${path.relative(botDir, file)}\0`).update(await readFile(file)).update('\0');
  for (const pkg of ['lunr', 'lunr-languages']) hash.update(`${pkg}@${require(`${pkg}/package.json`).version}\0`);
  return (codeHash = hash.digest('hex'));
}

/** Fingerprint of a corpus folder: every report file's name and contents, and the code that reads them. */
export async function corpusFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update(`v${INDEX_CACHE_VERSION}\0${await codeFingerprint()}\0`);
  const names = (await readdir(dir)).filter(isReportFile).sort();
  const contents = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
  names.forEach((name, i) => hash.update(`${name}\0${contents[i].length}\0`).update(contents[i]));
  return hash.digest('hex');
}

/** The cache in `file` when it was written for `fingerprint`; undefined when missing, unreadable or stale. */
export async function readIndexCache(file: string, fingerprint: string): Promise<IndexCache | undefined> {
  let cache: IndexCache;
  try {
    cache = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  const usable = cache && cache.version === INDEX_CACHE_VERSION && cache.fingerprint === fingerprint
    && Array.isArray(cache.meetings) && Array.isArray(cache.errors) && cache.index && typeof cache.index.index === 'object'
    && Array.isArray(cache.index.vocabulary);
  return usable ? cache : undefined;
}

/** Writes the cache atomically (temp file, then rename), so a crash never leaves half a cache behind. */
export async function writeIndexCache(file: string, cache: IndexCache): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(cache));
  await rename(temp, file);
}
