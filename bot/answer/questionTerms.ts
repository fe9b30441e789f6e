// What a question asks about: term groups (an English word translated to its Dutch terms, a Dutch word
// with its synonyms), and what kind of answer it wants (an agreement, a date).
import { dutchCognates } from '../search/cognates';
import glossary from '../search/glossary.json';
import type { TermGroup } from '../search/sectionIndex';
import { STOP_WORDS, tokenize } from '../search/textAnalysis';
import type { Language } from './detectLanguage';

export interface QuestionIntent {
  agreement: boolean;
  when: boolean;
}

const AGREEMENT_QUESTION = /\b(?:afgesproken|afspraak|afspraken|besloten|besluit|overeengekomen|toegezegd|agreed|agreement|decided|decision|promised|commitment)/i;
const WHEN_QUESTION = /\b(?:wanneer|when|datum|date|deadline|termijn|tijdpad|planning)\b/i;

export function questionIntent(question: string): QuestionIntent {
  return { agreement: AGREEMENT_QUESTION.test(question), when: WHEN_QUESTION.test(question) };
}

type Dictionary = Record<string, string[]>;
const EN: Dictionary = glossary.en;
const NL: Dictionary = glossary.nl;
const MAX_PHRASE = 4;

function lookup(dict: Dictionary, phrase: string): string[] | undefined {
  return dict[phrase] ?? (phrase.endsWith('s') && phrase.length > 4 ? dict[phrase.slice(0, -1)] : undefined);
}

const toAlternative = (text: string) => tokenize(text).filter((t) => !STOP_WORDS.has(t));

// Set phrases that only shape a question ("hoe staat het met de stand van zaken rond ...").
const SHAPING_PHRASES = /\b(?:stand van zaken|hoe staat het (?:er )?(?:mee|met)|aan (?:de )?orde (?:gekomen|geweest)?|aan bod (?:gekomen|geweest)?|what is the status of|what's the status of|the state of play)\b/gi;

/** Term groups of a question: longest glossary phrases first, other content words as they are. */
export function termGroups(question: string, language: Language): TermGroup[] {
  const tokens = tokenize(question.replace(SHAPING_PHRASES, ' '));
  const groups: TermGroup[] = [];
  for (let i = 0; i < tokens.length;) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1 && !matched; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      if (n === 1 && STOP_WORDS.has(phrase)) break;
      const english = language === 'en' ? lookup(EN, phrase) : undefined;
      const synonyms = lookup(NL, phrase);
      if (!english && !synonyms && n > 1) continue;
      const own = english ?? (language === 'en' ? dutchCognates(phrase) : [phrase]);
      const alternatives = [...own, ...(synonyms ?? [])].map(toAlternative).filter((a) => a.length > 0);
      if (alternatives.length) groups.push({ word: phrase, alternatives });
      i += n;
      matched = true;
    }
    if (!matched) i++;
  }
  return groups;
}
