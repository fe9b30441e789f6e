import type { Language } from '../shared/language';
import { formatDate } from './dates';
/** One topic of a report: its heading and its text, lines joined back into paragraphs. */
export interface Section {
  heading: string;
  text: string;
  /** True when the report gave no heading and one was derived from the text. */
  untitled?: boolean;
}

/** One "Bestuurlijke terugkoppeling": a single LOVP meeting. */
export interface Meeting {
  /** Meeting date from the title, YYYY-MM-DD. */
  date: string;
  title: string;
  sections: Section[];
  /** File the meeting was read from (relative name), for error messages and replacement. */
  source: string;
}

/** "LOVP 15 april 2019" style label used in citations. */
export function meetingLabel(m: Pick<Meeting, 'date'>, language: Language = 'nl'): string {
  return `LOVP ${formatDate(m.date, language)}`;
}

