// The one sentence that tells most about a section: what was agreed or decided first, then a sentence about
// agreements or decisions, then what someone will do, else the opening sentence. A question ("... is gevraagd of
// het voorhanden hebben ook onder het verbod zal vallen.", or one ending in "?") says nothing without its answer,
// so the sentence after it comes along ("De minister heeft dit bevestigd.").
import { splitSentences } from '../answer/sentences';
import type { Section } from '../corpus/meeting';
import { oneLine, shorten } from '../shared/shorten';

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

/** A sentence that asks, or reports that someone asked ("is gevraagd of", "vragen zich af of"). */
const QUESTION = /\?["'”’)]*$|\b(?:gevraagd|vraagt|vragen|vroeg|vroegen|afgevraagd|vraag(?:\s+is)?)\s+(?:(?:zich\s+)?(?:af\s+)?)(?:of|wanneer|hoe|waarom|welke|wat)\b/i;

/** The key sentence, and when it is a question the sentence that answers it. */
export interface KeyPassage {
  sentence: string;
  answer?: string;
}

export function keyPassage(section: Pick<Section, 'text'>): KeyPassage {
  const sentences = splitSentences(section.text).map(oneLine).filter((s) => s.length > 0);
  let bestAt = 0;
  let bestRank = sentences.length ? rankSentence(sentences[0]) : -1;
  sentences.forEach((s, i) => {
    const rank = rankSentence(s);
    if (rank > bestRank) {
      bestAt = i;
      bestRank = rank;
    }
  });
  const sentence = sentences[bestAt] ?? '';
  const answer = QUESTION.test(sentence) ? sentences[bestAt + 1] : undefined;
  return answer ? { sentence, answer } : { sentence };
}

/** The key sentence with its answer, as one text. */
export function keySentence(section: Pick<Section, 'text'>): string {
  const { sentence, answer } = keyPassage(section);
  return answer ? `${sentence} ${answer}` : sentence;
}

/** The key sentence within `max` characters: a question gives up its own words first, so its answer stays. */
export function shortKeySentence(section: Pick<Section, 'text'>, max: number): string {
  const { sentence, answer } = keyPassage(section);
  if (!answer) return shorten(sentence, max);
  const answerRoom = Math.min(answer.length, Math.floor(max / 2));
  const question = shorten(sentence, Math.max(1, max - answerRoom - 1));
  return `${question} ${shorten(answer, Math.max(1, max - question.length - 1))}`;
}
