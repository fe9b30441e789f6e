// Who is to act on a follow-up, as the parties of the LOVP are named in its reports: the minister, the
// korpschef, the (regio)burgemeesters, the staatssecretaris, OM/PG, the DG, the politie, the LOVP itself.
// The owner is the party the sentence makes act: the subject ("De minister zal ..."), the agent of a passive
// ("door politie"), or the party asked ("De korpschef wordt gevraagd ...", "sporen de korpschef aan").

interface Party {
  name: string;
  re: RegExp;
  /** Named only when no other party is: the LOVP is mostly the forum, not the actor. */
  fallback?: boolean;
}

// Order matters where names overlap: "regioburgemeesters" before "burgemeesters", "minister van X" before "minister".
const PARTIES: Party[] = [
  { name: 'regioburgemeesters', re: /\(regio\)\s*burgemeesters?|\bregio\s*burgemeesters?\b|\bregio\(burgemeesters?\)/gi },
  { name: 'burgemeesters', re: /\bburgemeesters?\b/gi },
  { name: 'staatssecretaris', re: /\bs\s?taatssecretaris(?:sen)?\b/gi },
  { name: 'minister', re: /\bminister(?:s)?\b(?!ie)(?:\s+van\s+(?:Defensie|Financiën|BZK|Binnenlandse Zaken|OCW|VWS|JenV|J&V|V&J|Justitie(?: en Veiligheid)?|Veiligheid en Justitie))?/g },
  { name: 'minister', re: /\bMinister(?:s)?\b(?!ie)/g },
  { name: 'korpschef', re: /\bkorpschef\b|\bkorpsleiding\b/gi },
  { name: 'OM/PG', re: /\b[Cc]ollege\s+van\s+(?:PG|[Pp]rocureurs-generaal)\b|\bPG\b|\bprocureurs?-generaal\b|\bOM\b|\bopenbaar ministerie\b|\bcollege van procureurs/g },
  { name: 'DG', re: /\bDG(?:P)?\b|\bdirecteur-generaal\b/g },
  { name: 'politiechef', re: /\bpolitiechefs?\b/gi },
  { name: 'eenheidschefs', re: /\beenheidschefs?\b/gi },
  { name: 'gezagen', re: /\bgezagen\b|\bdriehoeken\b/gi },
  { name: 'ministerie', re: /\bministerie\b|\bdepartement\b|\bJenV\b|\bJ&V\b|\bV&J\b/g },
  { name: 'kabinet', re: /\bkabinet\b/gi },
  { name: 'VNG', re: /\bVNG\b/g },
  { name: 'Politieacademie', re: /\bpolitieacademie\b/gi },
  { name: 'voorzitter', re: /\bvoorzitter\b/gi },
  { name: 'secretariaat', re: /\bsecretariaat\b/gi },
  { name: 'werkgroep', re: /\b(?:werkgroep|projectgroep|stuurgroep|taskforce)\b/gi },
  { name: 'NCTV', re: /\bNCTV\b/g },
  { name: 'eenheden', re: /\beenheden\b/gi },
  { name: 'politie', re: /\bpolitie\b(?!-)/gi },
  { name: 'LOVP', re: /\bLOVP\b/g, fallback: true },
];

interface Mention {
  name: string;
  index: number;
  end: number;
  fallback: boolean;
}

/** Every party named in the text, in order, overlapping names resolved in favour of the longer one. */
export function partiesIn(text: string): Mention[] {
  const found: Mention[] = [];
  for (const p of PARTIES) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.index)) continue;
      let name = p.name;
      const of = /\s+van\s+(.+)$/.exec(m[0]);
      if (p.name === 'minister' && of) name = `minister van ${of[1]}`;
      found.push({ name, index: start, end, fallback: !!p.fallback });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// A party right after one of these is an object or a complement, not the one who acts.
