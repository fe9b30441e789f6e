// A hash of the code whose output a cache holds: a cache written by other code (a newer parser, another index) is
// not used. Works from the TypeScript sources and from dist/, and includes the versions of the packages named.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const known = new Map<string, Promise<string>>();

/** `parts`: folders (or files without extension) under bot/, e.g. ['corpus', 'search', 'answer/knowledgeBase']. */
export function codeFingerprint(parts: string[], packages: string[] = []): Promise<string> {
  const key = `${parts.join(',')}|${packages.join(',')}`;
  let fingerprint = known.get(key);
  if (!fingerprint) known.set(key, (fingerprint = compute(parts, packages)));
  return fingerprint;
}

async function compute(parts: string[], packages: string[]): Promise<string> {
  const botDir = path.join(__dirname, '..');
  const ext = path.extname(__filename);
  const files: string[] = [];
  for (const part of parts) {
    const dir = path.join(botDir, part);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
    if (entries) for (const e of entries.filter((x) => x.isFile())) files.push(path.join(e.parentPath ?? e.path, e.name));
    else files.push(`${dir}${ext}`);
  }
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${path.relative(botDir, file)}\0`).update(await readFile(file)).update('\0');
  for (const pkg of packages) hash.update(`${pkg}@${require(`${pkg}/package.json`).version}\0`);
  return hash.digest('hex');
}
