// What a question asks about: term groups, one per concept, each with the Dutch spellings that count for it
// (an English word's translations, a Dutch word with its synonyms and abbreviations, a typo's correction), and
// what kind of answer it wants (an agreement, a date).
import type { Language } from '../shared/language';
import { dutchCognates } from '../search/cognates';
import { dutchPartOfSpeech } from '../search/dutchWords';
import { dutchSynonyms, lookUpEnglish } from '../search/lexicon';
import type { Alternative, TermGroup } from '../search/sectionIndex';
import { contentTokens, DUTCH_STOP_WORDS, ENGLISH_INTENT_WORDS, ENGLISH_STOP_WORDS, STOP_WORDS, tokenize } from '../search/textAnalysis';

export interface QuestionIntent {
  agreement: boolean;
  when: boolean;
}

const AGREEMENT_QUESTION = /\b(?:afgesproken|afspraak|afspraken|besloten|besluit|overeengekomen|toegezegd|agreed|agree|agreement|decided|decision|promised|commitment|concluded)/i;
const WHEN_QUESTION = /\b(?:wanneer|when|datum|date|deadline|termijn|tijdpad|planning|terugkomen|komt\s+(?:\S+\s+){0,3}terug|come[s]?\s+back|again|weer|opnieuw)\b/i;

export function questionIntent(question: string): QuestionIntent {
  return { agreement: AGREEMENT_QUESTION.test(question), when: WHEN_QUESTION.test(question) };
}

/** What question understanding needs to know about the reports. */
export interface Vocabulary {
  /** Whether the reports use this word (as it is, by stem, or as the parts of a compound). */
  knows(word: string): boolean;
  /** A report word (or, in English, an English word) this one is probably a typo of. */
  correct(word: string): string | undefined;
}

