// Does a sentence of a report promise something for later? Dutch meeting reports say so in a small number of
// ways: the topic returns to the agenda ("komt terug op de agenda", "wordt geagendeerd", "volgend LOVP"), an
// agreement or promise ("Afgesproken is dat", "toegezegd", "spreekt af"), a party that will act ("De minister
// zal ...", "gaat ... in gesprek", "zullen een lijst aanleveren"), a request ("wordt gevraagd ... te"), or a
// moment ahead ("24 juni", "op 9 maart a.s.", "na de zomer"). Each cue has a weight; a sentence is a follow-up
// when its cues reach FOLLOW_UP_SCORE, so a bare date or a bare "zal" is not enough on its own.
import { ownerOf, partiesIn } from './owners';
import { findDuePhrases } from './resolveDue';

export interface CueHit {
  cue: string;
  weight: number;
}

interface Cue {
  name: string;
  re: RegExp;
  weight: number;
}

export const FOLLOW_UP_SCORE = 2;

const CUES: Cue[] = [
  // The topic comes back.
  { name: 'komt terug', re: /\bkom(?:t|en)\b(?:\s+\S+){0,12}?\s+terug\b(?!\s*(?:te|naar)\b)|\bterug\s*(?:te\s+)?(?:komen|keren)\b|\bterugkomen\b|\bterugkeren\b|\bkeer(?:t|en)\s+(?:\S+\s+){0,8}terug\b/iu, weight: 2 },
  { name: 'teruggekoppeld', re: /\b(?:wordt|worden|zal|zullen)\b.{0,60}\b(?:teruggekoppeld|terugkoppelen|terug\s+gekoppeld)\b|\b(?:voorgelegd|voorleggen|voor\s+te\s+leggen|gerapporteerd|rapporteren|teruggekoppeld)\s+aan\s+(?:het\s+)?lovp\b/iu, weight: 2 },
  { name: 'agenda', re: /\b(?:ge)?agend(?:eer|eren|eert|eerd|eerde)\b|\bop\s+de\s+agenda\s+(?:staan|staat|zetten|gezet|geplaatst|plaatsen|komen|komt|houden)\b|\b(?:staan|staat|zetten|komen|komt|blijft|blijven)\s+(?:\S+\s+){0,4}op\s+de\s+agenda\b/iu, weight: 2 },
  { name: 'opnieuw besproken', re: /\b(?:opnieuw|wederom|nogmaals|nader|later|verder|uitgebreider|apart)\s+(?:\S+\s+){0,3}(?:besproken|bespreken|gesproken|doorgesproken|geagendeerd|aan\s+de\s+orde|aan\s+bod|behandeld|uitgewerkt|onderzocht|bekeken|bezien|uitgezocht|geïnventariseerd)\b|\bdoor\s*(?:te\s+)?spreken\b|\bdoorgesproken\b/iu, weight: 2 },
  { name: 'aan de orde', re: /\b(?:aan\s+de\s+orde|aan\s+bod|ter\s+sprake)\s+(?:komen|komt|te\s+komen|gesteld)\b|\bter\s+bespreking\b|\bbesluitvormend\b/iu, weight: 2 },
  { name: 'doorgeschoven', re: /\b(?:doorgeschoven|uitgesteld|verschoven|verplaatst|aangehouden)\s+(?:\S+\s+){0,3}(?:naar|tot)\b/iu, weight: 2 },
  { name: 'vervolg', re: /\b(?:krijgt|krijgen)\s+(?:\S+\s+){0,2}vervolg\b|\bwordt\s+(?:\S+\s+){0,4}(?:vervolgd|voortgezet|aangehouden)\b|\bvolg(?:t|en)\s+(?:\S+\s+){0,3}(?:evaluatie|brief|voorstel|notitie|rapportage|besluit|uitwerking|reactie|analyse|plan|update)\b|\b(?:evaluatie|brief|voorstel|notitie|rapportage|besluit|uitwerking|reactie|analyse|update)\s+volgt\b/iu, weight: 2 },
  // Agreements, decisions and promises.
  { name: 'afgesproken', re: /\bafgesproken\b|\bafspraak\s+is\b|\bafspraken\s+(?:zijn\s+)?gemaakt\b|\bspre(?:ekt|ken|ek|kt)\s+(?:\S+\s+){0,3}af\b|\boverengekomen\b|\bovereengekomen\b|\bkom(?:t|en)\s+overeen\b|\bbesloten\s+(?:is\s+|wordt\s+)?(?:dat|om)\b|\b(?:is|wordt)\s+besloten\b/iu, weight: 2 },
  { name: 'toegezegd', re: /\btoegezegd\b|\bzeg(?:t|gen)\s+(?:\S+\s+){0,6}toe\b|\btoezegging\b|\bbelo(?:ofd|oft|ven)\b/iu, weight: 2 },
  { name: 'aangekondigd', re: /\bkondig(?:t|en|de|den)\b.{0,80}\baan\b|\baangekondigd\b/iu, weight: 2 },
  { name: 'actiepunt', re: /^\s*actie(?:punt)?\s*:/iu, weight: 2 },
  // Someone will act.
  { name: 'gaat doen', re: /\bga(?:at|an)\s+(?:\S+\s+){0,8}?(?:in\s+gesprek|in\s+overleg|spreken|praten|overleggen|kijken|bezien|onderzoeken|uitwerken|organiseren|opstellen|informeren|aan\s+de\s+slag|inventariseren|agenderen|voorleggen|regelen|zorgen)\b|(?<!\bom\s)\bte\s+gaan\s+(?!met\b)\p{L}+/iu, weight: 2 },
  { name: 'spreekt nader', re: /\bspre(?:ekt|ken)\b(?:\s+\S+){0,10}?\s+(?:apart|nader|verder|later|binnenkort|opnieuw)\b/iu, weight: 2 },
  { name: 'moet nog', re: /\b(?:moet|moeten|dient|dienen)\s+(?:\S+\s+){0,3}nog\b(?!\s+(?:niet|geen))|\bnog\s+(?:\S+\s+){0,5}(?:moet|moeten|dient|dienen)\b/iu, weight: 2 },
  { name: 'er komt', re: /(?:^|[,;]\s*)er\s+kom(?:t|en)\s+(?:een|nog|binnenkort|op\s+korte)\b|\bkom(?:t|en)\s+er\s+(?:een|nog)\s+(?!\S*\s*niets)/iu, weight: 2 },
  { name: 'aanleveren', re: /\b(?:aanleveren|aan\s+te\s+leveren|opleveren|op\s+te\s+leveren|toesturen|toe\s+te\s+sturen|toezenden|voorleggen|voor\s+te\s+leggen|uitwerken|uit\s+te\s+werken|terugkoppelen|terug\s+te\s+koppelen|in\s+kaart\s+(?:te\s+)?brengen|samen\s+te\s+brengen|samenbrengen|uitvoeren|uit\s+te\s+voeren|organiseren|te\s+organiseren|opstellen|op\s+te\s+stellen|informeren|te\s+informeren|bezien|te\s+bezien|onderzoeken|te\s+onderzoeken|nagaan|na\s+te\s+gaan|gepland|plannen|in\s+gesprek|gemonitord|monitoren|evalueren|geëvalueerd|meegenomen|mee\s+te\s+nemen)\b/iu, weight: 1 },
  // Present tense for the future: "De minister stuurt ... toe", "Het OM werkt een voorstel uit", "wordt in juni besproken".
  { name: 'doet (tegenwoordige tijd)', re: /\b(?:werkt|werken)\s+(?:\S+\s+){1,6}?uit\b|\b(?:stelt|stellen)\s+(?:\S+\s+){1,6}?op\b|\b(?:zoekt|zoeken)\s+(?:\S+\s+){1,6}?uit\b|\b(?:pakt|pakken)\s+(?:\S+\s+){1,6}?op\b|\b(?:legt|leggen)\s+(?:\S+\s+){1,6}?voor\b|\b(?:stuurt|sturen)\s+(?:\S+\s+){1,6}?(?:toe|rond|door|na)\b|\b(?:brengt|brengen)\s+(?:\S+\s+){1,6}?in\s+kaart\b|\b(?:neemt|nemen)\s+(?:\S+\s+){0,3}contact\s+op\b|\b(?:neemt|nemen)\s+(?:\S+\s+){1,6}?mee\b|\b(?:vindt|vinden)\s+(?:\S+\s+){1,8}?plaats\b|\bligt\s+er\s+(?:een|het|de)\b|\b(?:informeert|rapporteert|organiseert|onderzoekt|evalueert)\b/iu, weight: 1 },
  { name: 'komt met', re: /\bkom(?:t|en)\s+(?:\S+\s+){0,6}?met\s+(?:een\s+|het\s+)?(?:voorstel|plan|standpunt|reactie|brief|notitie|analyse|uitwerking|kabinetsreactie|wetsvoorstel)\b/iu, weight: 2 },
  { name: 'wordt gedaan', re: /\b(?:wordt|worden)\s+(?:\S+\s+){0,8}?(?:besproken|behandeld|vastgesteld|voorgelegd|uitgewerkt|opgesteld|ingesteld|opgezet|voorbereid|geëvalueerd|onderzocht|opgepakt|verkend|nagegaan|bekeken|geïnventariseerd|uitgezocht|geïnformeerd|gerapporteerd|toegestuurd|gestuurd|verstuurd|toegezonden|aangeboden|gepresenteerd|opgeleverd)\b/iu, weight: 1 },
  { name: 'volgende rapportage', re: /\bvolgende?\s+(?:rapportage|voortgangsrapportage|voortgangsbrief|brief|notitie|update|evaluatie|ronde|gelegenheid)\b/iu, weight: 1 },
  { name: 'binnenkort', re: /\bop\s+korte\s+termijn\b|\bbinnenkort\b|\bz\.s\.m\.?|\bzo\s+snel\s+mogelijk\b|\bop\s+afzienbare\s+termijn\b/iu, weight: 1 },
  // Requests and invitations to a party.
  { name: 'gevraagd', re: /\b(?:wordt|worden|werd|werden|is|zijn)\s+(?:\S+\s+){0,2}(?:gevr?aagd|verzocht|opgeroepen|aangespoord)\s+(?!of\b)(?:\S+\s+){0,12}?(?:te|om)\b|\b(?:vraagt|vragen|verzoekt|verzoeken|sporen|spoort|roept|roepen)\b(?:\s+\S+){0,10}?\s+te\s+\p{L}+/iu, weight: 2 },
  { name: 'gaat in op', re: /\bga(?:at|an)\s+in\s+op\s+(?:\S+\s+){0,2}(?:uitnodiging|verzoek|aanbod|voorstel|oproep)\b/iu, weight: 2 },
  { name: 'beroep op', re: /\bberoep\s+op\b.{0,60}\bom\b|\b(?:oproep|verzoek)\b.{0,80}\bom\b.{0,80}\bte\b|\bnodig(?:t|en)\b.{0,80}\buit\b/iu, weight: 2 },
  { name: 'bereid', re: /\bbereid\b.{0,60}\bte\b|\bvoornemens\b|\bvan\s+plan\b/iu, weight: 1 },
];

