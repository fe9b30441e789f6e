// Scores a query of optional terms against a lunr index exactly as lunr.Index.query scores it: the same query
// vector, the same field vectors, the field scores of a section added in the same order, and ties left in the
// order lunr meets the sections. What it leaves out is lunr's match data for every section that shares a word
// with the question (thousands at a thousand meetings, tens of milliseconds a question): sections are only
// scored when `accept` keeps them, and sections matching the same terms share one set of matched terms.
import type lunr from 'lunr';

export interface QueryTerm {
  term: string;
  boost: number;
}

export interface ScoredDoc {
  /** Position of the section in the refs given to the constructor. */
  ordinal: number;
  score: number;
  /** The query terms the section holds; shared between sections that hold the same ones, so read only. */
  terms: ReadonlySet<string>;
}

interface LunrInternals {
  fields: string[];
  invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

export class LunrScorer {
  private readonly lunr: LunrInternals;
  private readonly ordinals = new Map<string, number>();
  /** Per section, per field (in lunr's field order): the field vector's [termIndex, weight, ...] elements. */
  private readonly vectors: number[][][];
  /** Per term, per field: the sections holding it, in lunr's posting order. Filled as terms are asked for. */
  private readonly postings = new Map<string, Int32Array[]>();
  private readonly frequencies = new Map<string, number>();
  // Scratch space per section, valid where seen[ordinal] === epoch (search is synchronous).
  private readonly seen: Uint32Array;
  private epoch = 0;
  private readonly state: Int32Array;
  private readonly lastTerm: Int32Array;
  private readonly fieldMask: Uint8Array;
  private readonly fieldCount: Uint8Array;
  private readonly fieldOrder: Uint8Array;

  constructor(index: lunr.Index, refs: string[]) {
    this.lunr = index as unknown as LunrInternals;
    refs.forEach((ref, i) => this.ordinals.set(ref, i));
    this.vectors = refs.map((ref) => this.lunr.fields.map((field) => this.lunr.fieldVectors[`${field}/${ref}`]?.elements ?? []));
    const n = refs.length;
    this.seen = new Uint32Array(n);
    this.state = new Int32Array(n);
    this.lastTerm = new Int32Array(n);
    this.fieldMask = new Uint8Array(n);
    this.fieldCount = new Uint8Array(n);
    this.fieldOrder = new Uint8Array(n * this.lunr.fields.length);
  }

  has(term: string): boolean {
    return term in this.lunr.invertedIndex;
  }

  /** Number of sections holding the term in any field. */
  documentFrequency(term: string): number {
    let n = this.frequencies.get(term);
    if (n === undefined) {
      const holding = new Set<number>();
      if (this.has(term)) for (const list of this.postingsOf(term)) for (const d of list) holding.add(d);
      n = holding.size;
      this.frequencies.set(term, n);
    }
    return n;
  }

  /** Sections holding any of the terms that `accept` keeps, best first, with lunr's scores. Unknown terms are skipped. */
  search(query: QueryTerm[], accept: (ordinal: number, terms: ReadonlySet<string>) => boolean): ScoredDoc[] {
    const terms = query.filter((q) => this.has(q.term));
    if (terms.length === 0) return [];
    const fields = this.lunr.fields.length;
    if (++this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const epoch = this.epoch;
    const { seen, state, lastTerm, fieldMask, fieldCount, fieldOrder } = this;

    // Sections in the order lunr meets them (term, then field, then posting). A section's matched terms are a
    // state reached by adding terms in query order, so sections holding the same terms share one state.
    const order: number[] = [];
    const stateTerms: Set<string>[] = [new Set()];
    const next = new Map<number, number>();
    terms.forEach(({ term }, t) => {
      this.postingsOf(term).forEach((list, f) => {
        for (let i = 0; i < list.length; i++) {
          const d = list[i];
          if (seen[d] !== epoch) {
            seen[d] = epoch;
            state[d] = 0;
            lastTerm[d] = -1;
            fieldMask[d] = 0;
            fieldCount[d] = 0;
            order.push(d);
          }
          if (lastTerm[d] !== t) {
            lastTerm[d] = t;
            const key = state[d] * 65536 + t;
            let s = next.get(key);
            if (s === undefined) {
              s = stateTerms.length;
              stateTerms.push(new Set(stateTerms[state[d]]).add(term));
              next.set(key, s);
            }
            state[d] = s;
          }
          if (!(fieldMask[d] & (1 << f))) {
            fieldMask[d] |= 1 << f;
            fieldOrder[d * fields + fieldCount[d]++] = f;
          }
        }
      });
    });

    // lunr's query vector: every term in every field, sorted by term index; its length divides each dot product.
    const vector = terms.map((q) => ({ index: this.lunr.invertedIndex[q.term]._index, boost: q.boost })).sort((a, b) => a.index - b.index);
    let squares = 0;
    for (const q of vector) squares += q.boost * q.boost;
    const magnitude = Math.sqrt(squares);
    const similarity = (elements: number[]) => {
      let dot = 0;
      for (const q of vector) {
        const at = positionOf(elements, q.index);
        if (at >= 0) dot += q.boost * elements[at + 1];
      }
      return dot / magnitude || 0;
    };

    const hits: ScoredDoc[] = [];
    for (const d of order) {
      const matched = stateTerms[state[d]];
      if (!accept(d, matched)) continue;
      const vectors = this.vectors[d];
      let score = similarity(vectors[fieldOrder[d * fields]]);
      for (let k = 1; k < fieldCount[d]; k++) score += similarity(vectors[fieldOrder[d * fields + k]]);
      hits.push({ ordinal: d, score, terms: matched });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  private postingsOf(term: string): Int32Array[] {
    let lists = this.postings.get(term);
    if (!lists) {
      const posting = this.lunr.invertedIndex[term];
      lists = this.lunr.fields.map((field) => Int32Array.from(Object.keys(posting[field] ?? {}), (ref) => this.ordinals.get(ref)!));
      this.postings.set(term, lists);
    }
    return lists;
  }
}

/** Position of a term index in a lunr vector's sorted [index, value, index, value, ...] elements, or -1. */
function positionOf(elements: number[], index: number): number {
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = elements[mid * 2];
    if (at === index) return mid * 2;
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
