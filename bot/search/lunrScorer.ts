// Scores a query of optional terms against a lunr index exactly as lunr.Index.query scores it: the same query
// vector, the same field vectors, the field scores of a section added in the same order, and ties left in the
// order lunr meets the sections. What it leaves out is lunr's match data for every section that shares a word
// with the question (thousands at a thousand meetings, tens of milliseconds a question): sections are only
// scored when `accept` keeps them, and sections matching the same terms share one set of matched terms, which
// `accept` judges once.
import type lunr from 'lunr';

export interface QueryTerm {
  term: string;
  boost: number;
}

/** `terms` decides on a set of matched terms (asked once per distinct set), `doc` (optional) on a section. */
export interface Accept {
  terms: (matched: ReadonlySet<string>) => boolean;
  doc?: (ordinal: number) => boolean;
}

interface LunrInternals {
  fields: string[];
  invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

const STRIDE = 4;
const MAX_FIELDS = 4;
// The fields number of a section's scratch: which fields matched (bits 0-3), how many (bits 4-6), kept (bit 7),
// and the matched fields in the order lunr adds their scores (2 bits each from bit 8).
const COUNT_SHIFT = 4;
const KEPT = 1 << 7;
const ORDER_SHIFT = 8;

export class LunrScorer {
  private readonly lunr: LunrInternals;
  private readonly ordinals = new Map<string, number>();
  /** Per section, per field (in lunr's field order): the field vector's [termIndex, weight, ...] elements. */
  private readonly vectors: number[][][];
  /** Per term, per field: the sections holding it, in lunr's posting order. Filled as terms are asked for. */
  private readonly postings = new Map<string, Int32Array[]>();
  private readonly weights = new Map<string, Float64Array[]>();
  private readonly frequencies = new Map<string, number>();
  /**
   * Scratch space, STRIDE numbers per section, valid while its first one equals `epoch` (visit is synchronous):
   * the epoch, the state (matched terms), the last term matched, and the fields (bits as above COUNT_SHIFT). One array keeps a
   * section's bookkeeping in one cache line.
   */
  private readonly scratch: Int32Array;
  private epoch = 0;
  /** Per section and field: the dot product with the query vector. */
  private readonly dots: Float64Array;

  constructor(index: lunr.Index, refs: string[]) {
    this.lunr = index as unknown as LunrInternals;
    if (this.lunr.fields.length > MAX_FIELDS) throw new Error(`LunrScorer handles at most ${MAX_FIELDS} fields`);
    refs.forEach((ref, i) => this.ordinals.set(ref, i));
    this.vectors = refs.map((ref) => this.lunr.fields.map((field) => this.lunr.fieldVectors[`${field}/${ref}`]?.elements ?? []));
    this.scratch = new Int32Array(refs.length * STRIDE);
    this.dots = new Float64Array(refs.length * this.lunr.fields.length);
  }

  has(term: string): boolean {
    return term in this.lunr.invertedIndex;
  }

