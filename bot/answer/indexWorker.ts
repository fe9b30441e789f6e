// Worker thread of offThreadIndex.ts: holds one KnowledgeBase, built from the meetings it is sent (or loaded from
// the serialised index when that was written for the same meetings and code), and answers questions from it.
import type { Language } from '../shared/language';
import type { AskOptions, KnowledgeOptions, QuestionResult } from './knowledgeBase';
import { KnowledgeBase } from './knowledgeBase';
import { serveTasks } from '../ingest/taskWorker';
import { meetingsFromPayload } from '../corpus/meetingsPayload';
import { readIndexCacheFile, snapshotFor, writeIndexCache, type IndexCacheFile } from '../search/indexCache';

export interface IndexCacheRef {
  file: string;
  /** indexFingerprint() of the meetings sent. */
  fingerprint: string;
}

export type IndexTask =
  | { prepare: { cacheFile?: string } }
  | { build: Uint8Array; options?: Partial<KnowledgeOptions>; cache?: IndexCacheRef }
  | { ask: string; options?: AskOptions }
  | { timeline: string }
  | { language: string };

/** What a build did with the serialised index. */
export type CacheUse = 'hit' | 'miss' | 'off';

export type IndexAnswer = QuestionResult | CacheUse | Language | 'prepared' | null;

let kb: KnowledgeBase | undefined;
/** The cache file read by `prepare`, before the reports were known: used by the first build when it fits. */
let prepared: { file: string; cache: IndexCacheFile | undefined } | undefined;

/** A question to an empty knowledge base, in both languages: loads the word lists and warms the question path. */
const WARM_UP_QUESTION = 'what was agreed about fireworks? wat is er afgesproken over vuurwerk?';

serveTasks<IndexTask, IndexAnswer>(async (task) => {
  if ('prepare' in task) {
    // While the main thread is still loading the bot (seconds), this one reads the cache and loads the word lists.
    const file = task.prepare.cacheFile;
    if (file) prepared = { file, cache: await readIndexCacheFile(file) };
    new KnowledgeBase([]).ask(WARM_UP_QUESTION);
    return 'prepared';
  }
  if ('build' in task) {
    const meetings = meetingsFromPayload(task.build);
    const early = prepared?.file === task.cache?.file ? prepared?.cache : undefined;
    prepared = undefined;
    // The file read early, when there was one (a stale one means a build; reading it again would not change that).
    const cached = task.cache ? snapshotFor(early ?? (await readIndexCacheFile(task.cache.file)), task.cache.fingerprint) : undefined;
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
