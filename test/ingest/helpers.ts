// Shared by the tests: the seed reports, temp copies of them for a test's own data folder, temp folders, and
// reports made from a seed. Tests never read the working data/ folder, which `npm run ingest` and the bot change.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectDir = path.join(__dirname, '..', '..');
export const fixturesDir = path.join(projectDir, 'test', 'fixtures');
/** The five seed reports (the same as data/ in a fresh clone); read only, copy them to change them. */
export const seedDir = path.join(fixturesDir, 'seeds');
export const SEED_2019 = '000_ef852aa59fc00c2a.txt';
export const seedText = (name = SEED_2019) => readFileSync(path.join(seedDir, name), 'utf8');

const made: string[] = [];
export function tempDir(prefix = 'lovp-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** A data folder of the test's own holding the five seed reports. */
export function copyOfSeeds(): string {
  const dir = tempDir('lovp-data-');
  cpSync(seedDir, dir, { recursive: true });
  return dir;
}

/** The 15 april 2019 seed as a report of another meeting date, e.g. "3 juni 2021". */
export function reportDatedAs(dutchDate: string): string {
  return seedText().replace('LOVP 15 april 2019', `LOVP ${dutchDate}`);
}

export const waitUntil = async (check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
