// Dates in a question. One that names a meeting or a period of meetings ("in het LOVP van 10 februari 2020",
// "in oktober 2019", "in 2017", "het laatste LOVP", "the latest meeting") narrows the meetings searched; a year
// that belongs to the topic ("het overschot van 2023 en 2024", "the 2021 budget") only makes those years' meetings
// rank a little higher.
import { findFullDate, isoMonth, MONTH_PATTERN, monthNumber } from '../corpus/dates';

export interface DateHint {
  /** Prefix of the meeting dates asked about ("2020-02-10", "2019-10", "2017", "--02" for a month of any year),
   *  or "latest" for the newest meeting; absent when the question names no meeting. */
  filter?: string;
  /** Years named in the question that are not a filter. */
  years: string[];
  /** The question with the meeting-naming words taken out, so they are not searched as terms. */
  rest: string;
}

const MEETING = '(?:lovp|vergadering|overleg|bijeenkomst|meeting|the meeting|het lovp|de vergadering)';
const FULL = new RegExp(`\\b\\d{1,2}(?:e|ste|de|st|nd|rd|th)?\\s+(?:${MONTH_PATTERN})\\.?,?\\s+\\d{4}\\b|\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'i');
/** "in oktober 2019", "LOVP van februari 2020", "March 2021": a month and year name a meeting. */
const MONTH_YEAR = new RegExp(`\\b(?:${MEETING}\\s+(?:van|of|in)\\s+|(?:in|tijdens|during|from)\\s+)?(${MONTH_PATTERN})\\.?\\s+(\\d{4})\\b`, 'i');
/** "het LOVP van februari", "the February meeting". */
const MEETING_MONTH = new RegExp(`\\b${MEETING}\\s+(?:van|of|in)\\s+(${MONTH_PATTERN})\\b|\\b(${MONTH_PATTERN})\\s+(?:lovp|meeting)\\b`, 'i');
/** "in 2022", "tijdens 2019", "het LOVP van 2020": a period of meetings. */
const PERIOD_YEAR = new RegExp(`\\b(?:in|tijdens|during|(?:${MEETING})\\s+(?:van|of|in))\\s+(?:(?:het jaar|the year)\\s+)?((?:19|20)\\d{2})\\b(?!\\s*[-/]\\s*\\d)`, 'i');
const LATEST = /\b(?:(?:het|de|the)\s+)?(?:laatste|vorige|recentste|meest recente|jongste|last|latest|previous|most recent|newest|nieuwste)\s+(?:lovp|vergadering|overleg|bijeenkomst|meeting|terugkoppeling|report)\b/i;
const ANY_YEAR = /\b((?:19|20)\d{2})\b/g;

export function findDateHint(question: string): DateHint | undefined {
  const years = (rest: string) => [...rest.matchAll(ANY_YEAR)].map((m) => m[1]);
  const hint = (filter: string | undefined, found: string): DateHint => {
    const rest = filter ? question.replace(found, ' ') : question;
    return { filter, years: years(rest), rest };
  };
  const full = FULL.exec(question);
  const iso = full && findFullDate(full[0]);
  if (full && iso) return hint(iso, full[0]);
  const my = MONTH_YEAR.exec(question);
  if (my) {
    return hint(isoMonth(+my[2], monthNumber(my[1])!), my[0]);
  }
  const latest = LATEST.exec(question);
  if (latest) return hint('latest', latest[0]);
  const period = PERIOD_YEAR.exec(question);
  if (period) return hint(period[1], period[0]);
  const mm = MEETING_MONTH.exec(question);
  if (mm) return hint(`--${String(monthNumber(mm[1] ?? mm[2])).padStart(2, '0')}`, mm[0]);
  const named = years(question);
  return named.length ? { years: named, rest: question } : undefined;
}

/** The meeting dates a filter selects: exact first, then the same month, then the same year; none when nothing fits.
 *  A month without a year ("--02") selects the newest meeting in that month. */
export function datesMatching(filter: string, dates: string[]): Set<string> {
  if (filter === 'latest') return new Set(dates.length ? [dates.reduce((a, b) => (a > b ? a : b))] : []);
  if (filter.startsWith('--')) {
    const inMonth = dates.filter((d) => d.slice(4, 7) === filter.slice(1)).sort();
    return new Set(inMonth.slice(-1));
  }
  for (const len of [10, 7, 4]) {
    if (filter.length < len) continue;
    const p = filter.slice(0, len);
    const hit = dates.filter((d) => d.startsWith(p));
    if (hit.length) return new Set(hit);
  }
  return new Set();
}
