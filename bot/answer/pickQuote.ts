// The quote of an answer: the best sentence of a section and its neighbours, up to three sentences and
// MAX_QUOTE characters. Sentences score by the question's concepts they hold (weighted by rarity), and by saying
// what the question asks for: an agreement, or a date ahead. The section is about the question already, so a
// sentence that says what was agreed, or when it comes back, answers such a question even without its words.
import { splitSentences } from './sentences';
import type { QuestionIntent } from './questionTerms';
import { pointsAhead } from './timeAhead';

export const MAX_QUOTE = 600;
const MAX_SENTENCES = 3;

export const AGREEMENT_SENTENCE = /\b(?:afgesproken|afspraak|afspraken|overeengekomen|besloten|ingestemd|stemt in|stemmen in|akkoord|toegezegd|zegt toe|zeggen toe|spreekt af|spreken af|vastgesteld|besluit)\b/i;
/** Commitments count for an agreement question when no sentence states the agreement itself. */
const COMMITMENT_SENTENCE = /\b(?:zal|zullen|komt terug|komen terug|terugkomen|terug te komen|gaat|gaan)\b/i;

const REFERS_BACK = /^(?:dit|deze|dat|die|hij|zij|ze|hierbij|daarbij|hiervoor|daarvoor|hierover|daarover|hiermee|daarmee|this|these|that|he|she|they|it)\b/i;

/** How much a sentence that says what is asked for gains, as a share of the best-scoring sentence's score. A date
 *  ahead gains more than the best sentence has: a when-question is answered by when. An agreement gains less: the
 *  section may hold another agreement than the one asked about. */
const WHEN_SHARE = 1.1;
const AGREEMENT_SHARE = 0.8;

export interface ScoredSentence {
  text: string;
  score: number;
}

export function pickQuote(text: string, scoreSentence: (s: string) => number, intent: QuestionIntent, meetingDate?: string): { quote: string; best: number } {
  const raw = splitSentences(text).map((s) => ({ text: s, score: scoreSentence(s) }));
  if (raw.length === 0) return { quote: '', best: 0 };
  const top = Math.max(...raw.map((s) => s.score), 1e-9);
  const agreed = raw.some((s) => AGREEMENT_SENTENCE.test(s.text));
  const sentences: ScoredSentence[] = raw.map((s) => {
    let score = s.score;
    if (intent.agreement && (agreed ? AGREEMENT_SENTENCE : COMMITMENT_SENTENCE).test(s.text)) score += AGREEMENT_SHARE * top;
    if (intent.when && pointsAhead(s.text, meetingDate)) score += WHEN_SHARE * top;
    return { text: s.text, score };
  });
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
