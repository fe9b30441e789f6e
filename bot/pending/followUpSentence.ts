// Does a sentence of a report say that something is still to happen? Read from its structure, not from a phrase
// alone: a verb phrase that looks ahead (an agreement or promise, a request to a party, a future, modal or
// ongoing verb, a party acting in the present tense, a topic coming back to a forum) must stand in a clause that
// is not in the past tense, and the weaker ones need an anchor: a party that acts (the owner), a time ahead
// (bot/corpus/timeExpressions.ts) or a forum (the LOVP, an overleg, the Kamer). The sentence's role can rule it
// out altogether: the report's introduction ("In het LOVP van ... is onder meer gesproken over ..."), an
// agreement made before ("Eerder is afgesproken"), a question, someone's term ending, a forecast nobody acts on.
import { splitClauses, type Clause } from '../corpus/dutchClauses';
import { findTimeExpressions, type TimeExpression } from '../corpus/timeExpressions';
import { ownerOf, partiesIn } from './owners';

export type SignalKind =
  | 'agreement' // "Afgesproken is dat", "zegt toe", "besloten", "kondigt aan"
  | 'request' // "De korpschef wordt gevraagd ... te", "is verzocht mee te nemen"
  | 'asks' // "De regioburgemeesters vragen de minister ... te": one party's wish, so it needs a time
  | 'invites' // "nodigt de regioburgemeesters uit voor een gesprek"
  | 'future' // "zal ... aanleveren", "gaat ... in gesprek"
  | 'must' // "moet nog worden opgesteld", "dient ... plaats te vinden"
  | 'wants' // "wil dit in het LOVP bespreken"
  | 'can' // "kan volgende keer worden versterkt"
  | 'ongoing' // "wordt gewerkt aan", "is bezig met", "zoekt naar", "worden pilots gestart"
  | 'acts' // a party in the present tense: "De minister stuurt ... toe", "De korpschef stelt ... op"
  | 'returns' // "komt terug op de agenda", "wordt geagendeerd", "komt ... ter sprake", "gaat naar de Kamer"
  | 'planned' // a present passive with a time or forum: "wordt in juni besproken", "wordt in 2026 uitgerold"
  | 'timed'; // a party in a present-tense clause with a date ahead: "Uiterlijk 1 juli ontvangen de regioburgemeesters .."

export interface Signal {
  kind: SignalKind;
  index: number;
  end: number;
}

export interface SentenceReading {
  followUp: boolean;
  /** Why not, or which signal decided (for tests and tuning). */
  reason: string;
  signals: Signal[];
  /** The clauses the deciding signals stand in, first the finite verb's, then the content verb's. */
  actionClauses: Clause[];
  /** Time expressions ahead of the meeting, in text order. */
  times: TimeExpression[];
  owner?: string;
}

const ACTION_INF = String.raw`(?:spreken|praten|overleggen|kijken|bezien|bekijken|onderzoeken|uitwerken|organiseren|opstellen|informeren|rapporteren|inventariseren|agenderen|voorleggen|regelen|zorgen|evalueren|bespreken|aanleveren|leveren|opleveren|sturen|toesturen|versturen|presenteren|maken|doen|nemen|brengen|verkennen|uitzoeken|delen|terugkoppelen|terugkomen|komen|zoeken|starten|opzetten|inrichten|aanpassen|afronden|verduidelijken|uitbreiden|vergroten|versterken|monitoren|volgen|toelichten|geven|houden|voeren|nagaan|ontwikkelen|opnemen|uitvoeren|investeren|inzetten|vastleggen|voorbereiden|betrekken|verkennen|aanwijzen|instellen|uitsplitsen|inzichtelijk\s+maken|in\s+kaart\s+brengen|gaan)`;
/** Participles of things done to a topic: "wordt besproken", "worden geëvalueerd", "wordt in consultatie gebracht". */
const DONE = String.raw`(?:besproken|behandeld|geagendeerd|vastgesteld|voorgelegd|uitgewerkt|opgesteld|ingesteld|opgezet|voorbereid|geëvalueerd|onderzocht|opgepakt|verkend|nagegaan|bekeken|bezien|geïnventariseerd|uitgezocht|geïnformeerd|gerapporteerd|toegestuurd|gestuurd|verstuurd|toegezonden|aangeboden|gepresenteerd|opgeleverd|gedeeld|teruggekoppeld|doorgesproken|doorgelicht|uitgerold|ingevoerd|getest|gestart|afgerond|aangepast|gemonitord|meegenomen|uitgebreid|uitgebouwd|ontwikkeld|gemaakt|gehouden|georganiseerd|genomen|gebracht|aangeleverd|toegelicht|opgeleverd|aangewezen|uitgesplitst|verduidelijkt|herzien|vervangen)`;

