// Every Dutch time expression in a report sentence, resolved against the meeting date: "24 juni", "eind mei",
// "in het LOVP van februari", "volgend LOVP", "het eerste kwartaal van 2023", "in het najaar van 2024",
// "voor de zomer", "na het zomerreces", "medio 2024", "begin volgend jaar", "over drie maanden".
//
// Each gets the moment it names ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') and whether it lies ahead of the meeting
// or behind it. A report is written after its meeting, so a bare day or month looks forward ("24 juni" in April
// is this June), unless its clause is in the past tense ("In januari is de brief verstuurd") or the words say
// so ("23 november jl.", "afgelopen zomer"). The meeting's own day is not ahead of it ('past').
//
// A vague period resolves to the last month it allows, read as a deadline: Q1 -> March, "eerste helft" -> June,
// "voor de zomer" -> June, "in de zomer" -> August, "na de zomer" / "na het zomerreces" -> September,
// "voorjaar" -> May, "najaar" -> November, "winter" -> February, "eind mei" -> May, "medio 2024" -> 2024-06,
// "eind 2024" -> 2024-12. "begin 2024" -> 2024-02 (the first two months), "begin Q2" -> April.
// "in 2026" stays '2026': the report names no month. "Volgend LOVP" and "binnenkort" name no calendar moment
// (value null, kind 'next-meeting' or 'soon').
import { clauseAt, splitClauses, type Clause } from './dutchClauses';
import { isoDate, isoMonth, monthNumber, DUTCH_MONTH_NAMES_PATTERN, DUTCH_MONTH_PATTERN } from './dates';

export type TimeKind = 'date' | 'month' | 'quarter' | 'half-year' | 'season' | 'year' | 'next-meeting' | 'soon';

export interface TimeExpression {
  /** The words as written, e.g. "in het eerste kwartaal van 2023". */
  text: string;
  /** Start and end (exclusive) in the sentence. */
  index: number;
  end: number;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when no calendar moment is named ('next-meeting', 'soon'). */
  value: string | null;
  kind: TimeKind;
  /** Ahead of the meeting date or not ('past' also for the meeting's own day). */
  direction: 'future' | 'past';
  /** The clause that carries it (see dutchClauses.ts): the time belongs to that clause's verb. */
  clause: Clause;
}

interface Meeting {
  year: number;
  month: number;
  day: number;
  iso: string;
}

/** How a pattern resolves: `back` is true when the expression points to the past (clause tense, "jl."). */
type Resolve = (m: RegExpExecArray, meeting: Meeting, back: boolean) => { value: string | null; kind: TimeKind } | undefined;

interface Pattern {
  re: RegExp;
  resolve: Resolve;
}

// Dutch month names only: English "may" and "march" are ordinary words in the rare English sentence.
const MONTH = `(${DUTCH_MONTH_PATTERN})`;
const FULL_MONTH = `(${DUTCH_MONTH_NAMES_PATTERN})`;
const YEAR = '((?:19|20)\\d{2})';
const ORDINAL: Record<string, number> = { eerste: 1, '1e': 1, '1ste': 1, tweede: 2, '2e': 2, '2de': 2, derde: 3, '3e': 3, '3de': 3, vierde: 4, '4e': 4, '4de': 4, laatste: 4 };
const ORDINALS = '(eerste|1e|1ste|tweede|2e|2de|derde|3e|3de|vierde|4e|4de|laatste)';
const NUMBER: Record<string, number> = { een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, twaalf: 12 };
const COUNT = '(\\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)';
/** Where in a period: "begin", "medio", "eind" and their spellings. */
const PART = '(begin|eind|einde|medio|half|halverwege|midden|uiterlijk\\s+eind|uiterlijk\\s+begin)';
const PART_OF = `(?:(?:het|de)\\s+)?${PART}\\s+(?:van\\s+)?(?:het\\s+|de\\s+)?`;

