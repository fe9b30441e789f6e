// Dates: read as Dutch reports (and English questions) write them ("15 april 2019", "d.d. 10-04-2017",
// "2019-04-15", "juni 2020"), and written as the bot says them ("15 april 2019", "February 2021"). The one place
// that knows month names, so parser, questions, pending items and cards agree.
import type { Language } from '../shared/language';

const MONTHS: Record<Language, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Three-letter month names for tight spaces ("10 feb", "10 Feb"); Dutch writes March "mrt". */
const SHORT_MONTHS: Record<Language, readonly string[]> = {
  nl: MONTHS.nl.map((m) => (m === 'maart' ? 'mrt' : m.slice(0, 3))),
  en: MONTHS.en.map((m) => m.slice(0, 3)),
};

/** Dutch month abbreviations reports use. */
const DUTCH_ABBREVIATIONS: Record<string, number> = { jan: 1, feb: 2, febr: 2, mrt: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12 };
const DUTCH_MONTHS: Record<string, number> = {
  ...Object.fromEntries(MONTHS.nl.map((m, i) => [m, i + 1])),
  ...DUTCH_ABBREVIATIONS,
};

const MONTH_NAMES: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, febr: 2, february: 2,
  maart: 3, mrt: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const longestFirst = (names: string[]) => names.sort((a, b) => b.length - a.length).join('|');

/** Every Dutch and English month name and abbreviation, as a regular-expression alternation. */
export const MONTH_PATTERN = longestFirst(Object.keys(MONTH_NAMES));
/** Dutch names and abbreviations only: in a report's sentence English "may" and "march" are ordinary words. */
export const DUTCH_MONTH_PATTERN = longestFirst(Object.keys(DUTCH_MONTHS));
/** The twelve Dutch month names. */
export const DUTCH_MONTH_NAMES_PATTERN = longestFirst([...MONTHS.nl]);

/** Month number for a Dutch or English month name or abbreviation, else undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTH_NAMES[word.toLowerCase().replace(/\.$/, '')];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

const WRITTEN = new RegExp(`\\b(\\d{1,2})(?:e|ste|de)?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`, 'i');
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** The first full calendar date in the text, as YYYY-MM-DD. */
export function findFullDate(text: string): string | undefined {
  const candidates: { at: number; iso?: string }[] = [];
  const w = WRITTEN.exec(text);
  if (w) candidates.push({ at: w.index, iso: isoDate(+w[3], monthNumber(w[2])!, +w[1]) });
  const n = NUMERIC.exec(text);
  if (n) candidates.push({ at: n.index, iso: isoDate(+n[3], +n[2], +n[1]) });
  const i = ISO.exec(text);
  if (i) candidates.push({ at: i.index, iso: isoDate(+i[1], +i[2], +i[3]) });
  return candidates.filter((c) => c.iso).sort((a, b) => a.at - b.at)[0]?.iso;
}

const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:e|ste|de)?\\s+(${MONTH_PATTERN})\\b(?!\\.?,?\\s+\\d{4})`, 'gi');

/**
 * The meeting date of a report title: its first date, also when the year is written only once for two meetings
 * ("Korte terugkoppeling LOVP 29 november en extra LOVP 23 november 2021" -> 2021-11-29).
 */
export function findTitleDate(title: string): string | undefined {
  const full = findFullDate(title);
  if (!full) return undefined;
  const fullAt = WRITTEN.exec(title)?.index ?? Infinity;
  for (const m of title.matchAll(DAY_MONTH)) {
    if (m.index >= fullAt) break;
    const year = Number(full.slice(0, 4));
    const month = monthNumber(m[2])!;
    // The year that puts the two meetings closest: "29 december en 4 januari 2022" is December 2021.
    const days = (iso: string) => Math.abs(Date.parse(iso) - Date.parse(full));
    const candidates = [year, year - 1, year + 1].map((y) => isoDate(y, month, +m[1])).filter((d) => d !== undefined);
    if (candidates.length) return candidates.sort((a, b) => days(a) - days(b))[0];
  }
  return full;
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' as words: "15 april 2019", "February 2021", "2021"; anything else as it is. */
export function formatDate(iso: string, language: Language = 'nl'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m || (m[2] && (+m[2] < 1 || +m[2] > 12))) return iso;
  const month = m[2] ? MONTHS[language][+m[2] - 1] : '';
  if (m[3]) return `${+m[3]} ${month} ${m[1]}`;
  return m[2] ? `${month} ${m[1]}` : m[1];
}

/** 'YYYY-MM-DD' as day and short month: "10 feb", "10 Feb"; anything else as it is. */
export function formatShortDay(iso: string, language: Language = 'nl'): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || +m[1] < 1 || +m[1] > 12) return iso;
  return `${+m[2]} ${SHORT_MONTHS[language][+m[1] - 1]}`;
}
