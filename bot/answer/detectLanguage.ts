// Dutch or English. Function words decide a full question; a question of keywords only ("tear gas water cannon",
// "vuurwerk handhaving") is told by its words: English when the word lists know them as English and the reports
// do not use them, Dutch when the reports or the Dutch word lists do. Reports are Dutch, so ties go to Dutch.
import type { Language } from '../shared/language';
import { isDutchWord, isEnglishTerm } from '../search/lexicon';
import { DUTCH_STOP_WORDS, ENGLISH_INTENT_WORDS, ENGLISH_STOP_WORDS, tokenize } from '../search/textAnalysis';


/** Dutch words questions use that are no function words but show the language ("afgesproken", "wanneer"). */
const DUTCH_QUESTION_WORDS = new Set(`afgesproken gezegd besproken zei hoeveel krijgt elke welk welke wanneer waarom zijn
politie burgemeesters regioburgemeesters korpschef vergadering overleg wat wie hoe`.split(/\s+/));

/** How much of the text looks English and how much Dutch; `isReportWord`: whether the reports use the word (their
 *  language is Dutch). */
function languageScores(text: string, isReportWord: (word: string) => boolean = () => false): { en: number; nl: number } {
  let en = 0;
  let nl = 0;
  for (const t of tokenize(text)) {
    const englishFunction = ENGLISH_STOP_WORDS.has(t) || ENGLISH_INTENT_WORDS.has(t);
    const dutchFunction = DUTCH_STOP_WORDS.has(t) || DUTCH_QUESTION_WORDS.has(t);
    if (englishFunction || dutchFunction) {
      if (englishFunction) en += dutchFunction ? 0.5 : 1;
      if (dutchFunction) nl += englishFunction ? 0.5 : 1;
      continue;
    }
    if (/^\d+$/.test(t)) continue;
    // Content words count half: a Dutch question may borrow English ("taskforce", "update").
    const dutch = isReportWord(t) || isDutchWord(t);
    const english = isEnglishTerm(t);
    if (english && !dutch) en += 0.5;
    else if (dutch && !english) nl += 0.5;
  }
  return { en, nl };
}

export function detectLanguage(text: string, isReportWord: (word: string) => boolean = () => false): Language {
  return evidentLanguage(text, isReportWord) ?? 'nl';
}

/** The language the words show ("vuurwerk": nl, "fireworks": en), or undefined when none does ("?", "2020",
 *  "budget", a word both languages have). */
export function evidentLanguage(text: string, isReportWord: (word: string) => boolean = () => false): Language | undefined {
  const { en, nl } = languageScores(text, isReportWord);
  if (en === 0 && nl === 0) return undefined;
  return en > nl ? 'en' : 'nl';
}
