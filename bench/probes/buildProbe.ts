// Child process for the build and memory benchmark: parses a corpus, builds one engine's index, and prints
// timings and memory as one JSON line. Run with --expose-gc so the memory figures are after a full collection.
// Usage: node --expose-gc dist/bench/probes/buildProbe.js --data DIR --engine bot|lunr|none
import { loadReports } from '../../bot/ingest/loadReports';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { baselineDocs } from '../latency';
import { plainLunr } from '../baselines/plainLunr';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];

async function main() {
  const engine = arg('--engine');
  const t0 = performance.now();
  const { meetings } = await loadReports(arg('--data'));
  const t1 = performance.now();
  let keep: unknown;
  if (engine === 'bot') keep = new KnowledgeBase(meetings);
  else if (engine === 'lunr') keep = plainLunr(baselineDocs(meetings));
  else if (engine !== 'none') throw new Error(`unknown engine ${engine}`);
  const t2 = performance.now();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const sections = meetings.reduce((n, m) => n + m.sections.length, 0);
  console.log(JSON.stringify({ engine, meetings: meetings.length, sections, parseMs: t1 - t0, buildMs: t2 - t1, rss, heapUsed, peakRss, kept: keep !== undefined }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