  /** Every term of the index. */
  terms(): string[] {
    return Object.keys(this.lunr.invertedIndex);
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


  /** What search returns, one section at a time in rank order, without building a result per section. */
  visit(query: QueryTerm[], accept: Accept, visit: (ordinal: number, score: number, rank: number, terms: ReadonlySet<string>) => void): void {
    const terms = query.filter((q) => this.has(q.term));
    if (terms.length === 0) return;
    const fields = this.lunr.fields.length;
    if (++this.epoch === 0x7fffffff) {
      for (let i = 0; i < this.scratch.length; i += STRIDE) this.scratch[i] = 0;
      this.epoch = 1;
    }
    const epoch = this.epoch;
    const { scratch, dots } = this;

    // Sections in the order lunr meets them (term, then field, then posting). A section's matched terms are a
    // state reached by adding terms in query order, so sections holding the same terms share one state. Its
    // fields are kept in the order lunr adds their scores.
    const order: number[] = [];
    const stateTerms: Set<string>[] = [new Set()];
    const next: Int32Array[] = [new Int32Array(terms.length)];
    for (let t = 0; t < terms.length; t++) {
      const lists = this.postingsOf(terms[t].term);
      for (let f = 0; f < fields; f++) {
        const list = lists[f];
        for (let i = 0; i < list.length; i++) {
          const d = list[i];
          const at = d * STRIDE;
          if (scratch[at] !== epoch) {
            scratch[at] = epoch;
            scratch[at + 1] = 0;
            scratch[at + 2] = -1;
            scratch[at + 3] = 0;
            order.push(d);
          }
          if (scratch[at + 2] !== t) {
            scratch[at + 2] = t;
            const from = scratch[at + 1];
            let to = next[from][t];
            if (to === 0) {
              to = stateTerms.length;
              stateTerms.push(new Set(stateTerms[from]).add(terms[t].term));
              next.push(new Int32Array(terms.length));
              next[from][t] = to;
            }
            scratch[at + 1] = to;
          }
          const bits = scratch[at + 3];
          if (!(bits & (1 << f))) {
            const count = (bits >> COUNT_SHIFT) & 7;
            scratch[at + 3] = (bits | (1 << f) | (f << (ORDER_SHIFT + 2 * count))) + (1 << COUNT_SHIFT);
          }
        }
      }
    }

    // Which sections are kept: `accept.terms` once per state, `accept.doc` once per section.
    const verdict = new Int8Array(stateTerms.length); // per state: 0 not asked yet, 1 kept, -1 dropped
    const keptOrder: number[] = [];
    for (const d of order) {
      const s = scratch[d * STRIDE + 1];
      if (verdict[s] === 0) verdict[s] = accept.terms(stateTerms[s]) ? 1 : -1;
      if (verdict[s] < 0 || (accept.doc && !accept.doc(d))) continue;
      scratch[d * STRIDE + 3] |= KEPT;
      for (let f = 0; f < fields; f++) dots[d * fields + f] = 0;
      keptOrder.push(d);
    }

    // lunr scores a field as (query vector . field vector) / |query vector|, where the query vector holds every
    // term with its boost; the dot product adds the terms in term-index order, and so does this loop.
    const byIndex = terms.map((q) => ({ ...q, index: this.lunr.invertedIndex[q.term]._index })).sort((a, b) => a.index - b.index);
    let squares = 0;
    for (const q of byIndex) squares += q.boost * q.boost;
    const magnitude = Math.sqrt(squares);
    for (const { term, boost } of byIndex) {
      const lists = this.postingsOf(term);
      const weights = this.weightsOf(term);
      for (let f = 0; f < fields; f++) {
        const list = lists[f];
        const weight = weights[f];
        for (let i = 0; i < list.length; i++) {
          const d = list[i];
          if (scratch[d * STRIDE + 3] & KEPT) dots[d * fields + f] += boost * weight[i]; // every d was seen this query
        }
      }
    }

    keptOrder.forEach((d, rank) => {
      const bits = scratch[d * STRIDE + 3];
      const count = (bits >> COUNT_SHIFT) & 7;
      let score = dots[d * fields + ((bits >> ORDER_SHIFT) & 3)] / magnitude || 0;
      for (let k = 1; k < count; k++) score += dots[d * fields + ((bits >> (ORDER_SHIFT + 2 * k)) & 3)] / magnitude || 0;
      visit(d, score, rank, stateTerms[scratch[d * STRIDE + 1]]);
    });
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

  /** Per field, parallel to postingsOf(term): the term's weight in each section's field vector. */
  private weightsOf(term: string): Float64Array[] {
    let weights = this.weights.get(term);
    if (!weights) {
      const index = this.lunr.invertedIndex[term]._index;
      weights = this.postingsOf(term).map((list, f) => Float64Array.from(list, (d) => {
        const elements = this.vectors[d][f];
        const at = positionOf(elements, index);
        return at >= 0 ? elements[at + 1] : 0; // a posting always has its term in the field vector
      }));
      this.weights.set(term, weights);
    }
    return weights;
  }
}

const NO_METADATA = Object.freeze(Object.create(null));

/**
 * lunr keeps a metadata object per term, field and section, empty when no metadata is whitelisted (as here):
 * hundreds of thousands of objects at a thousand meetings, about half the index's memory. They are swapped
 * for one shared empty object; toJSON writes the same "{}".
 */
export function shareEmptyMetadata(index: lunr.Index): void {
  const { invertedIndex, fields } = index as unknown as LunrInternals;
  for (const term in invertedIndex) {
    for (const field of fields) {
      const posting = invertedIndex[term][field];
      for (const ref in posting) {
        let empty = true;
        for (const _ in posting[ref] as object) {
          empty = false;
          break;
        }
        if (empty) posting[ref] = NO_METADATA;
      }
    }
  }
}

/** lunr's result order: higher score first, equal scores in the order lunr met them. */
export function byLunrRank(a: { score: number; rank: number }, b: { score: number; rank: number }): number {
  return b.score - a.score || a.rank - b.rank;
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
