// The clauses of a Dutch report sentence and the tense each is in, so a time phrase or a promise can be tied
// to the verb it belongs to: in "Het rapport dat op 19 april is verschenen, wordt voor de zomer besproken" the
// date sits in a past clause and "voor de zomer" in the one that plans something. Dutch puts the verb cluster of
// a subordinate clause at its end and marks the perfect with an auxiliary and a participle; that is what is read
// here, with word lists rather than a parser (reports use a small, formal vocabulary).

export type Tense = 'past' | 'present' | 'future';

export interface Clause {
  text: string;
  /** Start and end (exclusive) in the sentence. */
  index: number;
  end: number;
  tense: Tense;
  /** Opens with a subordinator or relative word ("dat", "die", "waarbij", "nadat", "om"): it hangs on another clause. */
  subordinate: boolean;
}

/** Words that open a subordinate clause (a relative or adverbial one, or a complement). */
const SUBORDINATORS = /^(?:dat|die|wat|of|om|waar[a-zà-öø-ÿ]*|zodat|omdat|doordat|voordat|nadat|totdat|zodra|wanneer|terwijl|indien|mits|tenzij|hoewel|ofschoon|aangezien|als)$/i;

/** Words that open a new clause: subordinators, relative adverbs, coordinators. */
const OPENERS = new Set(`dat die wat of om waar waarbij waarin waarna waarmee waarover waarop waardoor waarvoor waaruit waaraan zodat omdat doordat
voordat nadat totdat zodra wanneer terwijl indien mits tenzij hoewel ofschoon aangezien maar en want dus alsook alsmede`.split(/\s+/));