const count = (word: string) => (/^\d+$/.test(word) ? +word : NUMBER[word.toLowerCase()] ?? 1);
const monthOf = (word: string) => monthNumber(word)!;
const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

/** The month a part of a period points to: begin -> its second month (of a year) or first, medio -> middle, eind -> last. */
function partMonth(part: string, first: number, last: number): number {
  const p = lower(part).replace(/^uiterlijk /, '');
  if (p === 'begin') return last - first >= 11 ? first + 1 : first;
  if (p === 'medio' || p === 'half' || p === 'halverwege' || p === 'midden') return last - first >= 11 ? 6 : Math.round((first + last) / 2);
  return last;
}

function addMonths(meeting: Meeting, months: number): string {
  const total = meeting.month - 1 + months;
  return isoMonth(meeting.year + Math.floor(total / 12), (total % 12) + 1);
}

/** The year of the next (or, looking back, the last) time `month` comes round, the meeting month included. */
function yearOfMonth(meeting: Meeting, month: number, back: boolean, strictlyAfter = false): number {
  if (back) return month <= meeting.month ? meeting.year : meeting.year - 1;
  return month > meeting.month || (month === meeting.month && !strictlyAfter) ? meeting.year : meeting.year + 1;
}

/** A season word and what comes before it -> the month meant (see the file comment) and how far it reaches. */
function seasonMonth(before: string, season: string): number {
  const b = lower(before);
  const s = season.toLowerCase().replace(/^(?:de|het)\s+/, '');
  const isBefore = /^(?:voor|vóór|tegen)\b/.test(b);
  const isAfter = /^(?:na|na afloop van|direct na|kort na|meteen na)\b/.test(b);
  if (/zomer/.test(s)) return isBefore ? 6 : isAfter ? 9 : 8;
  if (s === 'voorjaar' || s === 'lente') return isBefore ? 2 : isAfter ? 6 : 5;
  if (s === 'najaar' || s === 'herfst') return isBefore ? 8 : isAfter ? 12 : 11;
  if (s === 'kerst' || s === 'kerstreces' || s === 'kerstvakantie' || s === 'jaarwisseling') return isAfter ? 13 : 12;
  if (s === 'prinsjesdag') return isAfter ? 10 : 9;
  // winter: December to February
  return isBefore ? 11 : isAfter ? 15 : 14;
}

