// The one sentence that tells most about a section: what was agreed or decided first, then a sentence about
// agreements or decisions, then what someone will do, else the opening sentence.
import { splitSentences } from '../answer/sentences';
import type { Section } from '../corpus/meeting';

/** Agreements and decisions as they are made: the strongest reason to pick a sentence. */
const AGREED = /\b(afgesproken|spreken af|spreekt af|besloten|ingestemd|stemt in|stemmen in|akkoord|toegezegd|zegt toe|zeggen toe|overeengekomen|agreed|decided)\b/i;
/** Sentences about an agreement or decision ("de afspraken over ..."). */
const AGREEMENT = /\b(afspraak|afspraken|besluit|besluiten|besluitvorming)\b/i;
/** Commitments and follow-ups. */
const WILL = /\b(zal|zullen|komt terug|komen terug|terugkomen|terug te komen|terug op)\b/i;

export function rankSentence(sentence: string): number {
  if (AGREED.test(sentence)) return 3;
  if (AGREEMENT.test(sentence)) return 2;
  if (WILL.test(sentence)) return 1;
  return 0;
}

export function keySentence(section: Pick<Section, 'text'>): string {
  const sentences = splitSentences(section.text).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
  let best = sentences[0] ?? '';
  let bestRank = sentences.length ? rankSentence(best) : -1;
  for (const s of sentences) {
    const rank = rankSentence(s);
    if (rank > bestRank) {
      best = s;
      bestRank = rank;
    }
  }
  return best;
}
