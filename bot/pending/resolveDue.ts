// When a follow-up is due, read from the Dutch time phrase in its sentence and resolved against the meeting
// date: "24 juni" after 15 april 2019 is 2019-06-24, "het LOVP van februari" after 23 november 2020 is 2021-02,
// "eind mei" is that month, "na de zomer" September, "begin 2021" the year. "Volgend LOVP" and "volgende keer"
// point at the next meeting, whose date the report does not give (due null, kind 'next-meeting').
import { isoDate, isoMonth, monthNumber } from '../corpus/dutchDates';

export type DueKind = 'date' | 'month' | 'season' | 'year' | 'next-meeting';

export interface DueMatch {
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when the phrase names no calendar moment (next meeting). */
  due: string | null;
  kind: DueKind;
  /** The words that gave the due date, as written. */
  phrase: string;
  /** Where the phrase starts in the sentence. */
  index: number;
}

// Dutch month names only: the English ones ("may", "march") are ordinary words in the rare English sentence.
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const MONTHS_ABBR = `${MONTHS}|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec`;
const YEAR = '((?:19|20)\\d{2})';
/** Marks a date in the past: "23 november jl.", "afgelopen juni", "vorige maand". */
const PAST_AFTER = /^\s*(?:jl\.?|j\.l\.|jongstleden|laatstleden|l\.l\.)/i;
const PAST_BEFORE = /\b(?:afgelopen|vorige|vorig|sinds|sedert|eerder in|terugblik op)\s+(?:het\s+lovp\s+(?:van|in)\s+)?$/i;

interface Pattern {
  re: RegExp;
  /** Lower ranks win over higher ones when a sentence holds several phrases. */
  rank: number;
  resolve: (m: RegExpExecArray, meeting: MeetingDate) => Omit<DueMatch, 'phrase' | 'index'> | undefined;
}

interface MeetingDate {
  year: number;
  month: number;
  day: number;
  iso: string;
}

/** The first occurrence of a month on or after the meeting month (strictly after it when `after` is set). */
function nextMonth(meeting: MeetingDate, month: number, after = false): number {
  return month > meeting.month || (month === meeting.month && !after) ? meeting.year : meeting.year + 1;
}

function monthOf(word: string): number | undefined {
  return monthNumber(word.replace(/\.$/, ''));
}