const PATTERNS: Pattern[] = [
  {
    // "9 maart 2020", "op 24 juni 2019", "1e juli 2021"
    re: new RegExp(`\\b(\\d{1,2})(?:e|ste|de)?\\s+${MONTH}\\.?\\s+${YEAR}\\b`, 'gi'),
    resolve: (m) => {
      const value = isoDate(+m[3], monthOf(m[2]), +m[1]);
      return value ? { value, kind: 'date' } : undefined;
    },
  },
  {
    // "12-03-2021", "12/3/2021", "12.03.2021"
    re: /\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})\b/g,
    resolve: (m) => {
      const value = isoDate(+m[3], +m[2], +m[1]);
      return value ? { value, kind: 'date' } : undefined;
    },
  },
  {
    // "2021-03-12"
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => {
      const value = isoDate(+m[1], +m[2], +m[3]);
      return value ? { value, kind: 'date' } : undefined;
    },
  },
  {
    // "24 juni", "op 9 maart a.s.", "23 november jl.": the next such day (or the last one, looking back)
    re: new RegExp(`\\b(\\d{1,2})(?:e|ste|de)?\\s+${MONTH}\\b\\.?`, 'gi'),
    resolve: (m, meeting, back) => {
      const month = monthOf(m[2]);
      const day = +m[1];
      const ahead = month > meeting.month || (month === meeting.month && day >= meeting.day);
      const year = back ? (month < meeting.month || (month === meeting.month && day <= meeting.day) ? meeting.year : meeting.year - 1) : ahead ? meeting.year : meeting.year + 1;
      const value = isoDate(year, month, day);
      return value ? { value, kind: 'date' } : undefined;
    },
  },
  {
    // "in het LOVP van februari", "het februari-LOVP", "het LOVP in juni 2021": a later meeting, never this month
    re: new RegExp(`\\b(?:lovp|overleg|vergadering|bijeenkomst)\\s+(?:van|in)\\s+(?:de\\s+maand\\s+)?${FULL_MONTH}(?:\\s+${YEAR})?\\b|\\b${FULL_MONTH}-?(?:lovp|overleg)\\b`, 'gi'),
    resolve: (m, meeting, back) => {
      const month = monthOf(m[1] ?? m[3]);
      return { value: isoMonth(m[2] ? +m[2] : yearOfMonth(meeting, month, back, !back), month), kind: 'month' };
    },
  },
  {
    // "juni 2020", "eind mei 2021", "medio juni 2022", "de maand juni 2021"
    re: new RegExp(`\\b(?:${PART}\\s+(?:van\\s+)?)?${FULL_MONTH}\\s+${YEAR}\\b`, 'gi'),
    resolve: (m) => ({ value: isoMonth(+m[3], monthOf(m[2])), kind: 'month' }),
  },
  {
    // "eind mei", "in september", "voor juni", "half februari", "september a.s.", "na juni"
    re: new RegExp(`\\b(${PART.slice(1, -1)}|in|per|voor|vóór|rond|vanaf|na|tot|tot en met|uiterlijk|omstreeks|tegen|sinds|afgelopen|vorige|komende|volgende)\\s+(?:de\\s+maand\\s+|van\\s+)?${FULL_MONTH}\\b|\\b${FULL_MONTH}(?=\\s+(?:a\\.s\\.|aanstaande|jl\\.|j\\.l\\.|jongstleden)(?:\\s|$|[,;.]))`, 'gi'),
    resolve: (m, meeting, back) => {
      const month = monthOf(m[2] ?? m[3]);
      const after = lower(m[1]) === 'na' ? 1 : 0;
      const year = yearOfMonth(meeting, month, back);
      const total = month + after;
      return { value: isoMonth(total > 12 ? year + 1 : year, ((total - 1) % 12) + 1), kind: 'month' };
    },
  },
  {
    // "Q1 2023", "het eerste kwartaal van 2023", "in het derde kwartaal", "eind Q2", "kwartaal 3"
    re: new RegExp(`\\b(?:${PART_OF})?(?:(?:het|in het)\\s+)?(?:${ORDINALS}\\s+kwartaal|q([1-4])|kwartaal\\s+([1-4]))(?:\\s+(?:van\\s+)?(?:het\\s+jaar\\s+)?(?:${YEAR}|(volgend|komend)\\s+jaar))?\\b`, 'gi'),
    resolve: (m, meeting, back) => {
      const q = m[2] ? ORDINAL[m[2].toLowerCase()] : +(m[3] ?? m[4]);
      const first = q * 3 - 2;
      const month = m[1] ? partMonth(m[1], first, q * 3) : q * 3;
      const year = m[5] ? +m[5] : m[6] ? meeting.year + 1 : back ? (first <= meeting.month ? meeting.year : meeting.year - 1) : q * 3 >= meeting.month ? meeting.year : meeting.year + 1;
      return { value: isoMonth(year, month), kind: 'quarter' };
    },
  },
  {
    // "de eerste helft van 2024", "het tweede halfjaar", "H2 2024"
    re: new RegExp(`\\b(?:(?:de|het|in de|in het)\\s+)?(?:(eerste|tweede)\\s+(?:helft|half\\s*jaar|halfjaar)|h([12]))(?:\\s+(?:van\\s+)?(?:het\\s+jaar\\s+|dit\\s+jaar|volgend\\s+jaar)?${YEAR}?)?\\b`, 'gi'),
    resolve: (m, meeting) => {
      if (m[2] && !m[3]) return undefined; // "H1" alone is too short to trust
      const half = m[1] ? (m[1].toLowerCase() === 'eerste' ? 1 : 2) : +m[2];
      const month = half * 6;
      const next = /volgend\s+jaar/i.test(m[0]);
      const year = m[3] ? +m[3] : next ? meeting.year + 1 : month >= meeting.month ? meeting.year : meeting.year + 1;
      return { value: isoMonth(year, month), kind: 'half-year' };
    },
  },
  {
    // "voor de zomer", "na het zomerreces", "in het najaar van 2024", "dit voorjaar", "eind van de zomer", "voor de kerst"
    re: new RegExp(`\\b((?:direct|kort|meteen)\\s+na|na\\s+afloop\\s+van|na|voor|vóór|tegen|in|tijdens|gedurende|dit|deze|komend|komende|afgelopen|vorige|vorig|rond|rondom|(?:aan\\s+het\\s+|het\\s+)?(?:begin|eind|einde)\\s+van|${PART.slice(1, -1)})\\s+(?:de\\s+|het\\s+)?(zomer(?:reces|vakantie|periode)?|voorjaar|lente|najaar|herfst|winter|kerst(?:reces|vakantie)?|jaarwisseling|prinsjesdag)(?:\\s+(?:van\\s+)?${YEAR})?\\b`, 'gi'),
    resolve: (m, meeting, back) => {
      const before = lower(m[1]);
      let month = seasonMonth(before, m[2]);
      if (/^(?:begin|het begin|aan het begin)/.test(before)) month -= 2;
      else if (/^(?:medio|half|halverwege|midden)/.test(before)) month -= 1;
      // Past December: "deze winter" ends in February, "na de jaarwisseling" is January.
      const calendarMonth = ((month - 1) % 12) + 1;
      const year = m[3] ? +m[3] + (month > 12 ? 1 : 0) : yearOfMonth(meeting, calendarMonth, back || /^(?:afgelopen|vorige|vorig)/.test(before));
      return { value: isoMonth(year, calendarMonth), kind: 'season' };
    },
  },
  {
    // "eind dit jaar", "voor het eind van het jaar", "begin volgend jaar", "medio volgend jaar", "nog dit jaar"
    re: new RegExp(`\\b(?:(?:voor|vóór|tegen|aan|uiterlijk|rond)\\s+)?(?:het\\s+)?(?:${PART}\\s+(?:van\\s+)?)?(?:nog\\s+)?(dit\\s+jaar|het\\s+jaar|het\\s+lopende\\s+jaar|volgend\\s+jaar|volgende\\s+jaar|komend\\s+jaar|het\\s+komende\\s+jaar|het\\s+nieuwe\\s+jaar|vorig\\s+jaar|het\\s+afgelopen\\s+jaar|afgelopen\\s+jaar)\\b|\\bvoor\\s+het\\s+jaareinde\\b|\\bjaareinde\\b`, 'gi'),
    resolve: (m, meeting) => {
      const which = lower(m[2]);
      const part = m[1];
      if (!which) return { value: isoMonth(meeting.year, 12), kind: 'month' };
      if (which === 'het jaar' && !part) return undefined; // "het jaar" alone is not a time
      if (/komende jaar/.test(which) && !part) return { value: addMonths(meeting, 12), kind: 'month' };
      const year = /vorig|afgelopen/.test(which) ? meeting.year - 1 : /volgend|komend|nieuwe/.test(which) ? meeting.year + 1 : meeting.year;
      if (!part) return { value: String(year), kind: 'year' };
      return { value: isoMonth(year, partMonth(part, 1, 12)), kind: 'month' };
    },
  },
  {
    // "begin 2021", "in 2022", "eind 2020", "medio 2024", "uiterlijk 2022", "vóór 2024", "in de loop van 2023"
    re: new RegExp(`\\b(${PART.slice(1, -1)}|in|uiterlijk|vóór|voor|per|vanaf|tot|tot en met|sinds|in de loop van|rond|het jaar|met ingang van|m\\.i\\.v\\.)\\s+(?:van\\s+)?(?:het\\s+jaar\\s+)?${YEAR}\\b(?!\\s*[-–/]\\s*\\d)`, 'gi'),
    resolve: (m) => {
      const word = lower(m[1]);
      const year = +m[2];
      if (/^(?:begin|eind|einde|medio|half|halverwege|midden|uiterlijk eind|uiterlijk begin)$/.test(word)) return { value: isoMonth(year, partMonth(word, 1, 12)), kind: 'month' };
      if (word === 'vóór') return { value: isoMonth(year - 1, 12), kind: 'month' };
      if (word === 'per' || word === 'met ingang van' || word === 'm.i.v.') return { value: isoMonth(year, 1), kind: 'month' };
      return { value: String(year), kind: 'year' };
    },
  },
  {
    // "volgende maand", "deze maand", "eind van de maand", "over drie maanden", "binnen een half jaar", "over twee weken"
    re: new RegExp(`\\b(?:(?:het|de)\\s+)?(?:komende|binnen(?:\\s+een)?|over(?:\\s+een)?|in\\s+de\\s+komende|na)\\s+(half\\s+jaar|jaar|${COUNT}\\s+(maanden|maand|weken|week|jaar))\\b|\\b(volgende|komende|deze|vorige|afgelopen)\\s+(maand|week)\\b|\\b(?:eind|einde|het\\s+eind|het\\s+einde)\\s+van\\s+(?:de|deze)\\s+maand\\b`, 'gi'),
    resolve: (m, meeting) => {
      const text = lower(m[0]);
      if (/^(?:eind|einde|het eind|het einde) van/.test(text)) return { value: isoMonth(meeting.year, meeting.month), kind: 'month' };
      if (m[4]) {
        const sign = /vorige|afgelopen/.test(m[4].toLowerCase()) ? -1 : /deze/.test(m[4].toLowerCase()) ? 0 : 1;
        if (m[5].toLowerCase() === 'maand') return { value: addMonths(meeting, sign), kind: 'month' };
        const day = new Date(Date.UTC(meeting.year, meeting.month - 1, meeting.day + 7 * sign));
        return { value: isoMonth(day.getUTCFullYear(), day.getUTCMonth() + 1), kind: 'month' };
      }
      if (m[1].toLowerCase().replace(/\s+/g, ' ') === 'half jaar') return { value: addMonths(meeting, 6), kind: 'month' };
      if (m[1].toLowerCase() === 'jaar') return { value: addMonths(meeting, 12), kind: 'month' };
      const n = count(m[2]);
      const unit = m[3].toLowerCase();
      if (unit === 'jaar') return { value: String(meeting.year + n), kind: 'year' };
      if (unit.startsWith('maand')) return { value: addMonths(meeting, n), kind: 'month' };
      const day = new Date(Date.UTC(meeting.year, meeting.month - 1, meeting.day + 7 * n));
      return { value: isoMonth(day.getUTCFullYear(), day.getUTCMonth() + 1), kind: 'month' };
    },
  },
  {
    // "volgend LOVP", "het volgende overleg", "volgende keer", "een volgende vergadering", "het eerstvolgende LOVP"
    re: /\b(?:(?:eerst)?volgende?|komende?)\s+(?:lovp(?:-vergadering|-overleg)?|overleg|vergadering|bijeenkomst|keer|gelegenheid)\b|\bvolgende\s+lovp'?s\b/gi,
    resolve: () => ({ value: null, kind: 'next-meeting' }),
  },
  {
    // "binnenkort", "op korte termijn", "zo snel mogelijk", "de komende tijd", "z.s.m."
    re: /\bbinnenkort\b|\bop\s+(?:korte|zo\s+kort\s+mogelijke|afzienbare)\s+termijn\b|\bzo\s+(?:snel|spoedig)\s+mogelijk\b|\bz\.s\.m\.?|\bspoedig\b|\bde\s+komende\s+(?:tijd|periode|weken|maanden)\b|\bin\s+de\s+nabije\s+toekomst\b/gi,
    resolve: () => ({ value: null, kind: 'soon' }),
  },
];

