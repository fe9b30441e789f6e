// Plain-text meeting summary for "samenvatting [datum]": per section its heading and one key sentence.
// (The Adaptive Card summary is built elsewhere; this is the text form and the meeting lookup by date.)
import { findFullDate, monthNumber, MONTH_PATTERN } from '../corpus/dutchDates';
import { meetingLabel, type Meeting, type Section } from '../corpus/meeting';
import { truncate } from './truncate';
import type { Language } from './replyLanguage';

const MAX_SENTENCE_CHARS = 300;

/** Sentences that record a decision or a follow-up tell the most about a section. */
const KEY_WORDS = /\b(afgesproken|afspraak|afspraken|besloten|besluit|akkoord|stemt in|stemmen in|toegezegd|zegt toe|zal|zullen|komt terug|terugkomen|agenda)\b/i;

export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z"'‘“(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function keySentence(section: Section): string {
  const all = sentences(section.text);
  const key = all.find((s) => KEY_WORDS.test(s)) ?? all[0] ?? '';
  return truncate(key, MAX_SENTENCE_CHARS);
}

export function summaryText(meeting: Meeting, language: Language): string {
  const title = language === 'nl' ? `**Samenvatting ${meetingLabel(meeting, 'nl')}**` : `**Summary of ${meetingLabel(meeting, 'en')}**`;
  const lines = meeting.sections.map((s) => `- **${s.heading}**: ${keySentence(s)}`);
  return [title, lines.join('\n')].join('\n\n');
}

const MONTH_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{4})\\b`, 'i');
const ISO_MONTH = /\b(\d{4})-(\d{1,2})\b/;
const YEAR = /\b(19|20)\d{2}\b/;

/**
 * The meeting a "samenvatting" argument points at: none given means the latest; otherwise a full date,
 * a month ("februari 2020", "2020-02") or a year, taking the latest meeting that fits.
 * Undefined when nothing fits (or nothing is loaded).
 */
export function findMeeting(meetings: Meeting[], argument: string): Meeting | undefined {
  const byDate = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  const latest = (fits: (m: Meeting) => boolean) => byDate.filter(fits).pop();
  const arg = argument.trim();
  if (!arg) return byDate[byDate.length - 1];
  const full = findFullDate(arg);
  if (full) return latest((m) => m.date === full);
  const monthYear = MONTH_YEAR.exec(arg);
  if (monthYear) {
    const prefix = `${monthYear[2]}-${String(monthNumber(monthYear[1])).padStart(2, '0')}`;
    return latest((m) => m.date.startsWith(prefix));
  }
  const isoMonth = ISO_MONTH.exec(arg);
  if (isoMonth) return latest((m) => m.date.startsWith(`${isoMonth[1]}-${isoMonth[2].padStart(2, '0')}`));
  const year = YEAR.exec(arg);
  if (year) return latest((m) => m.date.startsWith(year[0]));
  return undefined;
}