// Sentences that look like a cue but report a question or an expectation, not a follow-up.
const NOT_A_FOLLOW_UP: RegExp[] = [
  /\?\s*$/u,
  // An indirect question ("Belangrijkste vraag was of ... zal"), or a consequence ("Zo niet, dan ...").
  /\b(?:vraag|vragen|gevraagd|vroeg|vroegen|afvragen|benieuwd)\b[^.;]{0,40}\bof\b/iu,
  /^zo\s+niet\b/iu,
  /\b(?:is|werd|wordt)\s+(?:\S+\s+){0,3}gevraagd\s+of\b/iu,
  /\bgeen\s+toezegging\b|\bniet\s+(?:\S+\s+){0,4}(?:als\s+)?(?:een\s+)?toezegging\b/iu,
  /\bniet\s+om\s+(?:\S+\s+)?gevraagd\b/iu,
];

// "zal"/"zullen" counts when a party (or "er", or a passive) acts, not in "de cijfers zullen verbeterd zijn".
const WILL = /\b(?:zal|zullen)\b/iu;
const WILL_IN_QUESTION = /\bof\b[^,;]*\b(?:zal|zullen)\b/iu;
const WILL_PASSIVE = /\b(?:zal|zullen)\b.{0,80}\b(?:worden|gevoerd)\b|\b(?:zal|zullen)\s+er\b|\ber\s+(?:zal|zullen)\b/iu;
const WILL_STATE = /\b(?:zal|zullen)\b(?:\s+\S+){0,6}?\s+(?:zijn|vergen|duren|kosten|blijven|vallen|teweegbrengen|betekenen)\b[^,;]*$/iu;
/** "in het LOVP van 8 juni", "de vergadering op 3 maart": a meeting on a date ahead. */
const MEETING_ON = /\b(?:lovp|overleg|vergadering|bijeenkomst)\s+(?:van|op|in)\s+\d{1,2}(?:e|ste|de)?\s+\p{L}+/iu;
const PRONOUN_SUBJECT = /^\s*(?:hij|zij|ze)\b|\b(?:zal|zullen)\s+(?:hij|zij|ze)\b/iu;

