import type { Language } from '../shared/language';
// A follow-up question leans on the one before it: "en wanneer komt dat terug?", "and what did the minister say?",
// "wat vonden de burgemeesters daarvan?". It is answered about the previous question's topic, with its own words
// (the minister, a date) added to it.

/** The question a conversation asked last about a topic, kept for its follow-ups (bot/answer/topicMemory.ts). */
export interface TopicContext {
  /** The question that set the topic (a follow-up keeps the topic of the question it followed). */
  question: string;
  language: Language;
}

const OPENS_ON_PREVIOUS = /^\s*(?:en|maar|ook|of|dus|verder|tot slot|and|but|also|so|what about|how about|and what about)\b/i;
const REFERS_BACK = /\b(?:dat|dit|daarvan|daarover|daarmee|daarbij|daarop|hierover|hiervan|hiermee|hierbij|ervan|erover|erbij|that|this|it|its|they|them|their|those|these|there|thereof|about it|on it)\b/i;
/** Who said or did something: asking about them keeps the topic ("en de minister?"). */
const ACTORS = /\b(?:minister|ministerie|staatssecretaris|korpschef|politie|burgemeesters?|regioburgemeesters?|om|openbaar ministerie|pg|dg|kamer|vakbonden|bonden|police|chief|mayors?|regional|prosecutors?|prosecution|ministry|state secretary|secretary|parliament|unions)\b/gi;
/** Words that only shape a question; what is left after them and the actors is the question's own topic. */
const SHAPERS = /\b(?:en|maar|ook|of|wat|wie|wanneer|waarom|hoe|welke|is|zijn|er|de|het|een|van|over|met|op|in|komt|komen|terug|gezegd|zei|zeiden|vonden|vond|vindt|vinden|afgesproken|besproken|wil|willen|wilde|wilden|beloofd|toegezegd|reageerden|reageerde|reactie|daar|dat|dit|daarvan|daarover|and|but|also|what|who|when|why|how|which|is|are|was|were|the|a|an|of|about|on|in|did|does|do|say|said|think|thought|agreed|will|would|be|come|comes|back|again|want|wants|wanted|promise|promised|react|reacted|reaction|respond|responded|that|this|it|they|them|there|then|any|date|datum)\b/gi;

/**
 * A question is a follow-up when it has no topic of its own ("en wanneer komt dat terug?", "and what did the
 * minister say?"), refers back to one ("wat vonden de burgemeesters daarvan?"), or is a short addition to the last
 * one ("en de kosten?"). A question with a topic of its own is not, also when it opens with "en".
 */
export function isFollowUp(question: string): boolean {
  const words = question.split(/[^\p{L}\d]+/u).filter(Boolean);
  const own = question.replace(ACTORS, ' ').replace(SHAPERS, ' ').replace(/[^\p{L}\d]+/gu, ' ').trim();
  const ownWords = own ? own.split(' ').filter((w) => w.length > 2) : [];
  if (ownWords.length === 0) return true;
  if (REFERS_BACK.test(question) && ownWords.length <= 2) return true;
  return OPENS_ON_PREVIOUS.test(question) && ownWords.length === 1 && words.length <= 4;
}
