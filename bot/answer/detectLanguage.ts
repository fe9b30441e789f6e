// Dutch or English, from the function words of the question. Reports are Dutch, so ties go to Dutch.
import { DUTCH_STOP_WORDS, ENGLISH_STOP_WORDS, tokenize } from '../search/textAnalysis';
import glossary from '../search/glossary.json';

const ENGLISH = ENGLISH_STOP_WORDS;
const DUTCH = new Set([...DUTCH_STOP_WORDS, ...`afgesproken gezegd besproken zei hoeveel krijgt elke welk welke wanneer waarom zijn
politie burgemeesters regioburgemeesters korpschef vergadering overleg`.split(/\s+/)]);
const ENGLISH_TERMS = new Set(Object.keys(glossary.en).flatMap((k) => k.split(' ')));

export type Language = 'nl' | 'en';

export function detectLanguage(text: string): Language {
  let en = 0;
  let nl = 0;
  for (const t of tokenize(text)) {
    if (ENGLISH.has(t)) en += DUTCH.has(t) ? 0.5 : 1;
    if (DUTCH.has(t)) nl += ENGLISH.has(t) ? 0.5 : 1;
    if (!ENGLISH.has(t) && !DUTCH.has(t) && ENGLISH_TERMS.has(t)) en += 0.5;
  }
  return en > nl ? 'en' : 'nl';
}
