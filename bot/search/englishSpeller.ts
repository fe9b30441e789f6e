// Typo correction for English questions ("polcie" -> "police"), against the English words of the word lists.
import { englishWords } from './lexicon';
import { Speller } from './spelling';

let speller: Speller | undefined;

export function englishSpeller(): Speller {
  speller ??= new Speller(new Map(englishWords().map((w) => [w, 1])));
  return speller;
}
