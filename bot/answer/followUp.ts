// A follow-up question leans on the one before it: "en wanneer komt dat terug?", "and what did the minister say?",
// "wat vonden de burgemeesters daarvan?". It is answered about the previous question's topic, with its own words
// (the minister, a date) added to it.

/** The question a conversation asked last about a topic, kept for its follow-ups (bot/answer/topicMemory.ts). */
export interface TopicContext {
  /** The question that set the topic (a follow-up keeps the topic of the question it followed). */
  question: string;
  language: 'nl' | 'en';
}

const OPENS_ON_PREVIOUS = /^\s*(?:en|maar|ook|of|dus|verder|tot slot|and|but|also|so|what about|how about|and what about)\b/i;
const REFERS_BACK = /\b(?:dat|dit|daarvan|daarover|daarmee|daarbij|daarop|hierover|hiervan|hiermee|hierbij|ervan|erover|erbij|that|this|it|its|they|them|their|those|these|there|thereof|about it|on it)\b/i;
/** Who said or did something: asking about them keeps the topic ("en de minister?"). */
const ACTORS = /\b(?:minister|ministerie|staatssecretaris|korpschef|politie|burgemeesters?|regioburgemeesters?|om|openbaar ministerie|pg|dg|kamer|vakbonden|bonden|police|chief|mayors?|regional|prosecutors?|prosecution|ministry|secretary|parliament|unions)\b/gi;
/** Words that only shape a question; what is left after them and the actors is the question's own topic. */
const SHAPERS = /\b(?:en|maar|ook|of|wat|wie|wanneer|waarom|hoe|welke|is|zijn|er|de|het|een|van|over|met|op|in|komt|komen|terug|gezegd|zei|zeiden|vonden|vond|vindt|vinden|afgesproken|besproken|daar|dat|dit|daarvan|daarover|and|but|also|what|who|when|why|how|which|is|are|was|were|the|a|an|of|about|on|in|did|does|do|say|said|think|thought|agreed|will|would|be|come|comes|back|again|that|this|it|they|them|there|then|any|date|datum)\b/gi;

export function isFollowUp(question: string): boolean {
  const own = question.replace(ACTORS, ' ').replace(SHAPERS, ' ').replace(/[^\p{L}\d]+/gu, ' ').trim();
  const ownWords = own ? own.split(' ').filter((w) => w.length > 2) : [];
  if (ownWords.length > 2) return false;
  return OPENS_ON_PREVIOUS.test(question) || REFERS_BACK.test(question) || ownWords.length === 0;
}
