// Where a quote stands in its report, and the address of the report page that shows it (bot/teams/reportPage.ts):
//   <PUBLIC_URL>/reports/<date>?section=<n>&sentences=<a-b,c>&lang=<nl|en>#<anchor>
// `section` numbers the report's sections from 0, `sentences` the sentences of that section (as splitSentences cuts
// them) from 0; the page marks those sentences, and the anchor (a slug of the heading) brings the section into view
// without any script. Everything in the query is a number or a language code: nothing a user typed travels in it.
import { splitSentences } from '../answer/sentences';
import type { Meeting, Section } from '../corpus/meeting';
import type { Language } from '../shared/language';
import { foldAccents } from '../shared/foldAccents';
import { oneLine } from '../shared/shorten';

export interface QuoteLocation {
  date: string;
  /** Index of the section in the meeting. */
  section: number;
  /** Indexes of the quoted sentences in the section, ascending. */
  sentences: number[];
}

/** At most this many sentence numbers are read from a link. */
export const MAX_LINKED_SENTENCES = 40;
const MAX_ANCHOR_CHARS = 60;
/** A quote cut at its maximum ends in "…": its last sentence counts when this much of it is quoted. */
const MIN_PREFIX_CHARS = 20;

/** One id per section, from its heading ("Jaarwisseling" -> "jaarwisseling"), unique in the report. */
export function sectionAnchors(sections: Pick<Section, 'heading'>[]): string[] {
  const seen = new Set<string>();
  return sections.map((section, i) => {
    const slug = foldAccents(section.heading).toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').slice(0, MAX_ANCHOR_CHARS).replace(/^-+|-+$/g, '') || `onderwerp-${i + 1}`;
    let anchor = slug;
    for (let n = 2; seen.has(anchor); n++) anchor = `${slug}-${n}`;
    seen.add(anchor);
    return anchor;
  });
}

/** The sentences of a section a quote holds: whole ones, and the last one when the quote was cut in it. */
function quotedSentences(section: Section, quote: string): number[] {
  const text = oneLine(quote);
  // The words after the last whole sentence of a quote cut short.
  const cut = text.endsWith('…') ? text.slice(0, -1).split(/(?<=[.!?])\s+| … /).pop()!.trim() : '';
  const found: number[] = [];
  splitSentences(section.text).forEach((raw, i) => {
    const sentence = oneLine(raw);
    if (text.includes(sentence) || (cut.length >= MIN_PREFIX_CHARS && sentence.startsWith(cut))) found.push(i);
  });
  return found;
}

/** Where an answer's quote is: the meeting, the section of that heading holding most of it, its sentences. */
export function locateQuote(meetings: readonly Meeting[], answer: { date: string; section: string; quote: string }): QuoteLocation | undefined {
  const meeting = meetings.find((m) => m.date === answer.date);
  if (!meeting) return undefined;
  let best: QuoteLocation | undefined;
  meeting.sections.forEach((section, i) => {
    if (section.heading !== answer.section) return;
    const sentences = quotedSentences(section, answer.quote);
    if (!best || sentences.length > best.sentences.length) best = { date: meeting.date, section: i, sentences };
  });
  return best;
}

/** "2-3,7" for [2, 3, 7]. */
export function sentenceRanges(sentences: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    let j = i;
    while (j + 1 < sentences.length && sentences[j + 1] === sentences[j] + 1) j++;
    ranges.push(i === j ? `${sentences[i]}` : `${sentences[i]}-${sentences[j]}`);
    i = j;
  }
  return ranges.join(',');
}

/** The numbers of "2-3,7"; anything that is not a small range list gives none. */
export function parseSentenceRanges(value: string | null): number[] {
  if (!value || value.length > 200 || !/^\d{1,4}(?:-\d{1,4})?(?:,\d{1,4}(?:-\d{1,4})?)*$/.test(value)) return [];
  const out = new Set<number>();
  for (const part of value.split(',')) {
    const [from, to = from] = part.split('-').map(Number);
    for (let n = from; n <= to && out.size < MAX_LINKED_SENTENCES; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** The page of a meeting's report, opened at a section with its quoted sentences marked. */
export function reportUrl(base: string, meeting: Pick<Meeting, 'date' | 'sections'>, location: Omit<QuoteLocation, 'date'>, language: Language): string {
  const anchor = sectionAnchors(meeting.sections)[location.section] ?? '';
  const query = new URLSearchParams({ section: String(location.section) });
  if (location.sentences.length) query.set('sentences', sentenceRanges(location.sentences));
  if (language === 'en') query.set('lang', 'en');
  return `${base}/reports/${meeting.date}?${query}${anchor ? `#${anchor}` : ''}`;
}

/** The link for an answer, or undefined when there is no base URL or its meeting is gone. */
export function answerUrl(base: string | undefined, meetings: readonly Meeting[], answer: { date: string; section: string; quote: string }, language: Language): string | undefined {
  if (!base) return undefined;
  const location = locateQuote(meetings, answer);
  const meeting = location && meetings.find((m) => m.date === location.date);
  return meeting ? reportUrl(base, meeting, location, language) : undefined;
}
