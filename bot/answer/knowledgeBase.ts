// Answers questions about the meetings: finds the sections a question is about and quotes the
// sentences that answer it, with the meeting date and section for every answer.
import type { Language } from '../shared/language';
import type { Meeting } from '../corpus/meeting';
import { datesMatching, findDateHint, type DateHint } from './dateHints';
import { detectLanguage, evidentLanguage } from './detectLanguage';
import { isFollowUp, type TopicContext } from './followUp';
import { isOverview } from './overview';
import { pickQuote } from './pickQuote';
import { questionIntent, termGroups, type QuestionIntent } from './questionTerms';
import { isEnglishTerm } from '../search/lexicon';
import { englishSpeller } from '../search/englishSpeller';
import { RELATIVE_CREDIT, SectionIndex, type IndexedSection, type SearchFilter, type SectionHit, type SectionIndexSnapshot, type TermGroup } from '../search/sectionIndex';
import { contentTokens } from '../search/textAnalysis';
import { withoutSignOff } from './signOff';

export interface Answer {
  date: string;
  /** Title of the meeting's report. */
  meeting: string;
  section: string;
  quote: string;
  score: number;
}

/** A question word taken for a typo of a report word ("vuurwerkverbodd" -> "vuurwerkverbod"). */
export interface Correction {
  from: string;
  to: string;
}

export interface QuestionResult {
  question: string;
  language: Language;
  /** Best first; empty when nothing in the reports is about the question. */
  answers: Answer[];
  /** Typos the answer was given for; the reply says "Bedoelde je ...?". */
  corrections: Correction[];
  /** Set when the question was answered as a follow-up of this earlier one ("en wanneer komt dat terug?"). */
  followUpOf?: TopicContext;
  /** What a follow-up of this question is about: this question, or the topic it followed up on. */
  topic: TopicContext;
}

export interface AskOptions {
  /** The topic of the conversation's previous question (bot/answer/topicMemory.ts), for follow-up questions. */
  context?: TopicContext;
}

/** Options of the knowledge base (MiniSearch style: each one with its default, in DEFAULT_OPTIONS). */
export interface KnowledgeOptions {
  /** Share of the question's concepts, weighted by rarity, a section must hold to count as an answer. Default 0.4. */
  minCoverage: number;
  /** Answers scoring below this share of the best answer's score are left out. Default 0.15. */
  minRelativeScore: number;
  /** Answers per question, at most. Default 5 (the bot: MAX_ANSWERS, 1 to 20). */
  maxAnswers: number;
  /** Longer questions are cut to this many characters before they are read. Default 2000 (the bot refuses longer
   *  ones before asking: MAX_QUESTION_CHARS). */
  maxQuestionChars: number;
}

export const DEFAULT_OPTIONS: KnowledgeOptions = { minCoverage: 0.4, minRelativeScore: 0.15, maxAnswers: 5, maxQuestionChars: 2000 };

/** A compound found only by its head ("toezicht" for "cameratoezicht") counts this much. */
const HEAD_CREDIT = 0.4;
/** An introduction that only names a topic ("In het LOVP ... is onder meer gesproken over X") ranks below X's section. */
const OVERVIEW_FACTOR = 0.35;
/** Sections of a meeting in a year the question names without making it a filter ("het overschot van 2023"), or
 *  that name the year themselves. Years are no search terms: "2024" is in too many sections to say what it is about. */
const YEAR_BOOST = 1.2;
/** A word nobody knows counts as this share of the least specific known concept of the question. */
const UNKNOWN_SHARE = 0.5;
/** A Dutch word the reports lack counts this share of a checked absent concept (swept 0.5-1 on the tune sets:
 *  0.75 keeps 10 of 11 Dutch unanswerable questions unanswered and finds 95% of the answerable ones). */
const DUTCH_ABSENT_SHARE = 0.75;
/** A describing word counts this share of its specificity. */
const ORDINARY_SHARE = 0.5;
const MAX_CACHED_SENTENCES = 20_000;
/** A timeline lists at most this many meetings. */
export const MAX_TIMELINE_MEETINGS = 30;
/** A meeting belongs on a timeline when its section scores at least this share of the best one. */
const TIMELINE_RELATIVE_SCORE = 0.1;
/** Words at the start of a sentence that name its subject ("De regioburgemeesters zijn teleurgesteld ..."). */
const SENTENCE_OPENING_WORDS = 4;

