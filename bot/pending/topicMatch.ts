// Is a section of a later meeting about the same topic as a follow-up? Compared on content words, weighted by
// how rare they are in the reports (a word in every report, like "politie", says little), with word endings
// trimmed and compounds matched on their start ("vuurwerkverbod" ~ "vuurwerk"). Self-contained on purpose:
// the pending items must not change when the question search is tuned.

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
const GENERIC_HEADINGS = /^(?:inleiding|tot slot|ten slotte|slot|rondvraag|mededelingen|overig|overige (?:onderwerpen|punten)|varia|opening|sluiting|afsluiting|vaststellen agenda|verslag)$/iu;

function stem(word: string): string {
  let w = word;
  for (const suffix of ['heden', 'ingen', 'ing', 'en', 'es', 's', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Content words of a text, stemmed. */
export function contentTerms(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u);
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

/** Rarity of each term over a set of texts (sections), so common report words weigh little. */
export class TermWeights {
  private readonly docFreq = new Map<string, number>();
  private readonly docs: number;

  constructor(texts: string[]) {
    this.docs = texts.length;
    for (const text of texts) for (const term of contentTerms(text)) this.docFreq.set(term, (this.docFreq.get(term) ?? 0) + 1);
  }

  weight(term: string): number {
    return Math.log(1 + (this.docs + 1) / ((this.docFreq.get(term) ?? 0) + 0.5));
  }

  /** Weight of the terms of `a` that `b` also holds (or holds as the start or end of a compound). */
  shared(a: Set<string>, b: Set<string>): number {
    let sum = 0;
    for (const t of a) if (holds(b, t)) sum += this.weight(t);
    return sum;
  }

  /** How many terms of `a` that `b` also holds. */
  sharedCount(a: Set<string>, b: Set<string>): number {
    let n = 0;
    for (const t of a) if (holds(b, t)) n++;
    return n;
  }

  total(a: Set<string>): number {
    let sum = 0;
    for (const t of a) sum += this.weight(t);
    return sum;
  }
}

function holds(terms: Set<string>, term: string): boolean {
  if (terms.has(term)) return true;
  if (term.length < 5) return false;
  for (const t of terms) {
    if (t.length < 5) continue;
    if (t.startsWith(term) || term.startsWith(t) || (t.length >= 7 && term.endsWith(t)) || (term.length >= 7 && t.endsWith(term))) return true;
  }
  return false;
}

export interface TopicScore {
  heading: number;
  text: number;
  /** Number of the follow-up's words the other section holds. */
  sharedTerms: number;
}

/** How much of the follow-up's topic (its section heading and text) the other section covers, 0..1 each. */
export function topicScore(weights: TermWeights, item: { section: string; text: string }, other: { heading: string; text: string }): TopicScore {
  let heading = 0;
  if (!isGenericHeading(item.section) && !isGenericHeading(other.heading)) {
    const a = contentTerms(item.section);
    const b = contentTerms(other.heading);
    const smaller = Math.min(weights.total(a), weights.total(b));
    if (smaller > 0) heading = Math.min(1, Math.min(weights.shared(a, b), weights.shared(b, a)) / smaller);
  }
  const itemTerms = contentTerms(`${isGenericHeading(item.section) ? '' : item.section} ${item.text}`);
  const otherTerms = contentTerms(`${other.heading} ${other.text}`);
  const total = weights.total(itemTerms);
  const text = total > 0 ? weights.shared(itemTerms, otherTerms) / total : 0;
  return { heading, text, sharedTerms: weights.sharedCount(itemTerms, otherTerms) };
}

/**
 * Same topic: nearly the same heading, or much of the heading and a good part of the follow-up's wording, or
 * (under a heading that says nothing, like "Tot slot") most of its wording. Short follow-ups share a few common
 * words with many sections, hence the high bar without a heading.
 */
export function sameTopic(score: TopicScore): boolean {
  return score.heading >= 0.75 || (score.heading >= 0.5 && score.text >= 0.3) || (score.text >= 0.6 && score.sharedTerms >= 3);
}
