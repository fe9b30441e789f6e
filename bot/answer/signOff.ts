// A question written like an e-mail ends in a sign-off and a signature ("Met vriendelijke groet, team OOV",
// "Kind regards, Anna"): what follows the sign-off is not the question, and its words (a team, a name, an
// abbreviation) would count as the topic. The greeting words themselves are stop words (search/textAnalysis.ts).

/** A sign-off that opens a sentence or follows a comma; the punctuation before it stays with the question. */
const SIGN_OFF = /[,.;:!?\n]\s*(?:(?:met\s+)?(?:(?:vriendelijke|hartelijke|beste)\s+)?groet(?:en)?|mvg|(?:kind|best|warm)\s+regards|regards|thanks(?:\s+in\s+advance)?|thank\s+you|(?:alvast\s+)?bedankt|dank\s+(?:je|u)(?:\s+wel)?|cheers)(?=$|[\s,.;:!])/gi;

/** The longest a signature after the sign-off may be; beyond that, what follows is taken as part of the message. */
const MAX_SIGNATURE_CHARS = 80;

/** The text without a closing sign-off and what follows it (when that is short and asks nothing). */
export function withoutSignOff(text: string): string {
  for (const m of text.matchAll(SIGN_OFF)) {
    const rest = text.slice(m.index! + m[0].length);
    if (rest.length <= MAX_SIGNATURE_CHARS && !rest.includes('?')) return text.slice(0, m.index! + 1).trimEnd();
  }
  return text;
}
