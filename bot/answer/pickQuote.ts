// The quote of an answer: the best sentence of a section and its neighbours, up to three sentences and
// MAX_QUOTE characters. Sentences score by the question's concepts they hold (weighted by rarity), and
// by saying what the question asks for: an agreement, or a date.
import { splitSentences } from './sentences';
import type { QuestionIntent } from './questionTerms';

export const MAX_QUOTE = 600;
const MAX_SENTENCES = 3;

export const AGREEMENT_SENTENCE = /\b(?:afgesproken|afspraak|afspraken|overeengekomen|besloten|ingestemd|stemt in|akkoord|toegezegd|zegt toe|spreekt af|spreken af|zal|zullen|komt terug|terugkomen|terug te komen|vastgesteld)\b/i;
const WHEN_SENTENCE = /\b(?:\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|\d{4}|volgend(?:e)? (?:lovp|keer|overleg)|na de zomer|voor de zomer|begin|eind)\b/i;

const REFERS_BACK = /^(?:dit|deze|dat|die|hij|zij|ze|hierbij|daarbij|hiervoor|daarvoor|hierover|daarover|hiermee|daarmee|this|these|that|he|she|they|it)\b/i;

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
  // The window of up to three sentences around the best one that holds the most of the question; on a tie
  // the one that starts at the best sentence (context usually follows a statement), then the longer one. A best
  // sentence that refers back ("Dit gaat over ...") brings the sentence before it.
  const length = (a: number, b: number) => sentences.slice(a, b + 1).reduce((n, s) => n + s.text.length + 1, -1);
  const total = (a: number, b: number) => sentences.slice(a, b + 1).reduce((n, s) => n + s.score, 0);
  const start = bestAt > 0 && REFERS_BACK.test(sentences[bestAt].text) && length(bestAt - 1, bestAt) <= MAX_QUOTE ? bestAt - 1 : bestAt;
  let from = start;
  let to = bestAt;
  for (let a = Math.max(0, bestAt - MAX_SENTENCES + 1); a <= start; a++) {
    for (let b = bestAt; b < Math.min(sentences.length, a + MAX_SENTENCES); b++) {
      if (length(a, b) > MAX_QUOTE) continue;
      const better = total(a, b) - total(from, to) || (a === start ? 1 : 0) - (from === start ? 1 : 0) || (b - a) - (to - from);
      if (better > 0) [from, to] = [a, b];
    }
  }
  let quote = sentences.slice(from, to + 1).map((s) => s.text).join(' ');
  if (quote.length > MAX_QUOTE) quote = quote.slice(0, MAX_QUOTE - 1).replace(/\s+\S*$/, '') + '…';
  return { quote, best: sentences[bestAt].score };
}