// Each with the g flag: every occurrence counts (see signalsIn).
const SIGNALS: { kind: SignalKind; re: RegExp }[] = [
  { kind: 'agreement', re: /\bafgesproken\b|\bafspraak\s+is\b|\bafspraken\s+(?:zijn|worden)\s+gemaakt\b|\bspre(?:ekt|ken)\s+(?:\S+\s+){0,3}?af\b|\bovere?engekomen\b|\bkom(?:t|en)\s+overeen\b|\bbesloten\b|\bbesluit\s+(?:\S+\s+){0,3}?(?:om|te|dat)\b|\btoegezegd\b|\bzeg(?:t|gen)\s+(?:\S+\s+){0,8}?toe\b|\btoezegging\b(?!\s+voor)|\bkondig(?:t|en)\s+(?:\S+\s+){0,8}?aan\b|\baangekondigd\b|\bnem(?:en|t)\s+zich\s+voor\b|\b(?:is|zijn)\s+(?:\S+\s+){0,2}?voornemens\b|\bvan\s+plan\b|^\s*actie(?:punt)?\s*:|\bbelo(?:ofd|oft|ven)\b|\bga(?:at|an)\s+in\s+op\s+(?:\S+\s+){0,2}(?:uitnodiging|verzoek|aanbod|voorstel|oproep)\b/gi },
  { kind: 'request', re: /\b(?:wordt|worden|is|zijn|werd|werden)\s+(?!(?:\S+\s+){0,5}?aandacht\s+gevraagd)(?:\S+\s+){0,3}?(?:gevr?aagd|verzocht|opgeroepen|opgedragen)\s+(?!of\b|naar\b|voor\b)(?:\S+\s+){0,12}?(?:te|om)\s|(?<!aandacht\s)\b(?:gevr?aagd|verzocht)\s+(?:\S+\s+){0,4}?(?:mee\s+te\s+nemen|te\s+[a-zà-öø-ÿ]+)/gi },
  { kind: 'asks', re: /\b(?:vraagt|vragen|verzoekt|verzoeken|roept|roepen|spoort|sporen|dringt|dringen)\b(?:\s+\S+){0,10}?\s+(?:om\s+)?(?:\S+\s+){0,8}?te\s+[a-zà-öø-ÿ]+|\bberoep\s+op\b.{0,60}\bom\b.{0,80}\bte\b|\b(?:oproep|verzoek)\b.{0,80}\bom\b.{0,80}\bte\b/gi },
  { kind: 'invites', re: /\bnodig(?:t|en)\s+(?:\S+\s+){0,6}?uit\s+(?:voor|om|tot)\s+(?:een|het|de)?\s*(?:gesprek|overleg|bijeenkomst|lovp|werkbezoek|bezoek)/gi },
  { kind: 'future', re: new RegExp(String.raw`\b(?:zal|zullen|zult)\b`, 'gi') },
  { kind: 'future', re: new RegExp(String.raw`\bga(?:at|an)\s+(?:\S+\s+){0,12}?(?:${ACTION_INF}|in\s+gesprek|in\s+overleg|aan\s+de\s+slag|na\b)|\bte\s+gaan\s+${ACTION_INF}`, 'gi') },
  { kind: 'must', re: /\b(?:moet|moeten|dient|dienen)\b/gi },
  { kind: 'wants', re: new RegExp(String.raw`\b(?:wil|willen)\s+(?:\S+\s+){0,20}?${ACTION_INF}\b`, 'gi') },
  { kind: 'can', re: /\b(?:kan|kunnen)\b/gi },
  { kind: 'ongoing', re: /\b(?:wordt|worden)\s+(?:er\s+)?(?:\S+\s+){0,4}?(?:gewerkt|gekeken|gezocht)\s+(?:aan|naar)\b|\b(?:wordt|worden)\s+(?:er\s+)?(?:\S+\s+){0,3}?aan\s+(?:\S+\s+){0,5}?gewerkt\b|\bwerk(?:t|en)\s+(?:\S+\s+){0,4}?aan\s+(?:een|het|de)\b|\b(?:is|zijn)\s+(?:\S+\s+){0,5}?bezig\s+(?:met|om)\b|\bzoek(?:t|en)\s+(?:\S+\s+){0,5}?naar\b|\b(?:wordt|worden)\s+(?:\S+\s+){0,4}?(?:gestart|opgestart|voorbereid|ontwikkeld|verkend)\b|\bin\s+voorbereiding\b|\bloopt\s+(?:een|het)\s+onderzoek\b/gi },
  { kind: 'acts', re: /\b(?:werkt|werken)\s+(?:\S+\s+){1,10}?uit\b|\b(?:stelt|stellen)\s+(?:\S+\s+){1,14}?op\b|\b(?:zoekt|zoeken)\s+(?:\S+\s+){1,6}?uit\b|\b(?:pakt|pakken)\s+(?:\S+\s+){1,6}?op\b|\b(?:legt|leggen)\s+(?:\S+\s+){1,14}?voor\b|\b(?:stuurt|sturen)\s+(?:\S+\s+){0,10}?(?:toe|rond|door|na|naar\s+de|aan\s+de)\b|\b(?:brengt|brengen)\s+(?:\S+\s+){1,6}?in\s+kaart\b|\b(?:neemt|nemen)\s+(?:\S+\s+){0,3}contact\s+op\b|\b(?:neemt|nemen)\s+(?:\S+\s+){0,6}?mee\b|\b(?:levert|leveren)\s+(?:\S+\s+){0,14}?(?:aan|op)\b|\b(?:opstelt|uitwerkt|voorlegt|aanlevert|toestuurt|oppakt|meeneemt|nagaat|inricht|aanpast|afrondt|uitvoert|uitsplitst|aanwijst)\b|\b(?:zet|zetten)\s+(?:\S+\s+){0,6}?op\s+een\s+rij\b|\bga(?:at|an)\s+(?:\S+\s+){0,3}?na\b|\b(?:informeert|informeren|rapporteert|rapporteren|organiseert|onderzoekt|onderzoeken|evalueert|inventariseert|agendeert|presenteert|verkent|reserveert|reserveren|rondt|ronden|deelt|delen)\b|\b(?:maakt|maken)\s+(?:\S+\s+){0,4}?(?:een\s+)?(?:voorstel|plan|analyse|overzicht|inzichtelijk)\b|\bdo(?:et|en)\s+(?:\S+\s+){0,4}?(?:een\s+)?voorstel\b|\bkom(?:t|en)\s+(?:\S+\s+){0,8}?met\s+(?:een\s+|het\s+)?(?:voorstel|plan|standpunt|reactie|brief|notitie|analyse|uitwerking|kabinetsreactie|wetsvoorstel|overzicht|visie)\b|\bwijst\s+(?:\S+\s+){0,3}?aan\b|\bpast\s+(?:\S+\s+){1,6}?aan\b/gi },
  { kind: 'returns', re: /\bkom(?:t|en)\b(?:\s+\S+){0,12}?\s+(?:op\s+\S+\s+)?terug\b(?!\s*(?:te|naar)\b)|\bterug\s*(?:te\s+)?(?:komen|keren)\b|\bterugkomen\b|\bterugkeren\b|\bkeer(?:t|en)\s+(?:\S+\s+){0,8}terug\b|\bkom(?:t|en)\s+er\s+(?:\S+\s+){0,6}?op\s+terug\b/gi },
  { kind: 'returns', re: /\b(?:ge)?agend(?:eer|eren|eert|eerd)\b|\bop\s+de\s+agenda\s+(?:staan|staat|zetten|gezet|geplaatst|plaatsen|komen|komt|houden)\b|\b(?:staan|staat|zetten|komen|komt|blijft|blijven)\s+(?:\S+\s+){0,6}op\s+de\s+agenda\b|\bop\s+de\s+agenda\s+van\b/gi },
  { kind: 'returns', re: /\b(?:aan\s+de\s+orde|aan\s+bod|ter\s+sprake)\s+(?:komen|komt|te\s+komen|gesteld)\b|\bkom(?:t|en)\b(?:\s+\S+){0,16}?\s+(?:aan\s+de\s+orde|aan\s+bod|ter\s+sprake)\b|\bter\s+(?:bespreking|vaststelling|besluitvorming|besluitvorming)\b|\bbesluitvormend\b/gi },
  { kind: 'returns', re: /\b(?:opnieuw|wederom|nogmaals|nader|later|verder|uitgebreider|apart)\s+(?:\S+\s+){0,3}(?:besproken|bespreken|gesproken|spreken|doorgesproken|geagendeerd|aan\s+de\s+orde|aan\s+bod|behandeld|uitgewerkt|onderzocht|bekeken|bezien|uitgezocht|geïnventariseerd)\b|\bdoor\s*(?:te\s+)?spreken\b|\bdoorgesproken\b|\bspre(?:ekt|ken)\b(?:\s+\S+){0,10}?\s+(?:apart|nader|verder|later|binnenkort|opnieuw)\b/gi },
  { kind: 'returns', re: /\b(?:doorgeschoven|uitgesteld|verschoven|verplaatst|aangehouden)\s+(?:\S+\s+){0,3}(?:naar|tot)\b|\b(?:wordt|worden)\s+(?:\S+\s+){0,4}(?:vervolgd|voortgezet)\b|\b(?:krijgt|krijgen)\s+(?:\S+\s+){0,2}vervolg\b/gi },
  { kind: 'returns', re: /\bvolg(?:t|en)\s+(?:\S+\s+){0,4}?(?:een\s+|de\s+)?(?:evaluatie|brief|voorstel|notitie|rapportage|voortgangsrapportage|besluit|uitwerking|reactie|analyse|plan|update|kabinetsreactie|terugkoppeling)\b|\b(?:evaluatie|brief|voorstel|notitie|rapportage|besluit|uitwerking|reactie|analyse|update)\s+volgt\b|(?:^|[,;]\s*|\b(?:daarom|dan|binnenkort|vervolgens)\s+)er\s+kom(?:t|en)\s+(?:een|nog|binnenkort|op\s+korte)\b|\bkom(?:t|en)\s+er\s+(?:een|nog)\s+(?!\S*\s*niets)/gi },
  { kind: 'returns', re: /\bga(?:at|an)\s+naar\s+de\s+(?:tweede\s+|eerste\s+)?kamer\b|\bstaat\s+in\s+het\s+teken\s+van\b|\bligt\s+er\s+(?:een|het|de)\b|\bplaats\s*(?:te\s+)?vind(?:t|en)\b|\bvind(?:t|en)\s+(?:\S+\s+){1,8}?plaats\b|\bliggen\s+(?:\S+\s+){0,4}?voor\b/gi },
  { kind: 'timed', re: /[a-zà-öø-ÿ]/gi },
  { kind: 'planned', re: new RegExp(String.raw`\b(?:wordt|worden)\s+(?:\S+\s+){0,10}?${DONE}\b`, 'gi') },
];

