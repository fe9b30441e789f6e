// Which Dutch words describe rather than name a topic. A question's verbs and adjectives ("aarzelt",
// "weggehaald", "wettelijke") say little about which section answers it; its nouns ("carbidschieten",
// "achterstand") say what it is about. The part of speech comes from wordlists/nl-words.tsv (FreeDict + WordNet);
// inflected forms are taken back to the dictionary form first.
import { readFileSync } from 'node:fs';
import path from 'node:path';

let words: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (words) return words;
  words = new Map();
  try {
    for (const line of readFileSync(path.join(__dirname, 'wordlists', 'nl-words.tsv'), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [word, pos] = line.split('\t');
      words.set(word, pos ?? '');
    }
  } catch {
    // Without the list every word counts as naming a topic.
  }
  return words;
}

const SEPARABLE = /^(?:aan|af|bij|door|in|mee|na|om|onder|op|over|terug|toe|uit|voor|weg)/;
const VOWEL = /[aeiou]/;

/** "haal" -> "hal", "zet" stays: the stem as it stands before -en. */
const open = (stem: string) => stem.replace(/([aeou])\1([^aeiou])$/, '$1$2');

/** Dictionary forms an inflected Dutch word may come from, the word itself first. */
export function dutchLemmas(word: string): string[] {
  const out = [word];
  const add = (stem: string) => {
    if (stem.length < 2 || !VOWEL.test(stem)) return;
    out.push(`${stem}en`, `${open(stem)}en`, stem);
    if (/([^aeiou])$/.test(stem)) out.push(`${stem}${stem.slice(-1)}en`);
    if (stem.endsWith('f')) out.push(`${open(stem.slice(0, -1))}ven`);
    if (stem.endsWith('s')) out.push(`${open(stem.slice(0, -1))}zen`);
  };
  // Participles: "gedaan", "weggehaald", "uitgevoerd" -> doen, weghalen, uitvoeren.
  const participle = /^(.*?)ge(.+?)[dt]?$/.exec(word);
  if (participle && (participle[1] === '' || SEPARABLE.test(participle[1]))) add(participle[1] + participle[2].replace(/[dt]$/, ''));
  if (/(?:te|de|ten|den)$/.test(word)) add(word.replace(/(?:te|de|ten|den)$/, '').replace(/(.)\1$/, '$1'));
  if (word.endsWith('t')) add(word.slice(0, -1));
  if (word.endsWith('en')) {
    const stem = word.slice(0, -2);
    out.push(stem, stem.replace(/(.)\1$/, '$1'), stem.replace(/([aeou])([^aeiou])$/, '$1$1$2'));
  }
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('e')) out.push(word.slice(0, -1));
  return [...new Set(out)];
}

/** Shapes only verbs have: a participle ("ingelicht", "gerekruteerd", "uitgevoerd"), a French-style verb
 *  ("rekruteert", "evalueren"), or a verb with an unstressed prefix and a verb ending ("ontlast", "verbeterde"). */
const VERB_SHAPE = /^(?:(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|voor|weg)?ge\p{L}{3,}[dt]|\p{L}+ee(?:rd|rt|ren|rde|rden)|(?:be|her|ont|ver)\p{L}{3,}(?:t|de|te|den|ten))$/u;

/** The dictionary's part of speech (n, v, a, r) of a Dutch word or of the form it is inflected from; for a word the
 *  dictionary lacks, 'v' when its shape is a verb's. */
export function dutchPartOfSpeech(word: string): string | undefined {
  const list = load();
  for (const lemma of dutchLemmas(word)) {
    const pos = list.get(lemma);
    if (pos !== undefined) return pos;
  }
  return VERB_SHAPE.test(word) ? 'v' : undefined;
}

