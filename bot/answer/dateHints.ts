// Dates in a question narrow the meetings it is about: "in het LOVP van 10 februari 2020",
// "in oktober 2019", "in 2017", "het laatste LOVP", "the last meeting".
import { findFullDate, isoMonth, MONTH_PATTERN, monthNumber } from '../corpus/dutchDates';

export interface DateHint {
  /** Prefix of the meeting dates asked about: "2020-02-10", "2019-10" or "2017"; "latest" for the newest meeting. */
  prefix: string;
  /** The question with the date words taken out, so they are not searched as terms. */
  rest: string;
}

const MONTH_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{4})\\b`, 'i');
const YEAR = /\b(?:in|uit|van|from|of|during|tijdens)?\s*((?:19|20)\d{2})\b/i;
const LATEST = /\b(?:laatste|vorige|recentste|meest recente|jongste|last|latest|previous|most recent)\s+(?:lovp|vergadering|overleg|meeting)\b/i;
const FULL = new RegExp(`\\b\\d{1,2}(?:e|ste|de)?\\s+(?:${MONTH_PATTERN})\\.?,?\\s+\\d{4}\\b|\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'i');

export function findDateHint(question: string): DateHint | undefined {
  const full = FULL.exec(question);
  const iso = full && findFullDate(full[0]);
  if (full && iso) return { prefix: iso, rest: question.replace(full[0], ' ') };
  const my = MONTH_YEAR.exec(question);
  if (my) return { prefix: isoMonth(+my[2], monthNumber(my[1])!), rest: question.replace(my[0], ' ') };
  const y = YEAR.exec(question);
  if (y) return { prefix: y[1], rest: question.replace(y[0], ' ') };
  const latest = LATEST.exec(question);
  if (latest) return { prefix: 'latest', rest: question.replace(latest[0], ' ') };
  return undefined;
}

/** The meeting dates a hint selects: exact first, then the same month, then the same year; none when nothing fits. */
export function datesMatching(hint: DateHint, dates: string[]): Set<string> {
  if (hint.prefix === 'latest') return new Set(dates.length ? [dates.reduce((a, b) => (a > b ? a : b))] : []);
  for (const len of [10, 7, 4]) {
    if (hint.prefix.length < len) continue;
    const p = hint.prefix.slice(0, len);
    const hit = dates.filter((d) => d.startsWith(p));
    if (hit.length) return new Set(hit);
  }
  return new Set();
}
