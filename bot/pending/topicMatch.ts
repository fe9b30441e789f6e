// Is a section of a later meeting about the same topic as a follow-up? Compared on content words, weighted by
// how rare they are in the reports (a word in every report, like "politie", says little), with word endings
// trimmed and compounds matched on their start ("vuurwerkverbod" ~ "vuurwerk") or end ("politieacademie" ~
// "academie"). Self-contained on purpose: the pending items must not change when the question search is tuned.
// A text is read into a Topic once (its terms and a lookup for the compound matches), so comparing a follow-up
// with thousands of sections never tokenises a section twice.
import { foldAccents } from '../shared/foldAccents';

const STOPWORDS = new Set(`de het een en of in op te van voor met aan bij door over om tot uit als dan dat die dit deze er
is zijn was waren wordt worden werd werden zal zullen kan kunnen moet moeten heeft hebben had hadden ook nog niet geen
wel al meer zo naar ze zij hij hun haar zich wat wie hoe waar wanneer maar want omdat dus toch hier daar daarbij hierbij
nu weer zeer veel enkele alle andere onder tegen tussen na binnen zonder sinds vanuit via per waarbij waarin waarop
waarvan welke wil willen gaat gaan komt komen kom terug goed graag daarnaast verder tevens echter ons onze men we wij
jl a.s. dhr mevr nl bijv enz ten aanzien betreft inzake mogelijk mogelijkheid belang groot grote kort korte nieuwe nieuw
eerst eerder later volgend volgende keer keren stand zaken onderwerp thema punt aangegeven gegeven geeft geven gesproken
besproken bespreken afgesproken afspraak afspraken lovp overleg minister ministers korpschef staatssecretaris
regioburgemeesters regioburgemeester burgemeesters burgemeester politie gezag gezagen leden agenda toegelicht toelichting
gevraagd vragen vraag aandacht landelijk landelijke landelijk gemaakt maken nader nadere apart uitgebreider zelf`.split(/\s+/));

/** Headings that say nothing about the topic. */
const GENERIC_HEADINGS = /^(?:inleiding|tot slot|ten slotte|slot|rondvraag|mededelingen|overig|overige (?:onderwerpen|punten)|varia|opening|sluiting|afsluiting|vaststellen agenda|verslag)$/i;

