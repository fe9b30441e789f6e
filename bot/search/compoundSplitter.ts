// Dutch writes compounds as one word (knalvuurwerk, vuurwerkverbod, veiligheidsagenda). Splitting
// them against the corpus vocabulary lets "vuurwerk" find both, and "knalvuurwerk" find "vuurwerk".

const MIN_WORD = 7;
const LINKERS = ['s', 'en', 'e'];

import { STOP_WORDS } from './textAnalysis';

export class CompoundSplitter {
  private readonly cache = new Map<string, string[]>();
  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  /** The parts of a compound ([] when it is not one): a known head, and a known or longer modifier. */
  split(word: string): string[] {
    let parts = this.cache.get(word);
    if (parts === undefined) {
      parts = this.bestSplit(word);
      this.cache.set(word, parts);
    }
    return parts;
  }

  /** A corpus word, also in its other number ("evaluaties" when the corpus has "evaluatie"). */
  isWord(w: string): boolean {
    return this.corpusForm(w) !== undefined;
  }

  /** The form the corpus writes the word in: itself, or its other number ("plan" for "plannen"). */
  corpusForm(w: string): string | undefined {
    if (w.length < 3 || STOP_WORDS.has(w)) return undefined;
    // Plurals both ways, also with a doubled consonant ("plannen" / "plan").
    return [w, `${w}s`, `${w}en`, w.replace(/s$/, ''), w.replace(/en$/, ''), w.replace(/(.)\1en$/, '$1')].find((form) => this.vocabulary.has(form));
  }

  private bestSplit(word: string): string[] {
    if (word.length < MIN_WORD || /\d/.test(word)) return [];
    let best: { parts: string[]; quality: number } | undefined;
    for (let i = 3; i <= word.length - 4; i++) {
      const head = word.slice(i);
      if (!this.isWord(head)) continue;
      const left = word.slice(0, i);
      const modifier = [left, ...LINKERS.filter((l) => left.endsWith(l)).map((l) => left.slice(0, -l.length))].find((m) => this.isWord(m));
      // An unknown modifier is allowed only with a long head ("leer" + "evaluaties"), to avoid "aange" + "geven".
      if (!modifier && !(left.length >= 4 && head.length >= 6)) continue;
      const quality = (modifier ? 100 : 0) + Math.min(left.length, head.length);
      if (!best || quality > best.quality) best = { parts: [modifier ?? left, head], quality };
    }
    return best?.parts ?? [];
  }
}
