import type { Language } from '../shared/language';
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

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2019-04-15 -> "15 april 2019" (nl) or "15 April 2019" (en). */
export function formatDate(iso: string, language: Language = 'nl'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = language === 'en' ? MONTHS_EN : MONTHS_NL;
  return `${d} ${months[m - 1]} ${y}`;
}