/** Words right before an expression that put it in the past: "afgelopen juni", "sinds maart", "eerder in mei". */
const PAST_BEFORE = /\b(?:afgelopen|vorige|vorig|sinds|sedert|eerder\s+in|terugblik\s+op|terugkijkend\s+op)\s+(?:het\s+lovp\s+(?:van|in)\s+)?$/i;
const PAST_WORD = /^(?:afgelopen|vorige|vorig|sinds|sedert)\b/i;
/** Words right after it: "23 november jl.", "vorige week". */
const PAST_AFTER = /^\s*(?:jl\.?|j\.l\.|jongstleden|laatstleden|l\.l\.|geleden)/i;
const FUTURE_AFTER = /^\s*(?:a\.s\.?|aanstaande)/i;
const FUTURE_WORD = /^(?:komende?|volgende?|eerstvolgende)\b/i;

function parseMeeting(iso: string): Meeting {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day, iso };
}

/** The last day a value covers, YYYY-MM-DD. */
function lastDay(value: string): string {
  if (value.length === 10) return value;
  if (value.length === 7) {
    const [y, m] = value.split('-').map(Number);
    return `${value}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return `${value}-12-31`;
}

interface Candidate {
  index: number;
  end: number;
  text: string;
  m: RegExpExecArray;
  pattern: Pattern;
  order: number;
}

/**
 * Every time expression in the sentence, in text order, each resolved against `meetingDate` (YYYY-MM-DD).
 * Overlapping readings keep the longest ("24 juni 2019" is one date, not also "juni 2019").
 */
export function findTimeExpressions(sentence: string, meetingDate: string): TimeExpression[] {
  const meeting = parseMeeting(meetingDate);
  const candidates: Candidate[] = [];
  PATTERNS.forEach((pattern, order) => {
    pattern.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.re.exec(sentence))) {
      const text = m[0].replace(/\s+$/, '');
      if (!text) {
        pattern.re.lastIndex++;
        continue;
      }
      candidates.push({ index: m.index, end: m.index + text.length, text, m, pattern, order });
    }
  });
  candidates.sort((a, b) => b.end - b.index - (a.end - a.index) || a.order - b.order);
  const kept: Candidate[] = [];
  for (const c of candidates) if (!kept.some((k) => c.index < k.end && c.end > k.index)) kept.push(c);

  let clauses: Clause[] | undefined;
  const result: TimeExpression[] = [];
  for (const c of kept.sort((a, b) => a.index - b.index)) {
    clauses ??= splitClauses(sentence);
    const clause = clauseAt(clauses, c.index)!;
    const before = sentence.slice(Math.max(0, c.index - 40), c.index);
    const after = sentence.slice(c.end, c.end + 20);
    const saysPast = PAST_BEFORE.test(before) || PAST_AFTER.test(after) || PAST_WORD.test(c.text);
    const saysFuture = FUTURE_AFTER.test(after) || FUTURE_WORD.test(c.text);
    const back = saysPast || (!saysFuture && clause.tense === 'past');
    const resolved = c.pattern.resolve(c.m, meeting, back);
    if (!resolved) continue;
    let direction: 'future' | 'past';
    if (resolved.value === null) direction = saysPast ? 'past' : 'future';
    else if (lastDay(resolved.value) <= meeting.iso) direction = 'past';
    else if (resolved.value.length === 10) direction = 'future';
    else direction = back ? 'past' : 'future';
    result.push({ text: c.text, index: c.index, end: c.end, value: resolved.value, kind: resolved.kind, direction, clause });
  }
  return result;
}
