// Typo correction: a word nobody knows ("vuurwerkverbodd", "polcie") is matched to a known word one edit away
// (a letter added, dropped, changed, or two letters swapped), the most frequent one when several are. Candidates
// come from a symmetric-delete index (SymSpell): a word and a typo of it share a form with one letter deleted.

/** Words shorter than this are not corrected: too many short words are one letter apart. */
const MIN_LENGTH = 5;

export class Speller {
  /** Each word with one letter deleted -> the words it comes from; the word itself is a key too. */
  private readonly deletes = new Map<string, string[]>();

  /** `words`: known words with how often they occur (more frequent wins a tie). */
  constructor(private readonly words: ReadonlyMap<string, number>) {
    for (const word of words.keys()) {
      if (word.length < MIN_LENGTH - 1 || /\d/.test(word)) continue;
      for (const form of new Set([word, ...oneDeleted(word)])) {
        const list = this.deletes.get(form);
        if (list) list.push(word);
        else this.deletes.set(form, [word]);
      }
    }
  }

  /** The known word `word` is most likely a typo of, or undefined when none is one edit away. */
  correct(word: string): string | undefined {
    if (word.length < MIN_LENGTH || this.words.has(word) || /\d/.test(word)) return undefined;
    let best: string | undefined;
    for (const form of [word, ...oneDeleted(word)]) {
      for (const candidate of this.deletes.get(form) ?? []) {
        if (candidate === best || editDistance(word, candidate) !== 1) continue;
        if (!best || this.words.get(candidate)! > this.words.get(best)! || (this.words.get(candidate) === this.words.get(best) && candidate < best)) best = candidate;
      }
    }
    return best;
  }
}

function oneDeleted(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early above 1. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > 1) return 2;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length];
}
