// Worker thread of offThreadIndex.ts: holds one KnowledgeBase, built from the meetings it is sent, and answers
// questions from it.
import type { Language } from '../answer/detectLanguage';
import type { AskOptions, QuestionResult } from '../knowledgeBase';
import { KnowledgeBase } from '../knowledgeBase';
import { serveTasks } from '../ingest/taskWorker';
import { meetingsFromPayload } from './meetingsPayload';

export type IndexTask = { build: Uint8Array } | { ask: string; options?: AskOptions } | { timeline: string } | { language: string };
export type IndexAnswer = QuestionResult | number | Language | null;

let kb: KnowledgeBase | undefined;

serveTasks<IndexTask, IndexAnswer>((task) => {
  if ('build' in task) {
    kb = new KnowledgeBase(meetingsFromPayload(task.build));
    return kb.meetings.length;
  }
  if (!kb) throw new Error('the index worker has no index');
  if ('timeline' in task) return kb.timeline(task.timeline);
  if ('language' in task) return kb.wordsLanguage(task.language) ?? null;
  return kb.ask(task.ask, task.options);
});
