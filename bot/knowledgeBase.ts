// Answers questions about the meetings: finds the sections a question is about and quotes the
// sentences that answer it, with the meeting date and section for every answer.
import { loadCorpus } from './corpus/loadCorpus';
import type { Meeting } from './corpus/meeting';
import { ReportError } from './corpus/parseReport';
import { datesMatching, findDateHint } from './answer/dateHints';
import { detectLanguage, type Language } from './answer/detectLanguage';
import { pickQuote } from './answer/pickQuote';
import { questionIntent, termGroups } from './answer/questionTerms';
import { corpusFingerprint, INDEX_CACHE_VERSION, readIndexCache, writeIndexCache } from './search/indexCache';
import { SectionIndex, type SearchFilter, type SectionHit, type SectionIndexSnapshot, type TermGroup } from './search/sectionIndex';
import { contentTokens } from './search/textAnalysis';

export interface Answer {
  date: string;
  /** Title of the meeting's report. */
  meeting: string;
  section: string;
  quote: string;
  score: number;
}

export interface QuestionResult {
  question: string;
  language: Language;
  /** Best first; empty when nothing in the reports is about the question. */
  answers: Answer[];
}

/** Share of the question's concepts (weighted by rarity) a section must hold to count as an answer. */
const MIN_COVERAGE = 0.5;
/** Answers scoring below this share of the best one are left out. */
const MIN_RELATIVE_SCORE = 0.15;
const MAX_ANSWERS = 5;
const HEAD_CREDIT = 0.4;
const MAX_QUESTION_CHARS = 2000;
const MAX_CACHED_SENTENCES = 20_000;
/** Words at the start of a sentence that name its subject ("De regioburgemeesters zijn teleurgesteld ..."). */
const SENTENCE_OPENING_WORDS = 4;

/** A word found as itself, or as the parts of a compound of known words ("vuurwerkverbod": "verbod op vuurwerk"). */
interface WordStems {
  own: string;
  parts: string[];
}

interface WeightedGroup {
  group: TermGroup;
  weight: number;
  /** Per alternative, per word: the stems that count as that word. */
  alternatives: WordStems[][];
}

export interface LoadOptions {
  /** Serialised index (bot/search/indexCache.ts): loaded when it matches the reports, else rebuilt and written. */
  cacheFile?: string;
}

export interface LoadResult {
  kb: KnowledgeBase;
  errors: ReportError[];
  /** 'hit': loaded from the cache file; 'miss': built and the cache written; 'off': no cache file given. */
  cache: 'hit' | 'miss' | 'off';
  /** Why the cache could not be written (the knowledge base works without it). */
  cacheError?: string;
}

export class KnowledgeBase {
  readonly meetings: Meeting[];
  private readonly index: SectionIndex;
  private readonly sentenceStems = new Map<string, ReadonlySet<string>>();

  /** `snapshot` is an index built earlier for these same meetings (see snapshot()). */
  constructor(meetings: Meeting[], snapshot?: SectionIndexSnapshot) {
    this.meetings = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
    this.index = new SectionIndex(this.meetings, snapshot);
  }

  static async fromDirectory(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
    const { cacheFile } = options;
    const fingerprint = cacheFile ? await corpusFingerprint(dir) : '';
    const cached = cacheFile ? await readIndexCache(cacheFile, fingerprint) : undefined;
    if (cached) {
      const errors = cached.errors.map((e) => new ReportError(e.source, e.reason));
      return { kb: new KnowledgeBase(cached.meetings, cached.index), errors, cache: 'hit' };
    }
    const { meetings, errors } = await loadCorpus(dir);
    const kb = new KnowledgeBase(meetings);
    if (!cacheFile) return { kb, errors, cache: 'off' };
    try {
      await writeIndexCache(cacheFile, {
        version: INDEX_CACHE_VERSION, fingerprint, meetings: kb.meetings,
        errors: errors.map((e) => ({ source: e.source, reason: e.reason })), index: kb.snapshot(),
      });
      return { kb, errors, cache: 'miss' };
    } catch (err) {
      return { kb, errors, cache: 'miss', cacheError: (err as Error).message };
    }
  }

  snapshot(): SectionIndexSnapshot {
    return this.index.snapshot();
  }

  ask(question: string): QuestionResult {
    const text = String(question ?? '').slice(0, MAX_QUESTION_CHARS);
    const language = detectLanguage(text);
    return { question: text, language, answers: this.answer(text, language) };
  }

