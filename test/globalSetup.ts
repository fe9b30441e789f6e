// Mocha global setup (.mocharc.json "require"): runs once per `mocha` run, before the test files (in parallel mode
// in the main process, before the workers start), so the test build is made once and not by each worker.
import { compiledBuild } from './helpers/compiledBuild';

export function mochaGlobalSetup(): void {
  const started = Date.now();
  const dir = compiledBuild();
  if (Date.now() - started > 500) console.log(`  (test build ${dir} made in ${Date.now() - started} ms)`);
}
