// Shared CLI for the baseline engines: the same contract as `npm run ask -- --json` (one question a line
// on stdin, one JSON line each), over the same parsed meetings, so the scorers compare engines only.
import { createInterface } from 'node:readline';
import path from 'node:path';
import { loadReports } from '../../bot/ingest/loadReports';
import type { Meeting, Section } from '../../bot/corpus/meeting';

export interface BaselineDoc {
  id: number;
  meeting: Meeting;
  section: Section;
}

/** Returns the ids of the matching docs, best first. */
export type BaselineEngine = (docs: BaselineDoc[]) => (question: string) => number[];

export async function runBaseline(engine: BaselineEngine): Promise<void> {
  const i = process.argv.indexOf('--data');
  const dir = i >= 0 ? process.argv[i + 1] : path.join(__dirname, '..', '..', 'data');
  const { meetings } = await loadReports(dir);
  const docs = meetings.flatMap((meeting) => meeting.sections.map((section) => ({ meeting, section }))).map((d, id) => ({ id, ...d }));
  const search = engine(docs);
  for await (const question of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    let ids: number[] = [];
    try {
      ids = search(question);
    } catch {
      ids = []; // query syntax errors count as no answer
    }
    const answers = ids.slice(0, 5).map((id, rank) => ({
      date: docs[id].meeting.date,
      meeting: docs[id].meeting.title,
      section: docs[id].section.heading,
      quote: docs[id].section.text.slice(0, 600), // no sentence selection: the start of the section
      score: 5 - rank,
    }));
    console.log(JSON.stringify({ question, language: 'nl', answers }));
  }
}
