// Paths of the project, the same whether the benchmarks run from bench/*.ts (tsx) or from dist/bench/*.js.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
/** The seed reports (test/fixtures/seeds), not the working data/ folder that ingest changes. */
export const SEED_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'seeds');
export const DEV_QUESTIONS = path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-questions.jsonl');