const PATTERNS: Pattern[] = [
  {
    // "9 maart 2020", "op 24 juni 2019"
    re: new RegExp(`\\b(\\d{1,2})(?:e|ste|de)?\\s+(${MONTHS_ABBR})\\.?\\s+${YEAR}\\b`, 'gi'),
    rank: 0,
    resolve: (m) => {
      const iso = isoDate(+m[3], monthOf(m[2])!, +m[1]);
      return iso ? { due: iso, kind: 'date' } : undefined;
    },
  },
  {
    // "12-03-2021", "12/3/2021"
    re: /\b(\d{1,2})[-/](\d{1,2})[-/]((?:19|20)\d{2})\b/g,
    rank: 0,
    resolve: (m) => {
      const iso = isoDate(+m[3], +m[2], +m[1]);
      return iso ? { due: iso, kind: 'date' } : undefined;
    },
  },
  {
    // "24 juni", "op 9 maart a.s.": the next such day on or after the meeting
    re: new RegExp(`\\b(\\d{1,2})(?:e|ste|de)?\\s+(${MONTHS_ABBR})\\b\\.?(?!\\s*(?:19|20)\\d{2})`, 'gi'),
    rank: 0,
    resolve: (m, meeting) => {
      const month = monthOf(m[2])!;
      const day = +m[1];
      const sameYear = month > meeting.month || (month === meeting.month && day >= meeting.day);
      const iso = isoDate(sameYear ? meeting.year : meeting.year + 1, month, day);
      return iso ? { due: iso, kind: 'date' } : undefined;
    },
  },
  {
    // "in het LOVP van februari", "het februari-LOVP", "het LOVP in juni 2021": a later meeting, so never this month
    re: new RegExp(`\\blovp\\s+(?:van|in)\\s+(${MONTHS})(?:\\s+${YEAR})?\\b|\\b(${MONTHS})-?lovp\\b`, 'gi'),
    rank: 1,
    resolve: (m, meeting) => {
      const month = monthOf(m[1] ?? m[3])!;
      return { due: isoMonth(m[2] ? +m[2] : nextMonth(meeting, month, true), month), kind: 'month' };
    },
  },
  {
    // "volgend LOVP", "het volgende overleg", "volgende keer", "een volgende vergadering"
    re: /\b(?:(?:eerst)?volgende?|komende?)\s+(?:lovp|overleg|vergadering|bijeenkomst|keer|gelegenheid)\b/gi,
    rank: 1,
    resolve: () => ({ due: null, kind: 'next-meeting' }),
  },
  {
    // "juni 2020", "eind mei 2021"
    re: new RegExp(`\\b(?:(?:begin|eind|einde|medio|half|halverwege|midden|uiterlijk)\\s+)?(${MONTHS})\\s+${YEAR}\\b`, 'gi'),
    rank: 2,
    resolve: (m) => ({ due: isoMonth(+m[2], monthOf(m[1])!), kind: 'month' }),
  },
  {
    // "eind mei", "in september", "in april wederom", "voor juni", "half februari": the next such month
    re: new RegExp(`\\b(?:begin|eind|einde|medio|half|halverwege|midden|uiterlijk|in|per|voor|vóór|rond|vanaf|na)\\s+(?:de\\s+maand\\s+)?(${MONTHS})\\b`, 'gi'),
    rank: 2,
    resolve: (m, meeting) => ({ due: isoMonth(nextMonth(meeting, monthOf(m[1])!), monthOf(m[1])!), kind: 'month' }),
  },
  {
    // Seasons: "na de zomer", "voor de zomer", "in het najaar (van 2021)", "dit voorjaar"
    re: new RegExp(`\\b(na|voor|vóór|in|tijdens|dit|deze|komend|komende|het)\\s+(?:de\\s+|het\\s+)?(zomer|zomerreces|voorjaar|najaar|winter)(?:\\s+(?:van\\s+)?${YEAR})?\\b`, 'gi'),
    rank: 3,
    resolve: (m, meeting) => {
      const season = m[2].toLowerCase();
      // The month a follow-up placed in that season is expected.
      const month = m[1].toLowerCase() === 'na' ? (season === 'voorjaar' ? 6 : season === 'winter' ? 3 : season === 'najaar' ? 12 : 9)
        : /^v/i.test(m[1]) && /zomer/.test(season) ? 6
          : season === 'voorjaar' ? 4 : season === 'najaar' ? 10 : season === 'winter' ? 12 : 7;
      const year = m[3] ? +m[3] : nextMonth(meeting, month);
      return { due: isoMonth(year, month), kind: 'season' };
    },
  },
  {
    // "eind dit jaar", "voor het eind van het jaar", "voor de jaarwisseling"
    re: /\b(?:eind|einde|voor het eind(?:e)?|aan het eind(?:e)?|tegen het eind(?:e)?|vóór het eind(?:e)?)\s+(?:van\s+)?(?:dit|het|het lopende)\s+jaar\b|\bvoor de jaarwisseling\b/gi,
    rank: 3,
    resolve: (_m, meeting) => ({ due: isoMonth(meeting.year, 12), kind: 'month' }),
  },
  {
    // "begin 2021", "in 2022", "eind 2020", "medio 2021", "uiterlijk 2022", "begin volgend jaar"
    re: new RegExp(`\\b(begin|eind|einde|medio|halverwege|in|uiterlijk|vóór|per|in de loop van)\\s+(?:het\\s+jaar\\s+)?(${YEAR.slice(1, -1)}|volgend jaar|dit jaar|het komende jaar)\\b`, 'gi'),
    rank: 4,
    resolve: (m, meeting) => {
      const word = m[1].toLowerCase();
      const which = m[2].toLowerCase();
      const year = /^\d/.test(which) ? +which : which === 'dit jaar' ? meeting.year : meeting.year + 1;
      if (word === 'eind' || word === 'einde') return { due: isoMonth(year, 12), kind: 'month' };
      if (word === 'vóór') return { due: isoMonth(year - 1, 12), kind: 'month' };
      return { due: String(year), kind: 'year' };
    },
  },
  {
    // "(het) komende half jaar", "binnen een half jaar", "over drie maanden", "volgende maand", "volgend jaar"
    re: /\b(?:het\s+)?(?:komende|binnen\s+een|binnen|over\s+een|over)\s+(half\s+jaar|jaar|(?:\d+|twee|drie|vier|zes)\s+maanden|maand)\b|\bvolgende\s+maand\b|\bvolgend\s+jaar\b/gi,
    rank: 4,
    resolve: (m, meeting) => {
      const text = m[0].toLowerCase();
      const months = /half jaar/.test(text) ? 6 : /volgend jaar/.test(text) ? -1 : /jaar/.test(text) ? 12
        : /maanden/.test(text) ? wordNumber(m[1]) : 1;
      if (months < 0) return { due: String(meeting.year + 1), kind: 'year' };
      const total = meeting.month - 1 + months;
      return { due: isoMonth(meeting.year + Math.floor(total / 12), (total % 12) + 1), kind: 'month' };
    },
  },
];

function wordNumber(words: string): number {
  const n = /\d+/.exec(words)?.[0];
  if (n) return +n;
  return { twee: 2, drie: 3, vier: 4, zes: 6 }[words.split(/\s+/)[0].toLowerCase()] ?? 1;
}

function parseMeetingDate(iso: string): MeetingDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day, iso };
}

/** Every future time phrase in the sentence, in text order. Dates before the meeting and past phrases are left out. */
export function findDuePhrases(sentence: string, meetingDate: string): DueMatch[] {
  const meeting = parseMeetingDate(meetingDate);
  const found: (DueMatch & { rank: number; end: number })[] = [];
  // Spans already read, kept or not: "maart 2020" inside a past "3 maart 2020" is that same past date.
  const taken: { index: number; end: number }[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(sentence))) {
      const index = m.index;
      const end = index + m[0].length;
      if (taken.some((t) => index >= t.index && end <= t.end)) continue;
      taken.push({ index, end });
      if (PAST_AFTER.test(sentence.slice(end)) || PAST_BEFORE.test(sentence.slice(0, index))) continue;
      const r = p.resolve(m, meeting);
      if (!r || (r.due && r.due < meeting.iso.slice(0, r.due.length))) continue;
      found.push({ ...r, phrase: m[0], index, rank: p.rank, end });
    }
  }
  return found
    .filter((f) => !found.some((g) => g !== f && g.index <= f.index && g.end >= f.end && g.end - g.index > f.end - f.index))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ rank: _rank, end: _end, ...rest }) => rest);
}

/** The due moment a sentence names: the most precise kind of phrase, the first one of that kind. */
export function resolveDue(sentence: string, meetingDate: string): DueMatch | undefined {
  return findDuePhrases(sentence, meetingDate)[0];
}
