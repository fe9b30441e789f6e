// The quote of an answer: the best sentence of a section and its neighbours, up to three sentences and
// MAX_QUOTE characters, scored by the question's concepts they hold (weighted by rarity). A question that asks
// what was agreed, or when something comes back, also gets the sentence that says so, even when it shares no word
// with the question: the section is about the question already. When that sentence is not among the quoted ones,
// it is added after " … ", in the report's order.
import { splitSentences } from './sentences';
import type { QuestionIntent } from './questionTerms';
import { aheadStrength } from './timeAhead';

export const MAX_QUOTE = 600;
const MAX_SENTENCES = 3;
/** Between quoted sentences that do not follow each other in the report. */
export const GAP = ' … ';

export const AGREEMENT_SENTENCE = /\b(?:afgesproken|afspraak|afspraken|overeengekomen|besloten|ingestemd|stemt in|stemmen in|akkoord|toegezegd|zegt toe|zeggen toe|spreekt af|spreken af|vastgesteld|besluit)\b/i;
/** Commitments count for an agreement question when no sentence states the agreement itself. */
const COMMITMENT_SENTENCE = /\b(?:zal|zullen|komt terug|komen terug|terugkomen|terug te komen|gaat|gaan)\b/i;
/** A topic put back on the agenda without a date ("komt terug op de agenda", "wordt opnieuw besproken"). */
const BACK_ON_AGENDA = /\b(?:terug op de agenda|komt\s+(?:\S+\s+){0,4}terug|komen\s+(?:\S+\s+){0,4}terug|terugkomen|terug te komen|opnieuw (?:besproken|geagendeerd)|wederom (?:besproken|geagendeerd)|nogmaals (?:besproken|geagendeerd))\b/i;

const REFERS_BACK = /^(?:dit|deze|dat|die|hij|zij|ze|hierbij|daarbij|hiervoor|daarvoor|hierover|daarover|hiermee|daarmee|this|these|that|he|she|they|it)\b/i;

export interface ScoredSentence {
  text: string;
  score: number;
}

/** How well a sentence says what the question asks for (0: not at all): a time ahead, or an agreement. */
function askedFor(sentence: string, intent: QuestionIntent, agreed: boolean, meetingDate?: string): number {
  let strength = 0;
  if (intent.when) strength = Math.max(aheadStrength(sentence, meetingDate), BACK_ON_AGENDA.test(sentence) ? 0.6 : 0);
  if (intent.agreement && (agreed ? AGREEMENT_SENTENCE : COMMITMENT_SENTENCE).test(sentence)) strength = Math.max(strength, 0.9);
  return strength;
}

export function pickQuote(text: string, scoreSentence: (s: string) => number, intent: QuestionIntent, meetingDate?: string): { quote: string; best: number } {
  const sentences: ScoredSentence[] = splitSentences(text).map((s) => ({ text: s, score: scoreSentence(s) }));
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
  const window = (a: number, b: number) => sentences.slice(a, b + 1).map((s) => s.text).join(' ');
  let quote = window(from, to);

  if (intent.agreement || intent.when) {
    const agreed = sentences.some((s) => AGREEMENT_SENTENCE.test(s.text));
    let answerAt = -1;
    let answerStrength = 0;
    sentences.forEach((s, i) => {
      const strength = askedFor(s.text, intent, agreed, meetingDate);
      if (strength > answerStrength || (strength > 0 && strength === answerStrength && s.score > sentences[answerAt].score)) {
        answerAt = i;
        answerStrength = strength;
      }
    });
    if (answerAt >= 0 && (answerAt < from || answerAt > to)) {
      const answer = sentences[answerAt].text;
      const joined = (a: number, b: number) => (answerAt < a ? `${answer}${GAP}${window(a, b)}` : `${window(a, b)}${GAP}${answer}`);
      quote = joined(from, to).length <= MAX_QUOTE ? joined(from, to) : joined(bestAt, bestAt).length <= MAX_QUOTE ? joined(bestAt, bestAt) : answer;
    }
  }
  if (quote.length > MAX_QUOTE) quote = quote.slice(0, MAX_QUOTE - 1).replace(/\s+\S*$/, '') + '…';
  return { quote, best: sentences[bestAt].score };
}
