// The project compiled once (tsc, as `npm run build` does), for the tests that start processes of their own:
// a bot from compiled JavaScript is ready in about half the time and processor time it takes under tsx, and the
// suite starts a few dozen such processes. The build lives in node_modules/.cache/lovp-test-build/<hash>, keyed by
// the content of everything tsc reads, so it is made again only when a source changed. Made in the mocha global
// setup (test/globalSetup.ts) before the test files run; a helper that needs it without that setup builds it then.
// Built in a folder of its own and renamed into place, so two runs at once never see half a build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'lovp-test-build');
/** What tsc compiles (tsconfig.json "include") and what the build copies, plus what decides how it compiles. */
const SOURCES = ['index.ts', 'bot', 'test', 'bench', 'tsconfig.json', 'package-lock.json'];

function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const file = path.join(root, rel);
    if (!existsSync(file)) return;
    if (readdirSafe(file)) for (const name of readdirSafe(file)!.sort()) visit(path.join(rel, name));
    else if (/\.(ts|tsv|txt|json)$/.test(rel)) hash.update(`${rel}\0`).update(readFileSync(file)).update('\0');
  };
  SOURCES.forEach(visit);
  return hash.digest('hex').slice(0, 16);
}

function readdirSafe(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

let built: string | undefined;

/** The folder holding the compiled project (index.js, bot/, test/), built first when the sources changed. */
export function compiledBuild(): string {
  if (built) return built;
  const dir = path.join(cacheDir, sourceHash());
  if (!existsSync(path.join(dir, 'index.js'))) {
    const temp = `${dir}.${process.pid}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    // tsc writes its output even when it also reports type errors (`npx tsc --noEmit -p .` checks those).
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--outDir', temp], { cwd: root, stdio: 'pipe' });
    } catch (err) {
      if (!existsSync(path.join(temp, 'index.js'))) throw new Error(`the test build failed:\n${(err as { stdout?: Buffer }).stdout ?? err}`);
    }
    cpSync(path.join(root, 'bot', 'search', 'wordlists'), path.join(temp, 'bot', 'search', 'wordlists'), { recursive: true });
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another run put the same build in place first
    }
    // Builds of older sources are of no further use.
    for (const name of readdirSync(cacheDir)) if (name !== path.basename(dir) && !name.endsWith('.tmp')) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
  return (built = dir);
}

/** The compiled form of a project file, e.g. compiledFile('index.ts') -> <build>/index.js. */
export function compiledFile(sourceFile: string): string {
  const rel = path.relative(root, path.resolve(root, sourceFile));
  return path.join(compiledBuild(), rel.replace(/\.ts$/, '.js'));
}
