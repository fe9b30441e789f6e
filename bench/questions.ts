// The questions the latency benchmarks ask: the shared dev questions, and questions generated from the seed
// sections (headings, content words, English glossary terms, date hints, and questions with no answer).
import { readFileSync } from 'node:fs';
import { domainEnglishTerms } from '../bot/search/lexicon';
import { contentTokens } from '../bot/search/textAnalysis';
import type { Section } from '../bot/corpus/meeting';
import { DEV_QUESTIONS } from './paths';
import { random } from './syntheticCorpus';


export function devQuestions(file = DEV_QUESTIONS): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => String(JSON.parse(l).q));
}

const NO_ANSWER = ['Wat is er afgesproken over de Elfstedentocht?', 'What about the weather forecast for the weekend?',
  'kwantumcomputer ruimtevaart', 'Wie wint het songfestival?', 'tulpenbollen export naar Japan', '🎆 ??? !!!'];

/** `count` questions drawn deterministically (per seed) from the seed sections. */
export function generatedQuestions(pool: Section[], count = 80, seed = 4242): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const english = domainEnglishTerms();
  const years = ['2017', '2018', '2019', '2020'];
  const out: string[] = [...NO_ANSWER];
  while (out.length < count) {
    const s = pick(pool);
    const words = contentTokens(s.text).filter((w) => w.length >= 6);
    switch (out.length % 5) {
      case 0: out.push(`Wat is er afgesproken over ${s.heading.toLowerCase()}?`); break;
      case 1: out.push(`${pick(words)} ${pick(words)}`); break;
      case 2: out.push(`What was agreed about ${pick(english)}?`); break;
      case 3: out.push(`Wat is er in ${pick(years)} besproken over ${pick(words)}?`); break;
      default: out.push(`Wanneer komt ${pick(words)} terug op de agenda en wat zei de korpschef over ${pick(words)}?`);
    }
  }
  return out;
}
