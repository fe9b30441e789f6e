// Loads every report in a folder. A file that cannot be read or has no dated title is reported
// by name and skipped; the other files still load.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { extractFileText, isReportFile } from './extractText';
import type { Meeting } from './meeting';
import { parseReport, ReportError } from './parseReport';

export interface LoadResult {
  meetings: Meeting[];
  errors: ReportError[];
}

export async function loadReport(file: string): Promise<Meeting> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await extractFileText(file);
  } catch (err) {
    throw new ReportError(name, `cannot be read (${(err as Error).message})`);
  }
  return parseReport(text, name);
}

export async function loadCorpus(dir: string): Promise<LoadResult> {
  const names = (await readdir(dir)).filter(isReportFile).sort();
  const meetings: Meeting[] = [];
  const errors: ReportError[] = [];
  for (const name of names) {
    try {
      meetings.push(await loadReport(path.join(dir, name)));
    } catch (err) {
      errors.push(err instanceof ReportError ? err : new ReportError(name, (err as Error).message));
    }
  }
  return { meetings: sortByDate(meetings), errors };
}

/** Oldest first; the same date twice keeps the later file (a corrected version of the report). */
export function sortByDate(meetings: Meeting[]): Meeting[] {
  const byDate = new Map<string, Meeting>();
  for (const m of meetings) byDate.set(m.date, m);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
