// A lunr index over every section of every meeting, one document a section, with the heading boosted
// and Dutch compound parts indexed beside the words themselves. Queries are built term by term through
// lunr's query API, never its query syntax, so no user text can make lunr throw.
import lunr from 'lunr';
import type { Meeting, Section } from '../corpus/meeting';
import { CompoundSplitter } from './compoundSplitter';
import { LunrScorer, shareEmptyMetadata } from './lunrScorer';
export { byLunrRank } from './lunrScorer';
import { contentTokens, stem, tokenize } from './textAnalysis';

export interface IndexedSection {
  ref: string;
  meeting: Meeting;
  section: Section;
}

/** One alternative spelling of a concept: its stems must all match (a phrase) for the alternative to match. */
export type Alternative = string[];

/** A concept the question asks about, with its alternatives (translations, synonyms) and weight. */
export interface TermGroup {
  word: string;
  alternatives: Alternative[];
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

const stemPipelineFn: lunr.PipelineFunction = (token) => token.update((s) => stem(s));
lunr.Pipeline.registerFunction(stemPipelineFn, 'lovp-stem');

/** A built index as plain JSON (bot/search/indexCache.ts), valid only for the same meetings in the same order. */
export interface SectionIndexSnapshot {
  index: object;
  vocabulary: string[];
}

export class SectionIndex {
  readonly docs = new Map<string, IndexedSection>();
  readonly splitter: CompoundSplitter;
  private readonly index: lunr.Index;
  private readonly docCount: number;
  private readonly vocabulary: Set<string>;
  private readonly scorer: LunrScorer;
  private readonly sections: IndexedSection[];

  /** Builds the index, or loads it from a snapshot of the same meetings (a cold start without rebuilding). */
  constructor(meetings: Meeting[], snapshot?: SectionIndexSnapshot) {
    const vocabulary = new Set<string>(snapshot?.vocabulary);
    if (!snapshot) for (const m of meetings) for (const s of m.sections) for (const t of tokenize(`${s.heading} ${s.text}`)) vocabulary.add(t);
    this.vocabulary = vocabulary;
    this.splitter = new CompoundSplitter(vocabulary);
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

  /** Stems a word stands for: its own stem and, for a compound, the stems of its parts. */
  stemsOf(word: string): { own: string; parts: string[]; partsKnown: boolean } {
    const parts = this.splitter.split(word);
    return { own: stem(word), parts: parts.map(stem), partsKnown: parts.length > 0 && parts.every((p) => this.splitter.isWord(p)) };
  }

  /** Inverse document frequency of a stem (BM25 style); unknown stems get the highest value. */
  idf(stemmed: string): number {
    const sections = this.scorer.documentFrequency(stemmed);
    return Math.log(1 + (this.docCount - sections + 0.5) / (sections + 0.5));
  }

  has(stemmed: string): boolean {
    return this.scorer.has(stemmed);
  }

  /**
   * Sections holding any of the groups' stems, with lunr's scores and ranks (bot/search/lunrScorer.ts), unsorted:
   * lunr's order is by score, then rank (byLunrRank). `accept` drops sections before they are scored (at a
   * thousand meetings most sections share some word): `stems` judges the stems a section matches, once per
   * distinct set; `section` judges the section itself.
   */
  search(groups: TermGroup[], accept: SearchFilter = {}): SectionHit[] {
    const hits: SectionHit[] = [];
    this.visit(groups, accept, (doc, score, rank, matchedStems) => hits.push({ doc, score, rank, matchedStems }));
    return hits;
  }

  /** What search returns, one section at a time in rank order, without building a hit per section. */
  visit(groups: TermGroup[], accept: SearchFilter, visit: (doc: IndexedSection, score: number, rank: number, matchedStems: ReadonlySet<string>) => void): void {
    const terms = new Map<string, number>();
    for (const g of groups) {
      for (const alt of g.alternatives) {
        for (const word of alt) {
          const { own, parts } = this.stemsOf(word);
          terms.set(own, Math.max(terms.get(own) ?? 0, 1));
          for (const p of parts) terms.set(p, Math.max(terms.get(p) ?? 0, 0.5));
        }
      }
    }
    const query = [...terms].map(([term, boost]) => ({ term, boost }));
    const section = accept.section;
    this.scorer.visit(query, { terms: accept.stems ?? (() => true), doc: section && ((d) => section(this.sections[d])) },
      (d, score, rank, matchedStems) => visit(this.sections[d], score, rank, matchedStems));
  }
}