// Finite auxiliaries and common finite verbs: the evidence that a stretch of words is a clause of its own.
const AUX_PRESENT = 'is|zijn|wordt|worden|heeft|hebben|zal|zullen|zult|kan|kunnen|moet|moeten|mag|mogen|wil|willen|dient|dienen|gaat|gaan|komt|komen|blijft|blijven|staat|staan|ligt|liggen|volgt|volgen|vindt|vinden|krijgt|krijgen|zou|zouden';
const AUX_PAST = 'was|waren|werd|werden|had|hadden|kon|konden|moest|moesten|mocht|mochten|wilde|wilden|ging|gingen|kwam|kwamen|bleef|bleven|stond|stonden|lag|lagen';
/** Past forms of the verbs reports use ("sprak af", "gaf aan", "lichtte toe"): imperfect, so past. */
const STRONG_PAST = `sprak spraken gaf gaven nam namen zei zeiden zag zagen vroeg vroegen kreeg kregen vond vonden hield hielden liet
lieten wees wezen bleek bleken begon begonnen besloot trof verscheen ontving dacht bracht brachten zocht zochten viel vielen leek
leken sloot sloten schreef schreven stelde stelden lichtte lichtten meldde meldden deelde deelden schetste schetsten toonde
toonden noemde noemden vertelde vertelden stemde stemden dankte dankten uitte uitten volgde volgden koppelde koppelden legde
legden maakte maakten zette zetten werkte werkten benadrukte benadrukten onderstreepte onderstreepten waarschuwde waarschuwden
steunde steunden beaamde beaamden bevestigde bevestigden herhaalde herhaalden erkende erkenden pleitte pleitten opende
vulde vulden leidde leidden verwees verwezen sprak`.split(/\s+/);
const PAST_FORMS = new Set([...AUX_PAST.split('|'), ...STRONG_PAST]);
const isImperfect = (w: string) => PAST_FORMS.has(w) || (/eerden?$/.test(w) && w.length >= 8 && !w.startsWith('ge'));
/** Finite forms that cannot continue a verb cluster as an infinitive can ("vrijgemaakt moeten worden"). */
const SINGULAR_FINITE = new Set('wordt is heeft zal kan moet mag wil dient gaat komt blijft staat ligt volgt vindt krijgt was werd had kon moest ging kwam'.split(' '));
const FINITE = new Set([...AUX_PRESENT.split('|'), ...AUX_PAST.split('|')]);
/** Present-tense forms (singular and plural) of the verbs reports use: "spreekt", "spreken", "stuurt", "sturen". */
const PRESENT_FORMS = new Set(`spreekt spreken geeft geven neemt nemen stuurt sturen werkt werken zoekt zoeken legt leggen stelt stellen brengt
brengen pakt pakken vraagt vragen verzoekt verzoeken roept roepen zegt zeggen wijst wijzen licht lichten meldt melden deelt delen
kondigt kondigen informeert informeren rapporteert rapporteren organiseert organiseren onderzoekt onderzoeken evalueert evalueren
agendeert agenderen bespreekt bespreken bekijkt bekijken houdt houden maakt maken zet zetten trekt trekken voert voeren richt richten
steunt steunen biedt bieden nodigt nodigen spoort sporen verwacht verwachten beoogt beogen onderschrijft onderschrijven benadrukt
benadrukken erkent erkennen constateert constateren levert leveren ontvangt ontvangen doet doen vindt vinden ziet zien kijkt kijken
pleit pleiten waardeert waarderen mist missen herkent herkennen onderstreept onderstrepen beaamt beamen dankt danken stemt stemmen
kampt kampen daalt dalen stijgt stijgen loopt lopen leidt leiden besteedt besteden verschijnt verschijnen start starten begint beginnen
rondt ronden reserveert reserveren presenteert presenteren verkent verkennen inventariseert inventariseren gaat gaan komt komen blijkt
blijken acht achten vult vullen rekent rekenen haalt halen verwijst verwijzen refereert refereren waarschuwt waarschuwen wenst wensen
hoopt hopen betekent betekenen kost kosten duurt duren vergt vergen geldt gelden bedraagt bedragen ontstaat ontstaan neemt toont tonen
noemt noemen schetst schetsen volgt volgen draagt dragen werkt zorgt zorgen past passen ondersteunt ondersteunen investeert investeren
richt verlengt verlengen verhoogt verhogen verlaagt verlagen beperkt beperken ligt liggen staat staan blijft blijven heeft hebben
wordt worden moet moeten kan kunnen mag mogen wil willen dient dienen zal zullen krijgt krijgen`.split(/\s+/));
const PERFECT_AUX = new Set(['is', 'zijn', 'was', 'waren', 'heeft', 'hebben', 'had', 'hadden', 'werd', 'werden']);
const PASSIVE_AUX = new Set(['wordt', 'worden']);
/** Participles: "gesproken", "vastgesteld", "aangegeven", "besproken", "verzocht", "ontvangen". */
const PARTICIPLE = /^(?:(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|voor|vast|weg|samen|kennis|plaats|bekend|vrij|tegen|achter|neer|rond|los|vooruit|stil|dicht|teweeg)?ge[a-zà-öø-ÿ]{2,}|(?:be|ver|ont|her|er)[a-zà-öø-ÿ]{3,})(?:d|t|en)$/i;
/** Words shaped like a participle that are nouns or adjectives. */
const NOT_PARTICIPLE = /^(?:gereed|gemeenten|gesprekken|gevolgen|gebieden|gebied|geweld|geld|gelden|gezagen|gedeelten|geval|gevallen|gebeurtenissen|gebouwen|geheel|gemiddeld|gezond|bereid|verschillend|verschillenden|voorstanders|bezwaren|berichten|beleid|bedrijven|verbanden|ervaren|verleden|vertrouwen|eerlijk)$/i;
/** Participles that describe what is planned or promised, so "is gepland", "is afgesproken dat" are not past events. */
const PROSPECTIVE_PARTICIPLE = /^(?:gepland|ingepland|voorzien|geagendeerd|aangekondigd|toegezegd|afgesproken|overeengekomen|besloten|gevraagd|verzocht|uitgesteld|verschoven|doorgeschoven|verplaatst|aangehouden|beoogd|bedoeld|voorgenomen|verwacht|gepland|vastgelegd|opgedragen)$/i;
/** A word after which a participle-looking word is a noun or adjective: "de gemeenten", "met geweld". */
const NOUN_BEFORE = /^(?:de|het|een|deze|die|dit|dat|onze|hun|haar|alle|veel|andere|elke|ieder|geen|bij|met|van|voor|aan|in|op|over|door|naar|tot|uit|om|tegen|tussen|zonder|en|of)$/i;
/** Before a subordinate clause's participle a pronoun may stand ("dat het besproken is"), an article not. */
const ARTICLE_BEFORE = /^(?:de|een|deze|onze|hun|zijn|haar|alle|veel|andere|elke|geen|bij|met|van|voor|aan|in|op|over|door|naar|tot|uit|tegen|tussen|zonder)$/i;
const FUTURE_MARK = new Set(['zal', 'zullen', 'zult', 'zou', 'zouden', 'gaat', 'gaan', 'a.s', 'a.s.', 'aanstaande', 'binnenkort', 'straks']);
const PAST_MARK = /\b(?:eerder|destijds|onlangs|afgelopen|vorige|vorig|jl\.?|jongstleden|geleden|inmiddels|reeds)\b/i;

