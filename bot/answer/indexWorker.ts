// Worker thread of offThreadIndex.ts: holds one KnowledgeBase, built from the meetings it is sent (or loaded from
// the serialised index when that was written for the same meetings and code), and answers questions from it.
import type { Language } from '../shared/language';
import type { AskOptions, KnowledgeOptions, QuestionResult } from './knowledgeBase';
import { KnowledgeBase } from './knowledgeBase';
import { serveTasks } from '../ingest/taskWorker';
import { meetingsFromPayload } from '../corpus/meetingsPayload';
import { readIndexCache, writeIndexCache } from '../search/indexCache';

export interface IndexCacheRef {
  file: string;
  /** indexFingerprint() of the meetings sent. */
  fingerprint: string;
}

export type IndexTask =
  | { build: Uint8Array; options?: Partial<KnowledgeOptions>; cache?: IndexCacheRef }
  | { ask: string; options?: AskOptions }
  | { timeline: string }
  | { language: string };

/** What a build did with the serialised index. */
export type CacheUse = 'hit' | 'miss' | 'off';

export type IndexAnswer = QuestionResult | CacheUse | Language | null;

let kb: KnowledgeBase | undefined;

serveTasks<IndexTask, IndexAnswer>(async (task) => {
  if ('build' in task) {
    const meetings = meetingsFromPayload(task.build);
    const cached = task.cache ? await readIndexCache(task.cache.file, task.cache.fingerprint) : undefined;
    kb = new KnowledgeBase(meetings, cached, task.options);
    if (task.cache && !cached) {
      // Written before the build counts as done (a few hundred ms at a thousand meetings), so a bot stopped right
      // after it still starts from the cache next time. Failing to write it is no failure of the index.
      await writeIndexCache(task.cache.file, task.cache.fingerprint, kb.snapshot())
        .catch((err) => console.warn(`[lovp-bot] could not write the index cache ${task.cache?.file}: ${err.message}`));
    }
    return cached ? 'hit' : task.cache ? 'miss' : 'off';
  }
  if (!kb) throw new Error('the index worker has no index');
  if ('timeline' in task) return kb.timeline(task.timeline);
  if ('language' in task) return kb.wordsLanguage(task.language) ?? null;
  return kb.ask(task.ask, task.options);
});