/** A word found as itself, as a derived word of the same root, as the parts of a compound, or by its head alone. */
interface WordStems {
  own: string;
  /** The parts of a compound of report words ("vuurwerk" + "verbod"). */
  parts: string[];
  /** The last part of a compound, also when its first part is no report word ("beveiliging" of "persoonsbeveiliging"). */
  head?: string;
  relatives: string[];
}

interface WeightedGroup {
  group: TermGroup;
  weight: number;
  /** Per alternative: its credit and, per word, the stems that count as that word. */
  alternatives: { credit: number; words: WordStems[] }[];
}

export class KnowledgeBase {
  readonly meetings: Meeting[];
  readonly options: KnowledgeOptions;
  private readonly index: SectionIndex;
  private readonly sentenceStems = new Map<string, ReadonlySet<string>>();

  /** `snapshot` is an index built earlier for these same meetings (see snapshot()). */
  constructor(meetings: Meeting[], snapshot?: SectionIndexSnapshot, options: Partial<KnowledgeOptions> = {}) {
    this.meetings = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
    this.index = new SectionIndex(this.meetings, snapshot);
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  snapshot(): SectionIndexSnapshot {
    return this.index.snapshot();
  }

  /** The language of a text: Dutch words are the reports' words, English ones the word lists' (bot/search/lexicon.ts). */
  languageOf(text: string): Language {
    return detectLanguage(text, (word) => this.index.knows(word));
  }

  /** The language a text's words show, the reports' words counting as Dutch; undefined when they show none. */
  wordsLanguage(text: string): Language | undefined {
    return evidentLanguage(text, (word) => this.index.knows(word));
  }

  ask(question: string, options: AskOptions = {}): QuestionResult {
    const text = withoutSignOff(String(question ?? '').slice(0, this.options.maxQuestionChars));
    const language = this.languageOf(text);
    const corrections: Correction[] = [];
    const previous = options.context && isFollowUp(text) ? options.context : undefined;
    const answers = this.answer(text, language, corrections, previous);
    const topic = previous ?? { question: text, language };
    return { question: text, language, answers, corrections, topic, ...(previous ? { followUpOf: previous } : {}) };
  }

  /**
   * Every meeting that discussed a topic ("tijdlijn vuurwerk"), oldest first: per meeting its best section, quoted
   * by what was agreed or decided first. At most `maxMeetings`, the best matching ones when more did.
   */
  timeline(topic: string, maxMeetings = MAX_TIMELINE_MEETINGS): QuestionResult {
    const text = String(topic ?? '').slice(0, this.options.maxQuestionChars);
    const language = this.languageOf(text);
    const groups = this.weighAll(this.termsOf(text, language), language);
    const corrections = groups.filter((g) => g.group.correction).map((g) => ({ from: g.group.word, to: g.group.correction! }));
    const found = groups.length
      ? this.search(groups, { agreement: true, when: false }, undefined, undefined, { maxAnswers: maxMeetings, onePerMeeting: true, minRelativeScore: TIMELINE_RELATIVE_SCORE })
      : [];
    const answers = found.sort((a, b) => a.date.localeCompare(b.date));
    return { question: text, language, answers, corrections, topic: { question: text, language } };
  }

  private answer(question: string, language: Language, corrections: Correction[], previous?: TopicContext): Answer[] {
    // A follow-up names no meeting of its own more often than not: then the previous question's meeting holds.
    const hint = findDateHint(question) ?? (previous && findDateHint(previous.question));
    const dates = hint?.filter ? datesMatching(hint.filter, this.meetings.map((m) => m.date)) : undefined;
    const text = hint && !previous ? hint.rest : question;
    // A follow-up is about the previous question's topic, with its own words (an actor, a date) added.
    const terms = [
      ...(previous ? this.termsOf(findDateHint(previous.question)?.rest ?? previous.question, previous.language) : []),
      ...this.termsOf(previous ? findDateHint(question)?.rest ?? question : text, language),
    ];
    const groups = this.weighAll(terms, language);
    for (const g of groups) if (g.group.correction) corrections.push({ from: g.group.word, to: g.group.correction });
    const intent = questionIntent(question);
    const inDates = dates && dates.size > 0 ? (doc: IndexedSection) => dates.has(doc.meeting.date) : undefined;
    // A question that names a meeting and nothing else ("wat is er besproken in het laatste LOVP?") gets its topics.
    if (groups.length === 0) return inDates ? this.sectionsOf(dates!, groups, intent) : [];
    const found = this.search(groups, intent, hint, inDates);
    // A named period with no answer in it is a hint, not a wall: look everywhere, the dates show where it is from.
    return found.length || !inDates ? found : this.search(groups, intent, hint, undefined);
  }

  /** The question's concepts, typos taken for the report or English word they most likely are. */
  private termsOf(text: string, language: Language): TermGroup[] {
    return termGroups(text, language, {
      knows: (word) => this.index.knows(word) || (language === 'en' && isEnglishTerm(word)),
      correct: (word) => this.index.correct(word) ?? (language === 'en' ? englishSpeller().correct(word) : undefined),
    });
  }

  private search(groups: WeightedGroup[], intent: QuestionIntent, hint: DateHint | undefined, inDates?: (doc: IndexedSection) => boolean,
    shape: { maxAnswers: number; onePerMeeting?: boolean; minRelativeScore?: number } = { maxAnswers: this.options.maxAnswers }): Answer[] {
    const { minCoverage } = this.options;
    const { maxAnswers, onePerMeeting } = shape;
    const minRelativeScore = shape.minRelativeScore ?? this.options.minRelativeScore;
    const totalWeight = groups.reduce((n, g) => n + g.weight, 0);
    // Sections that match the same stems share one set, so coverage is worked out once per set.
    const coverages = new Map<ReadonlySet<string>, number>();
    const coverageOf = (stems: ReadonlySet<string>) => {
      let c = coverages.get(stems);
      if (c === undefined) coverages.set(stems, (c = this.coverage(groups, stems) / totalWeight));
      return c;
    };
    const filter: SearchFilter = { stems: (stems) => coverageOf(stems) >= minCoverage, section: inDates };
    const boostedYears = [...new Set(hint?.years ?? [])];
    const aboutYear = (doc: IndexedSection) =>
      boostedYears.some((y) => doc.meeting.date.startsWith(y) || doc.section.heading.includes(y) || doc.section.text.includes(y));
    // The answers shown, in order: by score as shown (rounded), then in lunr's order. Only they get a quote:
    // with many meetings, thousands of sections can pass the coverage bar.
    const best: { hit: SectionHit; raw: number; score: number }[] = [];
    let top = 0;
    this.index.visit(groups.map((g) => g.group), filter, (doc, lunrScore, rank, matchedStems) => {
      const coverage = coverageOf(matchedStems);
      let raw = lunrScore * coverage * coverage;
      if (isOverview(doc.section)) raw *= OVERVIEW_FACTOR;
      if (boostedYears.length && aboutYear(doc)) raw *= YEAR_BOOST;
      const score = roundScore(raw);
      top = Math.max(top, score);
      if (onePerMeeting) {
        const same = best.findIndex((b) => b.hit.doc.meeting === doc.meeting);
        if (same >= 0 && !isAhead(score, lunrScore, rank, best[same])) return;
        if (same >= 0) best.splice(same, 1);
      }
      let at = best.length;
      while (at > 0 && isAhead(score, lunrScore, rank, best[at - 1])) at--;
      if (at >= maxAnswers) return;
      best.splice(at, 0, { hit: { doc, score: lunrScore, rank, matchedStems }, raw, score });
      if (best.length > maxAnswers) best.pop();
    });
    return best.filter((a) => a.score >= top * minRelativeScore).map(({ hit, raw }) => {
      const { quote } = pickQuote(hit.doc.section.text, (s) => this.sentenceScore(groups, s), intent, hit.doc.meeting.date);
      return this.toAnswer(hit.doc, quote, raw);
    });
  }

  /** The topics of the meetings asked about, newest meeting first, in the report's order (its introduction, which
   *  names them, first). */
  private sectionsOf(dates: Set<string>, groups: WeightedGroup[], intent: QuestionIntent): Answer[] {
    const meetings = this.meetings.filter((m) => dates.has(m.date)).reverse();
    const out: Answer[] = [];
    for (const meeting of meetings) {
      for (const section of meeting.sections) {
        if (out.length >= this.options.maxAnswers) return out;
        const { quote } = pickQuote(section.text, (s) => this.sentenceScore(groups, s), { ...intent, agreement: true }, meeting.date);
        out.push(this.toAnswer({ ref: '', meeting, section }, quote, 0));
      }
    }
    return out;
  }

  /**
   * Weights of the concepts: as specific as their most common spelling in the reports (inverse document frequency).
   * A concept the reports lack weighs by how sure that is. The glossary's words are checked, so the reports lack
   * the concept: it weighs most, and the question has no answer here. A general-lexicon word may only lack the
   * reports' synonym: it weighs as much as the question's typical known concept. A describing word ("dropping")
   * weighs half, and a word nobody knows never more than the least of the known ones, unless the question is Dutch:
   * then the reports, written in it, are the resource that does not know it.
   */
  private weighAll(groups: TermGroup[], language: Language): WeightedGroup[] {
    const weighed = groups.map((group) => {
      const alternatives = group.alternatives.map((alt) => ({
        credit: alt.credit,
        words: alt.words.map((word) => {
          const { own, parts, partsKnown } = this.index.stemsOf(word);
          // Only the question's own word is found by its head: a synonym's head is often a word the question
          // already has ("lachgasverbod" for "verbod op lachgas").
          const head = alt.credit === 1 && alt.words.length === 1 ? parts.at(-1) : undefined;
          return { own, parts: partsKnown ? parts : [], head, relatives: this.index.relatives(own) };
        }),
      }));
      // A spelling is in the reports when every word of it is (a phrase: all its words), and it is as specific as
      // its rarest word; a concept is as specific as its most common spelling.
      const idfOf = (s: WordStems) => {
        const found = [s.own, ...s.relatives].filter((x) => this.index.has(x)).map((x) => this.index.idf(x));
        if (s.parts.length && s.parts.every((p) => this.index.has(p))) found.push(Math.max(...s.parts.map((p) => this.index.idf(p))));
        return found.length ? Math.min(...found) : undefined;
      };
      const specificities = alternatives.map((a) => a.words.map(idfOf)).filter((ws) => ws.every((x) => x !== undefined)).map((ws) => Math.max(...(ws as number[])));
      const present = specificities.length > 0;
      return { group, weight: present ? Math.min(...specificities) : NaN, alternatives, present };
    });
    const presentWeights = weighed.filter((g) => g.present).map((g) => g.weight);
    if (presentWeights.length === 0) return [];
    const typical = median(presentWeights);
    const unknown = UNKNOWN_SHARE * Math.min(...presentWeights);
    return weighed.map(({ group, weight, alternatives, present }) => {
      let w = weight;
      if (!present) {
        const absent = this.index.idf('\u0000absent');
        // In a Dutch question, a word the reports lack (and that is no typo of theirs) is most likely what they do
        // not cover; it may also be a synonym they write otherwise, so it weighs a little less than a checked one.
        if (group.known && group.checked) w = absent;
        else if (language === 'nl' && !group.ordinary) w = DUTCH_ABSENT_SHARE * absent;
        else w = group.known && !group.ordinary ? typical : unknown;
      }
      if (group.ordinary) w *= ORDINARY_SHARE;
      return { group, weight: w, alternatives };
    });
  }

  /** Weight of the groups found in the stems. */
  private coverage(groups: WeightedGroup[], stems: ReadonlySet<string>): number {
    const credit = (w: WordStems) => {
      if (stems.has(w.own) || (w.parts.length > 0 && w.parts.every((p) => stems.has(p)))) return 1;
      if (w.relatives.some((r) => stems.has(r))) return RELATIVE_CREDIT;
      return w.head !== undefined && stems.has(w.head) ? HEAD_CREDIT : 0;
    };
    let sum = 0;
    for (const g of groups) {
      let best = 0;
      for (const alt of g.alternatives) {
        let c = alt.credit;
        for (const w of alt.words) c = Math.min(c, alt.credit * credit(w));
        best = Math.max(best, c);
      }
      sum += g.weight * best;
    }
    return sum;
  }

  /** The question's concepts in a sentence; those in its opening words (who acts, what about) count half again. */
  private sentenceScore(groups: WeightedGroup[], sentence: string): number {
    const opening = sentence.split(/\s+/).slice(0, SENTENCE_OPENING_WORDS).join(' ');
    return this.coverage(groups, this.stemsIn(sentence)) + 0.5 * this.coverage(groups, this.stemsIn(opening));
  }

  /** Stems of a sentence, kept for the sentences quoted before: tokenising and stemming them was most of an answer. */
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

  private toAnswer(doc: IndexedSection, quote: string, score: number): Answer {
    const { meeting, section } = doc;
    return { date: meeting.date, meeting: meeting.title, section: section.heading, quote, score: roundScore(score) };
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Scores as answers show them, and rank them. */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/** Whether an answer goes before `other`: a higher score as shown, then lunr's order (its score, then its rank). */
function isAhead(score: number, lunrScore: number, rank: number, other: { score: number; hit: SectionHit }): boolean {
  if (score !== other.score) return score > other.score;
  if (lunrScore !== other.hit.score) return lunrScore > other.hit.score;
  return rank < other.hit.rank;
}