interface Word {
  text: string;
  /** Lower case, for the word lists. */
  lower: string;
  index: number;
  end: number;
}

function wordsOf(sentence: string): Word[] {
  const words: Word[] = [];
  const re = /[a-zà-öø-ÿ0-9][a-zà-öø-ÿ0-9.'’-]*/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence))) {
    const text = m[0].replace(/[.'’-]+$/, (tail) => (/^a\.s|jl/i.test(m![0]) ? tail : ''));
    words.push({ text, lower: text.toLowerCase(), index: m.index, end: m.index + text.length });
  }
  return words;
}

/** Words ending like a verb that are not one. */
const NOT_A_VERB = /^(?:niet|recht|punt|eenheden|gemeenten|burgemeesters|regioburgemeesters|middelen|plannen|afspraken|zaken|mensen|agenten|collega's|medewerkers|ontwikkelingen|maatregelen|kosten|jaren|maanden|weken|resultaten|gevolgen|uitkomsten|cijfers|gegevens|partijen|taken|doelen|vragen|knelpunten|eisen|kaders|teams|eind|staat|ligt|zicht|inzicht|moment|budget|overleg|beleid|gebiedt|tijd|toekomst|verzuim|bericht|besluit|concept|project|effect|resultaat|product|rapport|contact|belast|aspect|gezocht|rest)$/i;
/** `w` in lower case. */
const isVerbish = (w: string) => FINITE.has(w) || isImperfect(w) || PRESENT_FORMS.has(w);

/** The tense of a stretch of words: a future auxiliary wins, then evidence of the past, else the present. */
export function tenseOf(text: string): Tense {
  return tenseOfWords(wordsOf(text).map((w) => w.lower), text);
}

function tenseOfWords(words: string[], text: string): Tense {
  if (words.some((w) => FUTURE_MARK.has(w))) return 'future';
  // An imperfect form, unless it is an adjective after an article ("een gepresenteerde", "de verlengde").
  if (words.some((w, i) => isImperfect(w) && !ARTICLE_BEFORE.test(words[i - 1] ?? ''))) return 'past';
  const aux = words.findIndex((w) => PERFECT_AUX.has(w));
  if (aux >= 0) {
    // The participle follows the auxiliary (main clause: "is ... gesproken over") or stands just before it
    // (subordinate: "dat het besproken is"); a word after an article or preposition is a noun ("bij gemeenten").
    const participle = words.find((w, i) => (i > aux || i === aux - 1) && isParticiple(w) && !(i > aux ? NOUN_BEFORE : ARTICLE_BEFORE).test(words[i - 1] ?? ''));
    if (participle && !PROSPECTIVE_PARTICIPLE.test(participle)) return 'past';
  }
  if (PAST_MARK.test(text) && !words.some((w) => PASSIVE_AUX.has(w))) return 'past';
  return 'present';
}

const isParticiple = (w: string) => PARTICIPLE.test(w) && !FINITE.has(w) && !NOT_PARTICIPLE.test(w);

/**
 * The clauses of a sentence, in order, covering it: split at , ; : ( ) and dashes and before the words that open
 * a clause (OPENERS), then every piece without a verb joined to the piece before (or after), so "De minister en
 * de korpschef gaan ..." stays one clause. A subordinate clause ends after its verb cluster when another finite
 * verb follows: "dat op 19 april is verschenen | wordt voor de zomer besproken".
 */
export function splitClauses(sentence: string): Clause[] {
  // The pending extractor and the time expressions both read the clauses of the same sentence.
  const cached = clauseCache.get(sentence);
  if (cached) return cached;
  const clauses = Object.freeze(split(sentence).map((c) => Object.freeze(c))) as Clause[];
  if (clauseCache.size >= MAX_CACHED) clauseCache.clear();
  clauseCache.set(sentence, clauses);
  return clauses;
}

const clauseCache = new Map<string, Clause[]>();
const MAX_CACHED = 256;

interface Piece {
  index: number;
  end: number;
  /** Word positions [from, to) in the sentence's words. */
  from: number;
  to: number;
}

function split(sentence: string): Clause[] {
  const words = wordsOf(sentence);
  const cuts: number[] = [0];
  for (let i = 1; i < words.length; i++) {
    const between = sentence.slice(words[i - 1].end, words[i].index);
    if (/[,;:()–—]|\s-\s/.test(between) || OPENERS.has(words[i].lower)
      || (i >= 2 && SINGULAR_FINITE.has(words[i].lower) && isCluster(words[i - 2].lower, words[i - 1].lower))) cuts.push(i);
  }
  let pieces: Piece[] = cuts.map((from, k) => {
    const to = k + 1 < cuts.length ? cuts[k + 1] : words.length;
    return { index: from === 0 ? 0 : words[from].index, end: to < words.length ? words[to].index : sentence.length, from, to };
  });
  if (words.length === 0) pieces = [{ index: 0, end: sentence.length, from: 0, to: 0 }];
  const isSubordinate = (p: Piece) => p.to > p.from && SUBORDINATORS.test(words[p.from].lower);
  // A subordinate clause ends on its finite verb ("dat de korpschef ... voorlegt"), whatever the verb.
  const hasVerb = (p: Piece) => {
    for (let i = p.from; i < p.to; i++) if (isVerbish(words[i].lower)) return true;
    const last = p.to > p.from ? words[p.to - 1].text : '';
    return isSubordinate(p) && p.to - p.from > 2 && /^[a-zß-öø-ÿ]{4,}(?:t|en)$/.test(last) && !NOT_A_VERB.test(last);
  };
  // A piece without a verb belongs to the piece before ("De minister | en de korpschef gaan" the other way round),
  // except after a subordinate clause: in "A, die B, C" the C continues A and stays a clause of its own.
  for (let k = 0; k < pieces.length && pieces.length > 1;) {
    const p = pieces[k];
    if (hasVerb(p)) {
      k++;
      continue;
    }
    const into = k > 0 ? k - 1 : k + 1;
    if (k > 0 && isSubordinate(pieces[into]) && hasVerb(pieces[into])) {
      k++;
      continue;
    }
    const a = pieces[Math.min(k, into)];
    const b = pieces[Math.max(k, into)];
    pieces.splice(Math.min(k, into), 2, { index: a.index, end: b.end, from: a.from, to: b.to });
    k = Math.min(k, into);
  }
  const clauses: Clause[] = [];
  let mainTense: Tense = 'present';
  for (const p of pieces) {
    const text = sentence.slice(p.index, p.end);
    const lower = words.slice(p.from, p.to).map((w) => w.lower);
    const subordinate = isSubordinate(p);
    // A verbless piece left on its own continues the main clause and has its tense.
    // So does an infinitive clause ("om in maart te evalueren"): it has no tense of its own.
    const infinitive = lower[0] === 'om' && !lower.some((w) => FINITE.has(w) || isImperfect(w));
    const tense: Tense = hasVerb(p) && !infinitive ? tenseOfWords(lower, text) : mainTense;
    if (!subordinate) mainTense = tense;
    clauses.push({ text, index: p.index, end: p.end, tense, subordinate });
  }
  return clauses;
}

/** Two words that end a verb cluster: auxiliary and participle, in either order ("is verschenen", "verschenen is"). */
function isCluster(a: string, b: string): boolean {
  return (FINITE.has(a) && PARTICIPLE.test(b)) || (PARTICIPLE.test(a) && FINITE.has(b));
}

/** The clause holding position `at` of the sentence. */
export function clauseAt(clauses: Clause[], at: number): Clause | undefined {
  return clauses.find((c) => at >= c.index && at < c.end) ?? clauses[clauses.length - 1];
}
