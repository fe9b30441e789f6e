// The word lists behind question understanding, most trusted first:
//  1. the domain glossary (wordlists/domain-en-nl.tsv, wordlists/domain-nl.tsv): public-safety English as people type
//     it ("riot police", "cops", "shortfall") to the Dutch that reports write, and Dutch synonyms and
//     abbreviations ("ME" = "mobiele eenheid");
//  2. the general English -> Dutch lexicon (wordlists/en-nl.tsv), derived from FreeDict and WordNet by
//     bot/tools/buildLexicon.ts, for the ordinary words no glossary lists.
// A question word that none of them knows is not translated; bot/answer/knowledgeBase.ts gives it little weight.
// The lists are read once, on first use (about 30 ms).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize } from './textAnalysis';

export interface Translation {
  /** Dutch words, as one phrase ("mobiele eenheid"). */
  dutch: string;
  /** How much a match counts: 1 for the glossary, less for the general lexicon. */
  credit: number;
}

/** Where a translation comes from: the domain glossary is checked by hand, the general lexicon is not. */
export type Source = 'domain' | 'general';

const GENERAL_CREDIT = 0.8;
const DIR = path.join(__dirname, 'wordlists');

type WordList = Map<string, string[]>;

interface Lists {
  domainEnglish: WordList;
  domainDutch: WordList;
  general: WordList;
  /** Irregular English forms: "went" -> "go", "men" -> "man". */
  forms: Map<string, string>;
  /** Main part of speech of the general lexicon's words (n, v, a, r). */
  partOfSpeech: Map<string, string>;
  /** Every Dutch word the lists hold: a word in one of them is real Dutch (not a typo, not English). */
  dutchWords: Set<string>;
}

/** "key<TAB>a|b|c" lines; "#" comments; keys and values tokenised the way questions and reports are, unless the
 *  file was written tokenised already (`tokenised`: the derived en-nl.tsv, 20,000 lines, read in a tenth of the time). */
function readList(file: string, into: WordList = new Map(), forms?: Map<string, string>, pos?: Map<string, string>, tokenised = false): WordList {
  const norm = tokenised ? (s: string) => s : (s: string) => tokenize(s).join(' ');
  let text: string;
  try {
    text = readFileSync(path.join(DIR, file), 'utf8');
  } catch {
    return into;
  }
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [rawKey, rawValues, rawPos] = line.split('\t');
    if (!rawValues) continue;
    if (rawKey.startsWith('=')) {
      forms?.set(rawKey.slice(1), rawValues.trim());
      continue;
    }
    const key = norm(rawKey);
    const values = rawValues.split('|').map(norm).filter((v) => v);
    if (key && values.length) into.set(key, [...new Set([...(into.get(key) ?? []), ...values])]);
    if (key && pos && rawPos) pos.set(key, rawPos.trim());
  }
  return into;
}

let lists: Lists | undefined;

function load(): Lists {
  if (lists) return lists;
  const forms = new Map<string, string>();
  const partOfSpeech = new Map<string, string>();
  const domainEnglish = readList('domain-en-nl.tsv');
  const domainDutch = readList('domain-nl.tsv');
  const general = readList('en-nl.tsv', new Map(), forms, partOfSpeech, true);
  const dutchWords = new Set<string>();
  for (const list of [domainEnglish, domainDutch, general]) {
    for (const values of list.values()) for (const v of values) for (const w of v.split(' ')) dutchWords.add(w);
  }
  for (const key of domainDutch.keys()) for (const w of key.split(' ')) dutchWords.add(w);
  lists = { domainEnglish, domainDutch, general, forms, partOfSpeech, dutchWords };
  return lists;
}

/** Base forms an English word may stand for, itself first: "shortages" -> shortage, "cops" -> cop, "ran" -> run. */
export function englishBaseForms(word: string): string[] {
  const out = [word];
  const irregular = load().forms.get(word);
  if (irregular) out.push(irregular);
  const rules: [RegExp, string][] = [
    [/ies$/, 'y'], [/(ss|sh|ch|x|z)es$/, '$1'], [/ses$/, 'se'], [/([^s])s$/, '$1'], [/men$/, 'man'],
    [/ied$/, 'y'], [/([^e])ed$/, '$1'], [/ed$/, 'e'], [/([^aeiou])\1ed$/, '$1'], [/ing$/, ''], [/ing$/, 'e'], [/([^aeiou])\1ing$/, '$1'],
  ];
  for (const [ending, replacement] of rules) {
    if (word.length > 3 && ending.test(word)) out.push(word.replace(ending, replacement));
  }
  return [...new Set(out)];
}

export interface EnglishTerm {
  translations: Translation[];
  /**
   * A word that describes rather than names a topic: a verb, adjective or adverb ("dropping", "expected", "new")
   * only the general lexicon knows. Such a word says less about which section answers, and its translation is
   * often a guess.
   */
  ordinary: boolean;
  source?: Source;
}

/** The Dutch for an English word or phrase (tokenised, lower case); the last word may be inflected. */
export function lookUpEnglish(phrase: string): EnglishTerm {
  const { domainEnglish, general, partOfSpeech } = load();
  const words = phrase.split(' ');
  const last = words.pop()!;
  for (const base of englishBaseForms(last)) {
    const key = [...words, base].join(' ');
    const domain = domainEnglish.get(key);
    const ordinary = general.get(key);
    if (!domain && !ordinary) continue;
    // The glossary's translations are the domain's; the general lexicon's senses would only add noise
    // ("minister" as a clergyman).
    if (domain) return { translations: domain.map((dutch) => ({ dutch, credit: 1 })), ordinary: false, source: 'domain' };
    const translations = ordinary!.map((dutch) => ({ dutch, credit: GENERAL_CREDIT }));
    return { translations, ordinary: /^[var]$/.test(partOfSpeech.get(key) ?? ''), source: 'general' };
  }
  return { translations: [], ordinary: false };
}

export function translateEnglish(phrase: string): Translation[] {
  return lookUpEnglish(phrase).translations;
}

/** Whether the lists know this English word or phrase (in any inflection). */
export function isEnglishTerm(phrase: string): boolean {
  return translateEnglish(phrase).length > 0;
}

/** Dutch synonyms and expansions of a Dutch word or phrase ("me" -> "mobiele eenheid", "problemen" -> "knelpunten"). */
export function dutchSynonyms(phrase: string): string[] {
  return load().domainDutch.get(phrase) ?? [];
}

/** Whether the lists hold this Dutch word (as a translation or a glossary entry). */
export function isDutchWord(word: string): boolean {
  return load().dutchWords.has(word);
}

/** Every single English word the lists translate. */
export function englishWords(): string[] {
  const { domainEnglish, general } = load();
  return [...new Set([...domainEnglish.keys(), ...general.keys()])].filter((w) => !w.includes(' '));
}

/** The English words and phrases of the domain glossary (the benchmarks ask questions with them). */
export function domainEnglishTerms(): string[] {
  return [...load().domainEnglish.keys()];
}