/** The cues a sentence holds and its score; `meetingDate` resolves time phrases so past dates do not count. */
export function followUpCues(sentence: string, meetingDate: string): { score: number; hits: CueHit[] } {
  if (NOT_A_FOLLOW_UP.some((re) => re.test(sentence))) return { score: 0, hits: [] };
  const hits: CueHit[] = CUES.filter((c) => c.re.test(sentence)).map((c) => ({ cue: c.name, weight: c.weight }));
  // A party doing something in the present tense reads as the future: "Het OM werkt een voorstel uit".
  if (hits.some((h) => h.cue === 'doet (tegenwoordige tijd)') && actingParty(sentence)) hits.push({ cue: 'partij doet', weight: 1 });
  if (WILL.test(sentence) && !WILL_IN_QUESTION.test(sentence)) {
    const party = partiesIn(sentence).some((p) => !p.fallback) || PRONOUN_SUBJECT.test(sentence);
    if (party && !WILL_STATE.test(sentence)) hits.push({ cue: 'zal (partij)', weight: 2 });
    else if (WILL_PASSIVE.test(sentence) && !WILL_STATE.test(sentence)) hits.push({ cue: 'zal (passief)', weight: 2 });
  }
  const due = findDuePhrases(sentence, meetingDate);
  if (due.some((d) => d.kind === 'next-meeting' || /lovp/i.test(d.phrase)) || (due.length && MEETING_ON.test(sentence))) {
    hits.push({ cue: 'volgend LOVP', weight: 2 });
  } else if (due.length) {
    hits.push({ cue: 'moment', weight: /\ba\.\s?s\.?(?:\s|$)/iu.test(sentence) ? 2 : 1 });
    // A party acting at a moment ahead: "De minister stuurt voor de zomer een brief".
    if (actingParty(sentence)) hits.push({ cue: 'partij en moment', weight: 1 });
  }
  return { score: hits.reduce((sum, h) => sum + h.weight, 0), hits };
}

function actingParty(sentence: string): boolean {
  const owner = ownerOf(sentence);
  return !!owner && owner !== 'LOVP';
}

export function isFollowUp(sentence: string, meetingDate: string): boolean {
  return followUpCues(sentence, meetingDate).score >= FOLLOW_UP_SCORE;
}
