// The reports of a folder, read once the way the bot reads them (reportLibrary.ts: per meeting date the most
// recently written valid file wins): for the command-line tools, the benchmarks and the tests.
import type { Meeting } from '../corpus/meeting';
import { ReportLibrary, type IngestOutcome, type LibraryOptions } from './reportLibrary';

export interface LoadedReports {
  /** Oldest first. */
  meetings: Meeting[];
  /** Files that could not be taken in, each with its reason (outcome.error.text(language)). */
  rejected: IngestOutcome[];
}

export async function loadReports(dir: string, options: LibraryOptions = {}): Promise<LoadedReports> {
  const library = new ReportLibrary(dir, options);
  const outcomes = await library.scan();
  return { meetings: [...library.meetings], rejected: outcomes.filter((o) => o.kind === 'rejected') };
}
