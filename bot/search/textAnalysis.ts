// Tokens, stop words and stems shared by the index and by queries, so both sides always agree.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';
import dutch from 'lunr-languages/lunr.nl';
import { foldAccents } from '../shared/foldAccents';

stemmerSupport(lunr);
dutch(lunr);
const dutchStemmer = (lunr as unknown as { nl: { stemmer: (t: lunr.Token) => lunr.Token } }).nl.stemmer;

/** Lower case, accents folded ("geïnformeerd" -> "geinformeerd"), split on anything but letters and digits. */
export function tokenize(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .replace(/['’‘`´]s\b/g, '') // BOA's, camera’s
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

const stemCache = new Map<string, string>();

/** Dutch snowball stem; "-ies" plurals (evaluaties) first lose their s, which snowball keeps. */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    const base = token.length > 5 && token.endsWith('ies') ? token.slice(0, -1) : token;
    s = dutchStemmer(new lunr.Token(base, {})).toString();
    if (stemCache.size < 100_000) stemCache.set(token, s);
  }
  return s;
}

// Dutch function words (snowball list) and the words that only shape a question.
export const DUTCH_STOP_WORDS = new Set(`aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij
mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren
was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou ten aanzien betreft welke welk wanneer waarom waar
hoeveel waarover waarbij gaat gaan graag eigenlijk precies iets iemand er rond rondom`.split(/\s+/));
// English function words (a standard list, with the contractions tokenised).
export const ENGLISH_STOP_WORDS = new Set(`a about above after again against all am an and any anything are aren as at be because been before being
below between both but by can cannot could couldn d did didn do does doesn doing don down during each else even ever every few for from
further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself just ll m
ma me might mightn more most must mustn my myself needn no nor not now o of off on once only or other others our ours ourselves out over
own re s same shall shan she should shouldn so some such t than that the their theirs them themselves then there these they this those
through to too under until up upon us ve very was wasn we were weren what whatever when where whether which while who whom whose why will
with within without won would wouldn y yet you your yours yourself yourselves also already again still ago anyway however though
regarding concerning according around since via per like also etc`.split(/\s+/));
/** English words that say what kind of answer a question wants, not what it is about. */
export const ENGLISH_INTENT_WORDS = new Set(`tell please said say says saying discussed discuss discussing talked talk talking mentioned
mention meeting meetings lovp agreed agree agreement agreements decided decide decision decisions`.split(/\s+/));
// Words common in questions that say nothing about the topic.
const QUESTION_SHAPERS = `elke elk ieder iedere alle hoeveel vaak ongeveer momenteel huidige recent recente laatst laatste vorige
volgende binnenkort gebeurd gebeurt gebeuren gedaan doet krijgt vinden vindt vond denkt denken standpunt mening iets
dealing deal deals handle handles handling handled doing done going happen happened happening think thinks thought view
opinion position stance currently current recent latest last next upcoming soon much many often some each every
take takes took taken give gives gave given get gets got make makes made put puts want wants wanted need needs needed
afgesproken afspraak afspraken gezegd besproken gesproken bespreking zei zeiden gezegd vertelt vertelde
gemeld genoemd aangegeven zeggen besloten overeengekomen lovp vergadering overleg`;

// Greetings, thanks and sign-offs: a question written like an e-mail ("Goedemiddag, ... Met vriendelijke groet")
// is about what stands between them; otherwise their words count as the topic, and "groet" is corrected to "grote".
const COURTESIES = `hoi hallo hey beste geachte goedemorgen goedemiddag goedenavond groet groeten vriendelijke hartelijke hartelijk
dank bedankt alvast mvg hi hello dear thanks thank regards cheers sincerely greetings`;

export const STOP_WORDS = new Set([...DUTCH_STOP_WORDS, ...ENGLISH_STOP_WORDS, ...ENGLISH_INTENT_WORDS, ...QUESTION_SHAPERS.split(/\s+/), ...COURTESIES.split(/\s+/)]);

/** Content tokens of a text: tokenised, without stop words. An abbreviation written in capitals is kept even when
 *  it spells a stop word ("het OM", "de ME", "de AP"), unless its neighbours are capitals too (a heading in capitals). */
export function contentTokens(text: string, stopWords: ReadonlySet<string> = STOP_WORDS): string[] {
  const words = foldAccents(text).replace(/['’‘`´]s\b/g, '').split(/[^A-Za-z0-9]+/).filter((w) => w);
  const capitals = words.map((w) => /^[A-Z]{2,5}$/.test(w));
  const out: string[] = [];
  words.forEach((w, i) => {
    const token = w.toLowerCase();
    const abbreviation = capitals[i] && !capitals[i - 1] && !capitals[i + 1];
    if (abbreviation || !stopWords.has(token)) out.push(token);
  });
  return out;
}
