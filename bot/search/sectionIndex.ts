// A lunr index over every section of every meeting, one document a section, with the heading boosted
// and Dutch compound parts indexed beside the words themselves. Queries are built term by term through
// lunr's query API, never its query syntax, so no user text can make lunr throw.
import lunr from 'lunr';
import type { Meeting, Section } from '../corpus/meeting';
import { CompoundSplitter } from './compoundSplitter';
import { derivationalRoot } from './derivations';
import { Speller } from './spelling';
import { LunrScorer, shareEmptyMetadata } from './lunrScorer';
export { byLunrRank } from './lunrScorer';
import { contentTokens, stem, tokenize } from './textAnalysis';

export interface IndexedSection {
  ref: string;
  meeting: Meeting;
  section: Section;
}

/** One spelling of a concept: its words must all match (a phrase) for it to match, and it counts `credit` (0-1). */
export interface Alternative {
  words: string[];
  credit: number;
}

/** A concept the question asks about, with its alternatives (translations, synonyms). */
export interface TermGroup {
  /** The question's own word or phrase. */
  word: string;
  alternatives: Alternative[];
  /** Whether a word list knows the word (a concept the reports may lack), as opposed to a word nobody knows. */
  known: boolean;
  /** The glossary's words are checked by hand: when the reports lack them, the reports lack the concept. */
  checked?: boolean;
  /** The report word a typo was taken for ("vuurwerkverbod" for "vuurwerkverbodd"). */
  correction?: string;
  /** A word that describes rather than names the topic ("dropping", "new"): it weighs less (bot/search/lexicon.ts). */
  ordinary?: boolean;
}

export interface SearchFilter {
  stems?: (matchedStems: ReadonlySet<string>) => boolean;
  section?: (doc: IndexedSection) => boolean;
}

export interface SectionHit {
  doc: IndexedSection;
  score: number;
  /** Order among sections with the same score (see byLunrRank). */
  rank: number;
  /** Read only: shared between sections that match the same stems. */
  matchedStems: ReadonlySet<string>;
}

/** How much a word derived from the same root counts ("instroom" for "instromers"). */
export const RELATIVE_CREDIT = 0.7;

const stemPipelineFn: lunr.PipelineFunction = (token) => token.update((s) => stem(s));
lunr.Pipeline.registerFunction(stemPipelineFn, 'lovp-stem');

/** A built index as plain JSON (bot/search/indexCache.ts), valid only for the same meetings in the same order. */
export interface SectionIndexSnapshot {
  index: object;
  /** Every word of the reports with how often it occurs. */
  vocabulary: [string, number][];
}

export class SectionIndex {
  readonly docs = new Map<string, IndexedSection>();
  readonly splitter: CompoundSplitter;
  private readonly index: lunr.Index;
  private readonly docCount: number;
  private readonly vocabulary: Map<string, number>;
  private speller?: Speller;
  private relativesByRoot?: Map<string, string[]>;
  private readonly scorer: LunrScorer;
  private readonly sections: IndexedSection[];

