// Turns the raw text of one "Bestuurlijke terugkoppeling" (as extracted from PDF, Word or markdown)
// into a Meeting. PDF extraction leaves lines wrapped at page width, often with blank lines between
// them, headings on their own line or written inline as "Heading: text", and page breaks in the middle
// of paragraphs, so structure is recovered from punctuation and line shape rather than blank lines.
import { findTitleDate } from './dates';
import type { Meeting, Section } from './meeting';

export class ReportError extends Error {
  constructor(readonly source: string, readonly reason: string) {
    super(`${source}: ${reason}`);
  }
}

interface Line {
  text: string;
  /** Blank lines between this line and the previous text line. */
  gap: number;
  markdownHeading: boolean;
  bullet: boolean;
}

const TERMINAL = /[.!?:;]["'”’)]*$/;
const SENTENCE_END = /[.!?]["'”’)]*$/;
const STARTS_UPPER = /^["'“‘(]?[\p{Lu}\d]/u;
const PAGE_NOISE = /^(?:-?\s*\d{1,3}\s*-?|pagina \d+( van \d+)?|page \d+( of \d+)?)$/i;
const TRAILING_FUNCTION_WORD = /\s(?:de|het|een|van|met|en|of|op|in|voor|naar|te|die|dat|om|bij|aan|over|tot|als|door|uit|is|zijn|wordt|worden|heeft|hebben|zal|kan|moet|dit|deze|er|ook|niet|nog|wel|the|of|and|to|for|with)$/i;
const CONTINUES = /^(?:daarnaast|ook|verder|tevens|daarbij|hierbij|hierover|daarover|bovendien|echter|wel|voorts|aanvullend|hij|zij|ze|dit|deze|dat|die|daarom|hierdoor|daardoor)\b/i;
const TITLE_HINT = /terugkoppeling|lovp|overleg veiligheid/i;

function toLines(raw: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  for (const rawLine of raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n')) {
    let text = rawLine.replace(/[\u00a0\u2007\u202f\t]/g, ' ').trim();
    const md = /^#{1,6}\s+/.test(text) || /^\*\*[^*]+\*\*$/.test(text) || /^__[^_]+__$/.test(text);
    text = text.replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
    if (!text || PAGE_NOISE.test(text)) {
      gap++;
      continue;
    }
    const bullet = /^[-*•▪◦·–]\s+/.test(text) && !md;
    lines.push({ text, gap, markdownHeading: md, bullet });
    gap = 0;
  }
  return lines;
}

/** Typical width of a full wrapped line; a shorter line ends its paragraph (or is a heading). */
function lineWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return Math.max(60, lengths[Math.floor(lengths.length * 0.9)] ?? 60);
}

function findTitle(lines: Line[], source: string): { title: string; date: string; bodyStart: number } {
  const head = lines.slice(0, 6);
  for (let i = 0; i < head.length; i++) {
    const one = head[i].text;
    const candidates: [string, number][] = [[one, 1]];
    if (i + 1 < head.length && head[i + 1].markdownHeading === head[i].markdownHeading) candidates.push([`${one} ${head[i + 1].text}`, 2]);
    for (const [title, used] of candidates) {
      if (title.length > 160) continue;
      const date = findTitleDate(title);
      if (date && (TITLE_HINT.test(title) || i === 0)) return { title: title.replace(/\s+$/, ''), date, bodyStart: i + used };
    }
  }
  throw new ReportError(source, 'no meeting date found in the title (expected e.g. "Bestuurlijke terugkoppeling LOVP 15 april 2019")');
}

function isStandaloneHeading(line: Line, prev: Line | undefined, next: Line | undefined, width: number): boolean {
  if (line.markdownHeading) return true;
  const t = line.text;
  const words = t.split(' ');
  if (line.bullet || !next || t.length > 90 || words.length > 12) return false;
  // A wrapped line of running text: it ends on a word no heading ends on, or fills the page width with many words.
  if (TRAILING_FUNCTION_WORD.test(t) || (t.length > width * 0.8 && words.length > 8)) return false;
  if (/[.,;:!?]$/.test(t) || !STARTS_UPPER.test(t)) return false;
  if (prev && !TERMINAL.test(prev.text)) return false;
  return STARTS_UPPER.test(next.text) || next.markdownHeading;
}

/** "Informatiedeling: Er komt ..." -> heading "Informatiedeling", rest "Er komt ...". */
function splitInlineHeading(line: Line, next: Line | undefined): { heading: string; rest: string } | undefined {
  const m = /^(["'“]?[\p{Lu}\d][^:]{1,110}?)\s*:(?!\d)\s*(.*)$/u.exec(line.text);
  if (!m) return undefined;
  const heading = m[1].trim();
  if (heading.split(/\s+/).length > 15 || /[.!?]\s+\p{Lu}/u.test(heading)) return undefined;
  // A longer line ending in a colon before a list introduces it ("... als volgt:"); a short one is a heading ("Rondvraag:").
  if (!m[2] && (!next || (next.bullet && heading.split(/\s+/).length > 6))) return undefined;
  return { heading, rest: m[2] };
}

const LEAD_INS = /^(?:ten aanzien van|met betrekking tot|wat betreft|inzake|aangaande|over|tot slot,?|ten slotte,?|verder,?|daarnaast,?|voorts,?)\s+/i;
const FIRST_VERB = /\s(?:is|zijn|wordt|worden|werd|werden|heeft|hebben|had|zal|zullen|kan|kunnen|moet|moeten|lag|lagen|staat|gaat|komt)\b.*$/i;

/** A heading for a paragraph the report left untitled: its subject, e.g. "Jaarverantwoording politie 2016". */
export function deriveHeading(paragraph: string): string {
  let s = paragraph.split(/(?<=[.!?])\s/)[0].replace(/[.!?]+$/, '');
  s = s.replace(LEAD_INS, '').replace(/^(?:de|het|een)\s+/i, '');
  const subject = s.split(/[,;:(]/)[0].replace(FIRST_VERB, '').trim();
  // "Er zijn stappen ..." has no subject before its verb: keep the opening words instead.
  if (subject.split(/\s+/).length >= 2 || (subject.length >= 6 && !/^(?:er|hij|zij|ze|dit|dat|men|het|op|in)$/i.test(subject))) s = subject;
  const words = s.split(/\s+/);
  if (words.length > 7) s = words.slice(0, 7).join(' ') + ' …';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2. Jaarwisseling" -> "Jaarwisseling"; "2020-2021" or "24/7" stay. */
function stripNumbering(heading: string): string {
  return heading.replace(/^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-z][.)]|[IVX]{1,4}\.)\s+/, '') || heading;
}

/** An inline heading starting at line i, also one wrapped onto the next line ("... (bewaken en beveiligen als taak bij de Kmar" / "toevoegen): er is ..."). */
function inlineHeadingAt(body: Line[], i: number): { heading: string; rest: string; lines: number } | undefined {
  const one = splitInlineHeading(body[i], body[i + 1]);
  if (one) return { ...one, lines: 1 };
  const next = body[i + 1];
  if (!next || TERMINAL.test(body[i].text) || next.bullet || next.markdownHeading) return undefined;
  const joined = { ...body[i], text: joinLines(body[i].text, next.text) };
  const two = splitInlineHeading(joined, body[i + 2]);
  return two && two.heading.length > body[i].text.length ? { ...two, lines: 2 } : undefined;
}

/** A word hyphenated at the end of a line goes on without a space ("veiligheids-" "regio"), unless "en/of/tot" follows. */
function hyphenJoins(a: string, b: string): boolean {
  // Only the end of `a` is looked at: a regular expression anchored at $ would scan all of it.
  return /\p{L}-$/u.test(a.slice(-3)) && /^\p{Ll}/u.test(b) && !/^(?:en|of|tot)\b/.test(b);
}

function joinLines(a: string, b: string): string {
  return hyphenJoins(a, b) ? a + b : `${a} ${b}`;
}

/** The lines of a paragraph as one text; joined once at the end, so a long paragraph costs linear time. */
function joinParagraph(lines: string[]): string {
  let text = lines[0];
  for (let i = 1; i < lines.length; i++) text += hyphenJoins(lines[i - 1], lines[i]) ? lines[i] : ` ${lines[i]}`;
  return text;
}

interface Draft {
  heading?: string;
  inline: boolean;
  /** Each paragraph as its lines. */
  paragraphs: string[][];
}

/** Parses the text of one report; throws ReportError when it has no dated title or no content. */
export function parseReport(raw: string, source: string): Meeting {
  const lines = toLines(raw);
  if (lines.length === 0) throw new ReportError(source, 'the file has no text');
  const { title, date, bodyStart } = findTitle(lines, source);
  const body = lines.slice(bodyStart);
  const width = lineWidth(body);

  const drafts: Draft[] = [{ inline: false, paragraphs: [] }];
  let current = drafts[0];
  let prev: Line | undefined;
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    const next = body[i + 1];
    const endsParagraph = !!prev && (SENTENCE_END.test(prev.text) || /:$/.test(prev.text))
      && (line.gap > prev.gap || prev.text.length < width * 0.8 || line.bullet);
    const atParagraphStart = !prev || current.paragraphs.length === 0 || endsParagraph;
    const inline = atParagraphStart && !line.bullet ? inlineHeadingAt(body, i) : undefined;
    if (isStandaloneHeading(line, prev, next, width) && !inline) {
      current = { heading: stripNumbering(line.text), inline: false, paragraphs: [] };
      drafts.push(current);
    } else if (inline) {
      current = { heading: stripNumbering(inline.heading), inline: true, paragraphs: inline.rest ? [[inline.rest]] : [] };
      drafts.push(current);
      i += inline.lines - 1;
    } else if (atParagraphStart || current.paragraphs.length === 0) {
      // A new paragraph after an inline-headed section is a new, untitled topic (those sections are one paragraph),
      // unless it opens with a word that refers back ("Daarnaast", "Hij", "Dit").
      if (current.inline && current.paragraphs.length > 0 && !line.bullet && !CONTINUES.test(line.text)) {
        current = { inline: true, paragraphs: [] };
        drafts.push(current);
      }
      current.paragraphs.push([line.text]);
    } else {
      current.paragraphs[current.paragraphs.length - 1].push(line.text);
    }
    prev = body[i];
  }

  const hasHeadings = drafts.some((d) => d.heading);
  const sections: Section[] = [];
  for (const d of drafts) {
    if (d.paragraphs.length === 0) continue;
    const paragraphs = d.paragraphs.map(joinParagraph);
    if (d.heading) sections.push({ heading: d.heading, text: paragraphs.join('\n\n') });
    else if (d === drafts[0] && hasHeadings) sections.push({ heading: 'Inleiding', text: paragraphs.join('\n\n'), untitled: true });
    else for (const p of paragraphs) sections.push({ heading: deriveHeading(p), text: p, untitled: true });
  }
  if (sections.length === 0) throw new ReportError(source, 'the report has a title but no text');
  return { date, title, sections, source };
}
