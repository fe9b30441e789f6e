// Sentence splitting that survives Dutch abbreviations ("art. 4", "Dhr. Wienen", "o.a.", "a.s.").
const ABBREVIATIONS = new Set(['art', 'dhr', 'mevr', 'mr', 'drs', 'dr', 'ir', 'ing', 'prof', 'nr', 'bijv', 'bv', 'ca', 'jl', 'mln',
  'mld', 'resp', 'incl', 'excl', 'evt', 'vgl', 'zgn', 'min', 'st', 'blz', 'pag', 'e.g', 'i.e', 'o.a', 'a.s', 'm.b.t', 'i.v.m', 't.a.v',
  'd.d', 'z.s.m', 'e.d', 'n.a.v', 'm.i.v', 'i.o.m', 'p.m', 'vs']);

const splitCache = new Map<string, readonly string[]>();
const MAX_CACHED_TEXTS = 2000;

/** The sentences of a text; a section quoted again is not split again (callers get their own copy). */
export function splitSentences(text: string): string[] {
  let sentences = splitCache.get(text);
  if (!sentences) {
    sentences = split(text);
    if (splitCache.size >= MAX_CACHED_TEXTS) splitCache.clear();
    splitCache.set(text, sentences);
  }
  return [...sentences];
}

function split(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let start = 0;
    const re = /[.!?]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\d])/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(paragraph))) {
      const before = paragraph.slice(start, m.index);
      const lastWord = trailingWord(before).toLowerCase();
      // "Dhr." or an initial ("M. Rutte") does not end a sentence.
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.replace(/\.$/, '')) || /^\p{L}$/u.test(lastWord))) continue;
      out.push(paragraph.slice(start, m.index + m[0].trimEnd().length).trim());
      start = m.index + m[0].length;
    }
    const tail = paragraph.slice(start).trim();
    if (tail) out.push(tail);
  }
  return out.filter((s) => s.length > 0);
}

const WORD_CHAR = /^[\p{L}.]$/u;

/** The letters and dots that end the text, as /([\p{L}.]+)$/u finds them ('' if none), scanning back from the
 *  end: the regex tries every start position and made sentence splitting the slowest step of an answer. */
function trailingWord(text: string): string {
  let start = text.length;
  while (start > 0) {
    const pair = start > 1 && /[\udc00-\udfff]/.test(text[start - 1]) && /[\ud800-\udbff]/.test(text[start - 2]);
    const from = pair ? start - 2 : start - 1;
    if (!WORD_CHAR.test(text.slice(from, start))) break;
    start = from;
  }
  return text.slice(start);
}