  /** Builds the index, or loads it from a snapshot of the same meetings (a cold start without rebuilding). */
  constructor(meetings: Meeting[], snapshot?: SectionIndexSnapshot) {
    const vocabulary = new Map<string, number>(snapshot?.vocabulary);
    if (!snapshot) {
      for (const m of meetings) for (const s of m.sections) for (const t of tokenize(`${s.heading} ${s.text}`)) vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
    }
    this.vocabulary = vocabulary;
    this.splitter = new CompoundSplitter(new Set(vocabulary.keys()));
    const docs = this.docs;
    const splitter = this.splitter;
    meetings.forEach((meeting, mi) => meeting.sections.forEach((section, si) => {
      docs.set(`${mi}:${si}`, { ref: `${mi}:${si}`, meeting, section });
    }));
    this.docCount = docs.size;
    this.sections = [...docs.values()];
    this.index = snapshot ? lunr.Index.load(snapshot.index) : lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(stemPipelineFn);
      this.ref('ref');
      this.field('heading', { boost: 3 });
      this.field('body');
      this.field('parts', { boost: 0.6 });
      for (const d of docs.values()) {
        const heading = contentTokens(d.section.heading);
        const body = contentTokens(d.section.text);
        const parts = [...heading, ...body].flatMap((t) => splitter.split(t));
        this.add({ ref: d.ref, heading: heading.join(' '), body: body.join(' '), parts: parts.join(' ') });
      }
    });
    shareEmptyMetadata(this.index);
    this.scorer = new LunrScorer(this.index, [...docs.keys()]);
  }

  snapshot(): SectionIndexSnapshot {
    return { index: this.index.toJSON(), vocabulary: [...this.vocabulary] };
  }

  /** Whether the reports use the word itself, its stem, or the parts of it as a compound. */
  knows(word: string): boolean {
    if (this.vocabulary.has(word) || this.has(stem(word))) return true;
    const { parts, partsKnown } = this.stemsOf(word);
    return partsKnown && parts.every((p) => this.has(p));
  }

  /** The report word a word nobody knows is most likely a typo of (bot/search/spelling.ts). */
  correct(word: string): string | undefined {
    this.speller ??= new Speller(this.vocabulary);
    return this.speller.correct(word);
  }

  /** Report stems derived from the same root ("instrom" for "instromer", "demonstratie" for "demonstrant"). */
  relatives(stemmed: string): string[] {
    if (!this.relativesByRoot) {
      this.relativesByRoot = new Map();
      for (const term of this.scorer.terms()) {
        const root = derivationalRoot(term);
        const list = this.relativesByRoot.get(root);
        if (list) list.push(term);
        else this.relativesByRoot.set(root, [term]);
      }
    }
    return (this.relativesByRoot.get(derivationalRoot(stemmed)) ?? []).filter((t) => t !== stemmed);
  }

  /** Stems a word stands for: its own stem and, for a compound, the stems of its parts. */
  stemsOf(word: string): { own: string; parts: string[]; partsKnown: boolean } {
    const parts = this.splitter.split(word);
    const stems = parts.map((p) => stem(this.splitter.corpusForm(p) ?? p));
    return { own: stem(word), parts: stems, partsKnown: parts.length > 0 && parts.every((p) => this.splitter.isWord(p)) };
  }

  /** Inverse document frequency of a stem (BM25 style); unknown stems get the highest value. */
  idf(stemmed: string): number {
    const sections = this.scorer.documentFrequency(stemmed);
    return Math.log(1 + (this.docCount - sections + 0.5) / (sections + 0.5));
  }

  has(stemmed: string): boolean {
    return this.scorer.has(stemmed);
  }


  /** What search returns, one section at a time in rank order, without building a hit per section. */
  visit(groups: TermGroup[], accept: SearchFilter, visit: (doc: IndexedSection, score: number, rank: number, matchedStems: ReadonlySet<string>) => void): void {
    const terms = new Map<string, number>();
    const add = (term: string, boost: number) => terms.set(term, Math.max(terms.get(term) ?? 0, boost));
    for (const g of groups) {
      for (const alt of g.alternatives) {
        for (const word of alt.words) {
          const { own, parts } = this.stemsOf(word);
          add(own, alt.credit);
          for (const p of parts) add(p, 0.5 * alt.credit);
          for (const r of this.relatives(own)) add(r, RELATIVE_CREDIT * alt.credit);
        }
      }
    }
    const query = [...terms].map(([term, boost]) => ({ term, boost }));
    const section = accept.section;
    this.scorer.visit(query, { terms: accept.stems ?? (() => true), doc: section && ((d) => section(this.sections[d])) },
      (d, score, rank, matchedStems) => visit(this.sections[d], score, rank, matchedStems));
  }
}