const PREPOSITION_BEFORE = /\b(?:met|tussen|naar|bij|van|voor|vóór|aan|tegenover|op|uit|over|in|tot|richting|namens|zonder|onder|vanuit|via|dan|als|om|binnen|buiten|achter|rond|jegens|door)\s+(?:(?:de|het|een|alle|onze|hun|zijn|haar|andere|overige|betrokken|diverse|verschillende|enkele|twee|drie|\w+e)\s+)*$/i;
const AGENT = /\bdoor\s+(?:de\s+|het\s+)?$/i;
/** "Vanuit het ministerie wordt gewerkt aan": the party a passive comes from. */
const FROM = /\bvanuit\s+(?:de\s+|het\s+)?$/i;
// "vragen de gezagen mee te nemen", "sporen de korpschef aan", "roepen de minister op", "een beroep op de minister",
// "oproep aan de minister"
const ASKED = /\b(?:vraagt|vragen|vroeg|vroegen|verzoekt|verzoeken|verzocht|spoort|sporen|spoorden|roept|roepen|riep|riepen|dringt|dringen|beroep\s+op)\s+(?:\w+\s+){0,2}?(?:de\s+|het\s+)?$|\b(?:oproep|verzoek|vraag|beroep)\b.{0,60}\b(?:aan|op)\s+(?:de\s+|het\s+)?$/i;
// "De korpschef wordt gevraagd", "De minister wordt verzocht" (also the typo "gevaagd")
const IS_ASKED_AFTER = /^\s+(?:\w+\s+)?(?:wordt|worden|is|zijn|werd|werden)\s+(?:\w+\s+)?(?:gevr?aagd|verzocht|opgeroepen|uitgenodigd|aangespoord)\b/i;
/** A party followed by its passive: "burgemeesters (beter) betrokken worden", "de gezagen worden geïnformeerd". */
const PATIENT_AFTER = /^\s+(?:\S+\s+){0,2}?(?:(?:wordt|worden)\s+(?:\S+\s+){0,2}?(?!gevr?aagd|verzocht)(?:ge|be|ver|ont|her)[a-zà-öø-ÿ]+(?:d|t|en)\b|(?!gevr?aagd|verzocht)(?:ge|be|ver|ont|her)[a-zà-öø-ÿ]+(?:d|t|en)\s+(?:wordt|worden)\b)/i;
const PRONOUN_START = /^\s*(?:hij|zij|ze|zij\s+zelf|hijzelf)\b/i;

/**
 * The party that acts in the sentence, or undefined. `previous` is the party acting in the sentence before,
 * used when this one starts with "Hij", "Zij" or "Ze".
 */
export function ownerOf(sentence: string, previous?: string): string | undefined {
  const mentions = partiesIn(sentence);
  const asked = mentions.find((m) => IS_ASKED_AFTER.test(sentence.slice(m.end)) || ASKED.test(sentence.slice(0, m.index)));
  if (asked) return asked.name;
  const passive = /\b(?:wordt|worden)\b/i.test(sentence);
  const agent = mentions.find((m) => AGENT.test(sentence.slice(0, m.index)) || (passive && FROM.test(sentence.slice(0, m.index))));
  if (agent) return agent.name;
  if (PRONOUN_START.test(sentence) && previous) return previous;
  // "dat burgemeesters beter betrokken worden": the subject of a passive undergoes it.
  const subjects = mentions.filter((m) => !PREPOSITION_BEFORE.test(sentence.slice(0, m.index)) && !PATIENT_AFTER.test(sentence.slice(m.end)));
  const subject = subjects.find((m) => !m.fallback) ?? subjects[0];
  if (!subject) return undefined;
  // "De minister en de korpschef gaan ...", "politie en OM stellen ... op": both act.
  const partner = mentions.find((m) => m.index > subject.end && /^\s*(?:,|en)\s+(?:de\s+|het\s+)?$/i.test(sentence.slice(subject.end, m.index)));
  return partner && partner.name !== subject.name && !partner.fallback ? `${subject.name} en ${partner.name}` : subject.name;
}
