// Retrieval latency in process: kb.ask(q) next to a plain lunr search over the same sections, same questions,
// same process, interleaved so both see the same machine state.
import type { Meeting } from '../bot/corpus/meeting';
import type { KnowledgeBase } from '../bot/answer/knowledgeBase';
import type { BaselineDoc } from './baselines/baselineCli';
import { plainLunr } from './baselines/plainLunr';
import { percentiles, type Percentiles } from './stats';

export function baselineDocs(meetings: Meeting[]): BaselineDoc[] {
  return meetings.flatMap((meeting) => meeting.sections.map((section) => ({ meeting, section }))).map((d, id) => ({ id, ...d }));
}

export interface RetrievalLatency {
  questions: number;
  /** Each question asked for the first time (after a warm-up on other questions): no answer-level caches help. */
  first: { bot: Percentiles; plainLunr: Percentiles };
  /** The same questions asked again, `repetitions` times. */
  repeated: { bot: Percentiles; plainLunr: Percentiles };
  /** Questions the bot answered (non-empty answer list), for a sanity check. */
  answered: number;
}

function timeOne(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function measureRetrieval(kb: KnowledgeBase, questions: string[], warmUp: string[], repetitions: number): RetrievalLatency {
  const search = plainLunr(baselineDocs(kb.meetings));
  const lunrSearch = (q: string) => {
    try {
      return search(q);
    } catch {
      return []; // lunr query syntax errors are part of its cost
    }
  };
  for (const q of warmUp) { // JIT and index-level caches, on questions that are not measured
    kb.ask(q);
    lunrSearch(q);
  }
  const sample = () => ({ bot: [] as number[], lunr: [] as number[] });
  const first = sample();
  const repeated = sample();
  let answered = 0;
  for (let r = 0; r <= repetitions; r++) {
    const into = r === 0 ? first : repeated;
    for (const q of questions) { // interleaved, so both engines see the same machine state
      into.bot.push(timeOne(() => {
        if (kb.ask(q).answers.length > 0 && r === 0) answered++;
      }));
      into.lunr.push(timeOne(() => lunrSearch(q)));
    }
  }
  return {
    questions: questions.length,
    first: { bot: percentiles(first.bot), plainLunr: percentiles(first.lunr) },
    repeated: { bot: percentiles(repeated.bot), plainLunr: percentiles(repeated.lunr) },
    answered,
  };
}