  private answer(question: string, language: Language): Answer[] {
    const hint = findDateHint(question);
    const dates = hint ? datesMatching(hint, this.meetings.map((m) => m.date)) : undefined;
    const useHint = hint && dates && dates.size > 0;
    const text = useHint ? hint.rest : question;
    const groups = termGroups(text, language).map((g) => this.weigh(g));
    if (groups.length === 0) return [];
    const totalWeight = groups.reduce((n, g) => n + g.weight, 0);
    const intent = questionIntent(question);

    // Sections that match the same stems share one set, so coverage is worked out once per set.
    const coverages = new Map<ReadonlySet<string>, number>();
    const coverageOf = (stems: ReadonlySet<string>) => {
      let c = coverages.get(stems);
      if (c === undefined) coverages.set(stems, (c = this.coverage(groups, stems) / totalWeight));
      return c;
    };
    const filter: SearchFilter = {
      stems: (stems) => coverageOf(stems) >= MIN_COVERAGE,
      section: useHint ? (doc) => dates.has(doc.meeting.date) : undefined,
    };
    // The answers shown, in order: by score as shown (rounded), then in lunr's order. Only they get a quote:
    // with many meetings, thousands of sections can pass the coverage bar.
    const best: { hit: SectionHit; raw: number; score: number }[] = [];
    let top = 0;
    this.index.visit(groups.map((g) => g.group), filter, (doc, lunrScore, rank, matchedStems) => {
      const coverage = coverageOf(matchedStems);
      const raw = lunrScore * coverage * coverage;
      const score = roundScore(raw);
      top = Math.max(top, score);
      let at = best.length;
      while (at > 0 && isAhead(score, lunrScore, rank, best[at - 1])) at--;
      if (at >= MAX_ANSWERS) return;
      best.splice(at, 0, { hit: { doc, score: lunrScore, rank, matchedStems }, raw, score });
      if (best.length > MAX_ANSWERS) best.pop();
    });
    return best.filter((a) => a.score >= top * MIN_RELATIVE_SCORE).map(({ hit, raw }) => {
      const { quote } = pickQuote(hit.doc.section.text, (s) => this.sentenceScore(groups, s), intent);
      return this.toAnswer(hit, quote, raw);
    });
  }

  private weigh(group: TermGroup): WeightedGroup {
    const alternatives = group.alternatives.map((alt) => alt.map((word) => {
      const { own, parts, partsKnown } = this.index.stemsOf(word);
      return { own, parts: partsKnown ? parts : [] };
    }));
    // A concept is as specific as its most common known spelling; one the reports never use weighs most.
    const known = alternatives.flat().filter((s) => this.index.has(s.own)).map((s) => this.index.idf(s.own));
    const weight = known.length ? Math.min(...known) : this.index.idf('\u0000unknown');
    return { group, weight, alternatives };
  }

  /** Weight of the groups found in the stems; a compound found only by its head ("toezicht" for "cameratoezicht") counts in part. */
  private coverage(groups: WeightedGroup[], stems: ReadonlySet<string>): number {
    const credit = (w: WordStems) => {
      if (stems.has(w.own) || (w.parts.length > 0 && w.parts.every((p) => stems.has(p)))) return 1;
      return w.parts.length > 0 && stems.has(w.parts[w.parts.length - 1]) ? HEAD_CREDIT : 0;
    };
    let sum = 0;
    for (const g of groups) sum += g.weight * Math.max(...g.alternatives.map((alt) => Math.min(...alt.map(credit))));
    return sum;
  }

  /** Stems of a sentence, kept for the sentences quoted before: tokenising and stemming them was most of an answer. */
  /** The question's concepts in a sentence; those in its opening words (who acts, what about) count half again. */
  private sentenceScore(groups: WeightedGroup[], sentence: string): number {
    const opening = sentence.split(/\s+/).slice(0, SENTENCE_OPENING_WORDS).join(' ');
    return this.coverage(groups, this.stemsIn(sentence)) + 0.5 * this.coverage(groups, this.stemsIn(opening));
  }

  private stemsIn(sentence: string): ReadonlySet<string> {
    const cached = this.sentenceStems.get(sentence);
    if (cached) return cached;
    const stems = new Set<string>();
    for (const t of contentTokens(sentence)) {
      const { own, parts } = this.index.stemsOf(t);
      stems.add(own);
      for (const p of parts) stems.add(p);
    }
    if (this.sentenceStems.size >= MAX_CACHED_SENTENCES) this.sentenceStems.clear();
    this.sentenceStems.set(sentence, stems);
    return stems;
  }

  private toAnswer(hit: SectionHit, quote: string, score: number): Answer {
    const { meeting, section } = hit.doc;
    return { date: meeting.date, meeting: meeting.title, section: section.heading, quote, score: roundScore(score) };
  }
}

/** Scores as answers show them, and rank them. */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/** Whether an answer goes before `other`: a higher score as shown, then lunr's order (its score, then its rank). */
function isAhead(score: number, lunrScore: number, rank: number, other: { score: number; hit: SectionHit }): boolean {
  if (score !== other.score) return score > other.score;
  if (lunrScore !== other.hit.score) return lunrScore > other.hit.score;
  return rank < other.hit.rank;
}