/** Bounds on the work for one sentence: real ones are far shorter, and have a few verbs of each kind. */
const MAX_SENTENCE_CHARS = 1200;
const MAX_PER_KIND = 4;

/** Kinds that stand on their own; the others need an anchor (see needsAnchor). */
const STRONG: ReadonlySet<SignalKind> = new Set(['agreement', 'request', 'invites', 'future', 'returns']);

// The sentence's role rules it out.
const QUESTION = /\?\s*["'”’)]*\s*$/;
const INDIRECT_QUESTION = /\b(?:vraag|vragen|vraagt|gevraagd|vroeg|vroegen)\s+(?:\S+\s+){0,3}?(?:of|hoe|welke|wat|waarom|wanneer|naar|zich\s+af)\b|\bvraag\b[^.;]{0,60}\b(?:was|is)\s+of\b|\bafvragen\b|\bbenieuwd\b/i;
const NOT_SO = /^zo\s+niet\b/i;
const TERM_ENDS = /\btermijn\b.{0,80}\b(?:loopt|liep)\b.{0,40}\baf\b|\btermijn\b.{0,60}\b(?:eindigt|afloopt|verloopt)\b|\bmet\s+pensioen\b|\bneemt\b.{0,60}\bafscheid\b|\bhet\s+laatste\s+(?:lovp|overleg)\b|\btreedt\b.{0,40}\baf\b|\bwordt\s+opgevolgd\b/i;
const FORECAST = /\bnaar\s+verwachting\b|\bde\s+verwachting\b|\bverwacht(?:t|en)?\s+(?:\S+\s+){0,6}?dat\b|\bverwacht\s+wordt\b|\bwordt\s+verwacht\b|\bvermoedelijk\b|\bwaarschijnlijk\b|\bprognose\b/i;
const HYPOTHETICAL = /\beventueel\b|\bzou(?:den)?\b|\bmogelijkerwijs\b/i;
const CONDITION = /(?:^|,\s*)(?:als|indien|mocht|mits|tenzij)\s/i;
const WISH = /\b(?:hoop|hopen|hoopt|wens|wensen|wenst)\b|\bwil(?:len)?\s+(?:\S+\s+){0,4}?(?:betrokken|meegenomen|geïnformeerd)\s+worden\b/i;
const NO_TOEZEGGING = /\bgeen\s+toezegging\b|\bniet\s+(?:\S+\s+){0,4}(?:als\s+)?(?:een\s+)?toezegging\b|\bniet\s+om\s+(?:\S+\s+)?gevraagd\b/i;
/** An agreement made at an earlier meeting, or recalled: not a new follow-up. */
const EARLIER = /\b(?:eerder|destijds|reeds|vorige\s+keer|conform|overeenkomstig)\b(?:\s+\S+){0,6}?\s+(?:afgesproken|afspraak|besloten|toegezegd|overeengekomen|gevraagd|aangekondigd)\b|\b(?:was|waren|had|hadden)\s+(?:\S+\s+){0,8}?(?:afgesproken|besloten|toegezegd|overeengekomen|gevraagd|aangekondigd)\b|\b(?:afgesproken|besloten|toegezegd)\s+(?:\S+\s+){0,4}?(?:eerder|destijds)\b|\bconform\s+(?:de\s+)?(?:afspraak|toezegging)\b/i;
/** "Er is gesproken over ...": a main clause telling what was discussed; what it says of the topic is no new promise. */
const DISCUSSED = /^\s*(?:\S+\s+){0,12}?(?:is|zijn|werd|werden)\s+(?:\S+\s+){0,8}?(?:gesproken|besproken|stilgestaan|teruggeblikt|toegelicht|ingegaan|gepresenteerd|gediscussieerd)\b|\bvan\s+gedachten\s+gewisseld\b|^\s*(?:gesproken|besproken)\s+is\b/i;
const RELATIVE = /^\s*(?:die|wat|waar(?!bij|na|door|mee|voor|over|op|in)[a-zà-öø-ÿ]*)\b/i;
const NOW = /\b(?:op\s+dit\s+moment|momenteel|op\s+het\s+moment|inmiddels)\b/i;
const POSSIBLE = /\b(?:kan|kunnen|mag|mogen)\b/i;
const NEGATION = /\bniet\b(?!\s+(?:alleen|enkel|eerder|later|langer|meer\s+dan|uit\s+te\s+sluiten))|\bgeen\b|\bnooit\b|\bniemand\b/i;
/** Verbs of state and forecasts after "zal": "zal ... zijn", "zal ... hoog blijven", "zal blijven stijgen". */
const STATE_VERB = String.raw`(?:zijn|blijven|vergen|duren|kosten|betekenen|vallen|gelden|bedragen|stijgen|dalen|toenemen|afnemen|oplopen|teweegbrengen|opleveren|vloeien|hebben|krijgen|ontstaan|leiden)`;
/** "zal" whose verb is one of state or change, not an act: the first such verb after it decides. */
const AFTER_WILL = new RegExp(String.raw`\b(?:zal|zullen)\b(?:\s+\S+){0,12}?\s+(${ACTION_INF}|${DONE}|${STATE_VERB}|worden)\b`, 'i');
const STATE_ONLY = new RegExp(String.raw`^${STATE_VERB}$`, 'i');
const STATE_AFTER_MUST = /\b(?:moet|moeten|dient|dienen)\b(?:\s+\S+){0,8}?\s+(?<!(?:gereed|klaar|afgerond|beschikbaar|ingevoerd|operationeel|bekend|helder|duidelijk)\s+)(?:zijn|blijven|gelden|worden\s+(?:voorkomen|vermeden))\b/i;

/** Places a follow-up is brought to. */
const FORUM = /\b(?:lovp|overleg|vergadering|bijeenkomst|(?:tweede|eerste)\s+kamer|kamer|strategisch\s+beraad|veiligheidsberaad|gesprek|agenda)\b/i;
const MEETING_FORUM = /\b(?:lovp|overleg|vergadering|bijeenkomst|agenda|bespreken|agenderen)\b/i;
/** "nog", "verder", "nader": work that remains. */
const REMAINING = /\b(?:nog|verder(?:e)?|nader(?:e)?|opnieuw|apart)\b/i;
/** The time of an event a phrase names, not of the action: "het rapport van 19 april", "vooruitlopend op de Kamerbehandeling in februari". */
const EVENT_TIME = /(?:\b(?!lovp\b|overleg\b|vergadering\b|bijeenkomst\b)[a-zà-öø-ÿ]{3,}\s+van\s+(?:de\s+|het\s+)?$)|(?:\b(?:vooruitlopend\s+op|in\s+aanloop\s+naar|in\s+afwachting\s+van|naar\s+aanleiding\s+van)\s+(?:\S+\s+){0,5}$)/i;

function clauseOf(clauses: Clause[], at: number): Clause {
  return clauses.find((c) => at >= c.index && at < c.end) ?? clauses[clauses.length - 1];
}

/** The signals of a sentence, each once, in text order. */
export function signalsIn(sentence: string): Signal[] {
  const found: Signal[] = [];
  for (const { kind, re } of SIGNALS) {
    const all = re;
    all.lastIndex = 0;
    let count = 0;
    for (let m = all.exec(sentence); m; m = all.exec(sentence)) {
      found.push({ kind, index: m.index, end: m.index + m[0].length });
      if (kind === 'timed' || ++count >= MAX_PER_KIND) break;
      if (m[0].length === 0) all.lastIndex++;
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The party acting in a clause: its subject or agent, not a party it only mentions. */
function actorIn(text: string, previousActor?: string): string | undefined {
  const owner = ownerOf(text, previousActor);
  return owner && owner !== 'LOVP' ? owner : undefined;
}

/**
 * Reads one sentence. `previousActor` is the party of the sentence before (for "Hij", "Zij"); `anchored` says the
 * sentence refers back to a follow-up ("Ook wordt daar teruggekoppeld ...") and so shares its time and forum.
 */
export function readSentence(whole: string, meetingDate: string, previousActor?: string, anchored = false): SentenceReading {
  // A "sentence" of thousands of characters is a text without full stops (a table, a broken PDF): read its start.
  const sentence = whole.length > MAX_SENTENCE_CHARS ? whole.slice(0, MAX_SENTENCE_CHARS) : whole;
  const clauses = splitClauses(sentence);
  const all = findTimeExpressions(sentence, meetingDate);
  const times = all.filter((t) => t.direction === 'future');
  const signals = signalsIn(sentence);
  const owner = ownerOf(sentence, previousActor);
  const no = (reason: string): SentenceReading => ({ followUp: false, reason, signals, actionClauses: [], times, owner });
  if (QUESTION.test(sentence) || INDIRECT_QUESTION.test(sentence) || NOT_SO.test(sentence)) return no('question');
  if (TERM_ENDS.test(sentence)) return no('term ends');
  if (NO_TOEZEGGING.test(sentence)) return no('no promise');
  if (EARLIER.test(sentence)) return no('agreed before');
  if (WISH.test(sentence)) return no('wish');

  const main = clauses.find((c) => !c.subordinate) ?? clauses[0];
  const discussedMain = DISCUSSED.test(main.text) && main.tense === 'past';
  const agreement = signals.some((s) => s.kind === 'agreement' || s.kind === 'request');
  const forum = anchored || FORUM.test(sentence);
  const datedAhead = times.some((t) => t.value !== null && !EVENT_TIME.test(sentence.slice(Math.max(0, t.index - 60), t.index)));
  const nextMeeting = times.some((t) => t.kind === 'next-meeting');
  const valuedTime = anchored || datedAhead;

  const deciding: Signal[] = [];
  let reason = 'no signal';
  for (const signal of signals) {
    const clause = clauseOf(clauses, signal.index);
    const text = clause.text;
    // A promise or request is made now even in the perfect ("is afgesproken", "heeft toegezegd").
    if (clause.tense === 'past' && signal.kind !== 'agreement' && signal.kind !== 'request') {
      reason = `${signal.kind} in a past clause`;
      continue;
    }
    // A relative clause describes a thing ("een tafel waar de aanpak verder wordt gebracht"): no promise of its own.
    if (RELATIVE.test(text)) {
      reason = `${signal.kind} in a relative clause`;
      continue;
    }
    if (discussedMain && clause !== main) {
      reason = `${signal.kind} describes what was discussed`;
      continue;
    }
    if (signal.kind !== 'agreement' && NEGATION.test(sentence.slice(clause.index, Math.max(signal.end, clause.end)))) {
      reason = `${signal.kind} negated`;
      continue;
    }
    if (!agreement && (FORECAST.test(sentence) || HYPOTHETICAL.test(text))) {
      reason = `${signal.kind} in a forecast or hypothesis`;
      continue;
    }
    if (!agreement && CONDITION.test(sentence) && !datedAhead) {
      reason = `${signal.kind} under a condition`;
      continue;
    }
    const actor = actorIn(text, previousActor);
    // "kan" and "mag" make a plan a possibility: only a next meeting or the LOVP makes it one.
    const kind = signal.kind !== 'agreement' && signal.kind !== 'request' && POSSIBLE.test(sentence.slice(clause.index, signal.end)) ? 'can' : signal.kind;
    let ok: boolean;
    switch (kind) {
      case 'future': {
        // "zullen ... moeten worden" is a need, read as "moeten" below.
        const verb = AFTER_WILL.exec(sentence.slice(signal.index));
        ok = (!verb || !STATE_ONLY.test(verb[1])) && !/^\s*(?:\S+\s+){0,8}?moeten\b/i.test(sentence.slice(signal.end));
        break;
      }
      case 'must':
        ok = !STATE_AFTER_MUST.test(sentence.slice(signal.index)) && (!!actor || valuedTime || nextMeeting || forum || REMAINING.test(text));
        break;
      case 'wants':
        ok = MEETING_FORUM.test(sentence) || valuedTime || nextMeeting;
        break;
      case 'can':
        ok = nextMeeting || /\blovp\b/i.test(text);
        break;
      case 'asks':
        ok = valuedTime || nextMeeting;
        break;
      case 'ongoing':
        // "Op dit moment wordt gewerkt aan ..." tells where things stand; with a party, a time or a forum it is work ahead.
        ok = !NOW.test(sentence) || !!actor || valuedTime || nextMeeting || forum || REMAINING.test(text);
        break;
      case 'acts':
        ok = (!!actor && partiesIn(text).length > 0) || valuedTime || nextMeeting || forum;
        break;
      case 'timed':
        ok = datedAhead && !!actor && clause.tense === 'present' && !POSSIBLE.test(text);
        break;
      case 'planned':
        ok = valuedTime || nextMeeting || /\b(?:lovp|overleg|vergadering|kamer)\b/i.test(text) || REMAINING.test(text);
        break;
      default:
        ok = STRONG.has(signal.kind);
    }
    if (!ok) {
      reason = `${signal.kind} without an anchor`;
      continue;
    }
    deciding.push(signal);
  }
  if (deciding.length === 0) return no(reason);
  const actionClauses: Clause[] = [];
  for (const s of deciding) {
    for (const c of [clauseOf(clauses, s.index), clauseOf(clauses, Math.max(s.index, s.end - 1))]) if (!actionClauses.includes(c)) actionClauses.push(c);
  }
  return { followUp: true, reason: deciding.map((s) => s.kind).join('+'), signals, actionClauses, times, owner };
}

/**
 * The time a follow-up is due: a time ahead in a main clause of its verb, a dated one before "volgend LOVP" there;
 * else one in a subordinate clause of its verb, else anywhere in the sentence; never the time of an event the
 * sentence only names ("het rapport van 19 april").
 */
export function dueTime(sentence: string, reading: SentenceReading): TimeExpression | undefined {
  const usable = reading.times.filter((t) => !EVENT_TIME.test(sentence.slice(Math.max(0, t.index - 60), t.index)));
  const inClauses = (clauses: Clause[]) => usable.filter((t) => clauses.some((c) => t.index >= c.index && t.index < c.end));
  // Of several dates in the clauses that act ("wordt in 2024 getest en in 2026 uitgerold"), the last one is due.
  const pick = (list: TimeExpression[]) => latest(list.filter((t) => t.value !== null)) ?? list[0];
  return pick(inClauses(reading.actionClauses.filter((c) => !c.subordinate))) ?? pick(inClauses(reading.actionClauses))
    ?? pick(usable.filter((t) => !t.clause.subordinate)) ?? pick(usable);
}

function latest(list: TimeExpression[]): TimeExpression | undefined {
  const end = (v: string) => (v.length === 4 ? `${v}-12-31` : v.length === 7 ? `${v}-31` : v);
  return list.reduce<TimeExpression | undefined>((best, t) => (!best || end(t.value!) > end(best.value!) ? t : best), undefined);
}
