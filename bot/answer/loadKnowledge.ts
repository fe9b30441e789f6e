// A knowledge base over the reports of a folder, loaded the way the bot loads them (bot/ingest/loadReports.ts):
// for the command-line tools, the benchmarks and the tests.
import { loadReports } from '../ingest/loadReports';
import type { IngestOutcome } from '../ingest/reportLibrary';
import { KnowledgeBase, type KnowledgeOptions } from './knowledgeBase';

export async function loadKnowledge(dir: string, options: Partial<KnowledgeOptions> = {}): Promise<{ kb: KnowledgeBase; rejected: IngestOutcome[] }> {
  const { meetings, rejected } = await loadReports(dir);
  return { kb: new KnowledgeBase(meetings, undefined, options), rejected };
}