/** Phrases that only shape a question ("hoe staat het met", "komt ... terug", "what happened with"). */
const SHAPING_PHRASES = /\b(?:stand van zaken|hoe staat het (?:er )?(?:mee|met)|aan (?:de )?orde (?:gekomen|geweest)?|aan bod (?:gekomen|geweest)?|op de agenda|ter sprake|komt (?:er )?(?:\S+ )?terug|terug(?:komen|gekomen|komt)|what is the status of|what's the status of|the state of play|come(?:s)? back|on the agenda|what happened (?:with|to)|what was said)\b/gi;
/** Question words that only say what kind of answer is wanted. */
const DUTCH_SHAPERS = new Set(`wie wat waar wanneer waarom hoe welke welk wordt worden werd zijn is er nog al weer opnieuw
komt komen kwam terug gezegd gedaan besproken afgesproken verteld gemeld genoemd vinden vindt vonden vond denken denkt
mening standpunt reactie gebeurd gebeurt gebeuren gaat gaan ging doen doet deed precies eigenlijk ongeveer momenteel nu
zeggen zei zeiden bekend duidelijk uitleg uitgelegd toegelicht toelichting informatie iets mag mogen mocht mochten moet
moeten moest moesten kan kunnen kon konden wil willen wilde wilden zal zullen zou zouden onderwerp onderwerpen
behandeld`.split(/\s+/));
const ENGLISH_SHAPERS = new Set([...ENGLISH_INTENT_WORDS, ...`what which who whom whose when where why how happen happened happening happens say said says
tell told think thinks thought know known view views opinion opinions position stance react reaction reacted respond response
responded feel feels felt plan planned plans going gonna get got gets give gave given make made makes do done doing go goes
went gone come comes came back again want wanted wants need needed needs mean means meant take took taken put keep kept
anything something everything thing things stuff lot lots much many often some every each ever currently current recent recently
latest last next upcoming soon new old exactly actually really basically kind sort way ways part parts there here now any
update updates status state info information details topic topics subject subjects covered discussed`.split(/\s+/)]);

const MAX_PHRASE = 4;
const YEAR = /^(?:19|20)\d{2}$/;
/** Credit of a cognate guess ("evaluation" -> "evaluatie"): often right, not always. */
const COGNATE_CREDIT = 0.7;
/** Credit of a Dutch synonym from the glossary ("knelpunten" for "problemen"). */
const SYNONYM_CREDIT = 0.85;
/** Credit of a broader term the glossary lists as a synonym, as a compound's head counts (knowledgeBase.ts). */
const BROADER_CREDIT = 0.4;
/** Credit of the typo's correction: most likely what was meant, said so in the reply. */
const CORRECTION_CREDIT = 0.9;

const toWords = (text: string) => tokenize(text).filter((t) => !DUTCH_STOP_WORDS.has(t) || t.length <= 3);

function alternative(text: string, credit: number): Alternative | undefined {
  const words = toWords(text);
  return words.length ? { words, credit } : undefined;
}

function englishGroup(phrase: string): TermGroup | undefined {
  const { translations, ordinary, source } = lookUpEnglish(phrase);
  const alternatives: Alternative[] = [];
  for (const t of translations) {
    const a = alternative(t.dutch, t.credit);
    if (a) alternatives.push(a);
  }
  if (!phrase.includes(' ')) {
    // Reports borrow English ("taskforce", "pilot", "update") and share cognates with it ("evaluatie").
    alternatives.push({ words: [phrase], credit: 1 });
    for (const c of dutchCognates(phrase)) if (c !== phrase) alternatives.push({ words: [c], credit: COGNATE_CREDIT });
  }
  if (!translations.length && phrase.includes(' ')) return undefined;
  return { word: phrase, alternatives, known: translations.length > 0, ordinary, checked: source === 'domain' };
}

function dutchGroup(phrase: string, abbreviation: boolean): TermGroup | undefined {
  const synonyms = dutchSynonyms(phrase);
  if (phrase.includes(' ') && !synonyms.length) return undefined;
  // An abbreviation's expansion is the same thing, not a near-synonym.
  const credit = abbreviation ? 1 : SYNONYM_CREDIT;
  // A synonym that is part of the word is a broader term ("camera" for "cameratoezicht"): weaker evidence.
  const creditOf = (s: string) => (!abbreviation && phrase.includes(s) ? BROADER_CREDIT : credit);
  const alternatives = [{ words: phrase.split(' '), credit: 1 }, ...synonyms.map((s) => alternative(s, creditOf(s))).filter((a) => a !== undefined)];
  const ordinary = !phrase.includes(' ') && /^[var]$/.test(dutchPartOfSpeech(phrase) ?? '');
  return { word: phrase, alternatives, known: synonyms.length > 0, checked: synonyms.length > 0, ordinary };
}

/**
 * Term groups of a question: the longest phrase a word list knows first, other content words as they are. A word
 * the reports do not use and no list knows is replaced by the report word it is most likely a typo of.
 */
export function termGroups(question: string, language: Language, vocabulary?: Vocabulary): TermGroup[] {
  const shaped = question.replace(SHAPING_PHRASES, ' ');
  // Abbreviations in capitals survive as terms even when they spell a stop word ("de ME", "het OM").
  const abbreviations = new Set(contentTokens(shaped).filter((t) => STOP_WORDS.has(t)));
  const tokens = tokenize(shaped);
  const stop = language === 'en' ? ENGLISH_STOP_WORDS : DUTCH_STOP_WORDS;
  const shapers = language === 'en' ? ENGLISH_SHAPERS : DUTCH_SHAPERS;
  const isFiller = (t: string) => !abbreviations.has(t) && (stop.has(t) || shapers.has(t) || STOP_WORDS.has(t));
  const groups: TermGroup[] = [];
  for (let i = 0; i < tokens.length;) {
    let group: TermGroup | undefined;
    let used = 1;
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1 && !group; n--) {
      const words = tokens.slice(i, i + n);
      // A phrase a list knows may start or end with a word that alone only shapes the question ("state secretary").
      const edge = n === 1 ? isFiller : (t: string) => !abbreviations.has(t) && stop.has(t);
      if (edge(words[0]) || edge(words[n - 1])) continue;
      const phrase = words.join(' ');
      // A year says which sections rank higher more than what the question is about: it weighs like a describing word.
      if (YEAR.test(phrase)) group = { word: phrase, alternatives: [{ words: [phrase], credit: 1 }], known: false, ordinary: true };
      else group = language === 'en' ? englishGroup(phrase) : dutchGroup(phrase, abbreviations.has(phrase));
      used = n;
    }
    if (group) {
      if (vocabulary && !group.known && !group.word.includes(' ')) group = corrected(group, language, vocabulary);
      groups.push(group);
    }
    i += group ? used : 1;
  }
  return groups;
}

/** A word neither the reports nor a list knows: its likely correction, if the reports have one. */
function corrected(group: TermGroup, language: Language, vocabulary: Vocabulary): TermGroup {
  if (group.alternatives.some((a) => a.words.every((w) => vocabulary.knows(w)))) return group;
  const fix = vocabulary.correct(group.word);
  if (!fix) return group;
  const fixed = language === 'en' ? englishGroup(fix) : dutchGroup(fix, false);
  if (!fixed) return group;
  return {
    word: group.word,
    correction: fix,
    known: true,
    alternatives: fixed.alternatives.map((a) => ({ ...a, credit: a.credit * CORRECTION_CREDIT })),
  };
}
