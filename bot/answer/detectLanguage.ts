// Dutch or English, from the function words of the question. Reports are Dutch, so ties go to Dutch.
import { tokenize } from '../search/textAnalysis';
import glossary from '../search/glossary.json';

const ENGLISH = new Set(`the what was were is are did does do about who whom how when which will would should could has have had
agreed said say tell me please of on for with and or to from by at been any anything there their they this that these those why
where an a meeting meetings police mayors mayor minister chief`.split(/\s+/));
const DUTCH = new Set(`de het een wat wie hoe wanneer welke waarom waar is er zijn was werd wordt worden over van en in op bij met
voor naar niet dat die dit deze afgesproken gezegd besproken zei hebben heeft kan kunnen moet moeten zal zullen ook nog om te
vergadering overleg politie burgemeesters korpschef minister`.split(/\s+/));
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