function stem(word: string): string {
  for (const suffix of ['heden', 'ingen', 'ing', 'en', 'es', 's', 'e']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Content words of a text, stemmed. */
export function contentTerms(text: string): Set<string> {
  const words = foldAccents(text.toLowerCase()).split(/[^a-z0-9]+/);
  const terms = new Set<string>();
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    terms.add(stem(word));
  }
  return terms;
}

export function isGenericHeading(heading: string): boolean {
  return GENERIC_HEADINGS.test(heading.trim().replace(/[.:]+$/, ''));
}

/**
 * The terms of a text and a lookup for the looser matches: two terms of 5 letters or more match when one starts
 * with the other (so they share their first five letters), two of 7 or more when one ends with the other (so they
 * share their last five).
 */
export class Topic {
  readonly terms: ReadonlySet<string>;
  private readonly byStart = new Map<string, string[]>();
  private readonly byEnd = new Map<string, string[]>();

  constructor(text: string) {
    this.terms = contentTerms(text);
    for (const t of this.terms) {
      if (t.length >= 5) push(this.byStart, t.slice(0, 5), t);
      if (t.length >= 7) push(this.byEnd, t.slice(-5), t);
    }
  }

  /** True when this topic holds `term`, or a term it is a compound part of (or that is one of its parts). */
  holds(term: string): boolean {
    if (this.terms.has(term)) return true;
    if (term.length < 5) return false;
    for (const t of this.byStart.get(term.slice(0, 5)) ?? []) if (t.startsWith(term) || term.startsWith(t)) return true;
    if (term.length >= 7) for (const t of this.byEnd.get(term.slice(-5)) ?? []) if (t.endsWith(term) || term.endsWith(t)) return true;
    return false;
  }

  /** Keys under which a matching term of another topic is found (see PendingTracker's index). */
  keys(): string[] {
    const keys = new Set<string>();
    for (const t of this.terms) {
      keys.add(t.length >= 5 ? `s:${t.slice(0, 5)}` : `w:${t}`);
      if (t.length >= 7) keys.add(`e:${t.slice(-5)}`);
    }
    return [...keys];
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rarity of each term over the sections of the reports, kept up to date as reports come and go. */
export class TermWeights {
  private readonly docFreq = new Map<string, number>();
  private docs = 0;
  /** Weights computed since the last change of the counts. */
  private readonly cache = new Map<string, number>();

  add(topic: Topic): void {
    this.cache.clear();
    this.docs++;
    for (const term of topic.terms) this.docFreq.set(term, (this.docFreq.get(term) ?? 0) + 1);
  }

  remove(topic: Topic): void {
    this.cache.clear();
    this.docs--;
    for (const term of topic.terms) {
      const n = (this.docFreq.get(term) ?? 0) - 1;
      if (n > 0) this.docFreq.set(term, n);
      else this.docFreq.delete(term);
    }
  }

  weight(term: string): number {
    let w = this.cache.get(term);
    if (w === undefined) {
      w = Math.log(1 + (this.docs + 1) / ((this.docFreq.get(term) ?? 0) + 0.5));
      this.cache.set(term, w);
    }
    return w;
  }

  /** Weight and number of the terms of `a` that `b` also holds. */
  shared(a: Topic, b: Topic): { weight: number; count: number } {
    let weight = 0;
    let count = 0;
    for (const t of a.terms) {
      if (!b.holds(t)) continue;
      weight += this.weight(t);
      count++;
    }
    return { weight, count };
  }

  total(a: Topic): number {
    let sum = 0;
    for (const t of a.terms) sum += this.weight(t);
    return sum;
  }
}

/** A section read once: its heading (null when it says nothing) and its whole text with the heading. */
export interface SectionTopic {
  heading: string;
  text: string;
  headingTopic: Topic | null;
  topic: Topic;
}

export function sectionTopic(section: { heading: string; text: string }): SectionTopic {
  return {
    heading: section.heading,
    text: section.text,
    headingTopic: isGenericHeading(section.heading) ? null : new Topic(section.heading),
    topic: new Topic(`${section.heading} ${section.text}`),
  };
}

/** A follow-up read once: its section's heading (null when generic) and its words with that heading. */
export interface ItemTopic {
  headingTopic: Topic | null;
  topic: Topic;
}

export function itemTopic(item: { section: string; text: string }): ItemTopic {
  const generic = isGenericHeading(item.section);
  return { headingTopic: generic ? null : new Topic(item.section), topic: new Topic(`${generic ? '' : item.section} ${item.text}`) };
}

export interface TopicScore {
  heading: number;
  text: number;
  /** Number of the follow-up's words the other section holds. */
  sharedTerms: number;
}

/** How much of the follow-up's topic (its section heading and text) the other section covers, 0..1 each. */
export function topicScore(weights: TermWeights, item: ItemTopic, other: SectionTopic): TopicScore {
  let heading = 0;
  if (item.headingTopic && other.headingTopic) {
    const smaller = Math.min(weights.total(item.headingTopic), weights.total(other.headingTopic));
    if (smaller > 0) heading = Math.min(1, Math.min(weights.shared(item.headingTopic, other.headingTopic).weight, weights.shared(other.headingTopic, item.headingTopic).weight) / smaller);
  }
  const total = weights.total(item.topic);
  const shared = weights.shared(item.topic, other.topic);
  return { heading, text: total > 0 ? shared.weight / total : 0, sharedTerms: shared.count };
}

/**
 * Same topic: nearly the same heading, or much of the heading and a good part of the follow-up's wording, or
 * (under a heading that says nothing, like "Tot slot") most of its wording. Short follow-ups share a few common
 * words with many sections, hence the high bar without a heading.
 */
export function sameTopic(score: TopicScore): boolean {
  return score.heading >= 0.75 || (score.heading >= 0.5 && score.text >= 0.3) || (score.text >= 0.6 && score.sharedTerms >= 3);
}
