// The quote of an answer: the best sentence of a section and its neighbours, up to three sentences and
// MAX_QUOTE characters. Sentences score by the question's concepts they hold (weighted by rarity), and
// by saying what the question asks for: an agreement, or a date.
import { splitSentences } from './sentences';
import type { QuestionIntent } from './questionTerms';

export const MAX_QUOTE = 600;
const MAX_SENTENCES = 3;

export const AGREEMENT_SENTENCE = /\b(?:afgesproken|afspraak|afspraken|overeengekomen|besloten|ingestemd|stemt in|akkoord|toegezegd|zegt toe|spreekt af|spreken af|zal|zullen|komt terug|terugkomen|terug te komen|vastgesteld)\b/i;
const WHEN_SENTENCE = /\b(?:\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|\d{4}|volgend(?:e)? (?:lovp|keer|overleg)|na de zomer|voor de zomer|begin|eind)\b/i;

export interface ScoredSentence {
  text: string;
  score: number;
}

export function pickQuote(text: string, scoreSentence: (s: string) => number, intent: QuestionIntent): { quote: string; best: number } {
  const sentences: ScoredSentence[] = splitSentences(text).map((s) => {
    let score = scoreSentence(s);
    if (score > 0 && intent.agreement && AGREEMENT_SENTENCE.test(s)) score *= 1.5;
    if (score > 0 && intent.when && WHEN_SENTENCE.test(s)) score *= 1.5;
    return { text: s, score };
  });
  if (sentences.length === 0) return { quote: '', best: 0 };
  let bestAt = 0;
  sentences.forEach((s, i) => { if (s.score > sentences[bestAt].score) bestAt = i; });
  let from = bestAt;
  let to = bestAt;
  const length = (a: number, b: number) => sentences.slice(a, b + 1).reduce((n, s) => n + s.text.length + 1, -1);
  while (to - from + 1 < MAX_SENTENCES) {
    const prev = from > 0 && length(from - 1, to) <= MAX_QUOTE ? sentences[from - 1] : undefined;
    const next = to + 1 < sentences.length && length(from, to + 1) <= MAX_QUOTE ? sentences[to + 1] : undefined;
    if (!prev && !next) break;
    // Context usually follows a statement, so the next sentence wins ties.
    if (next && (!prev || next.score >= prev.score)) to++;
    else from--;
  }
  let quote = sentences.slice(from, to + 1).map((s) => s.text).join(' ');
  if (quote.length > MAX_QUOTE) quote = quote.slice(0, MAX_QUOTE - 1).replace(/\s+\S*$/, '') + '…';
  return { quote, best: sentences[bestAt].score };
}
