// The search index in a worker thread of its own, so building it never holds the bot: at 2,000 reports a build
// takes 6 to 18 s, and loading a built index into the main thread (lunr's Index.load plus deserialising) still
// 1 to 2 s. Each index lives in its worker and answers there; the main thread keeps the meetings it was built
// from (for commands and cards) and sends questions. LiveKnowledge swaps in a new OffThreadIndex when it is
// built and closes the old one once the questions sent to it are answered. With a cache file the worker loads the
// serialised index of the same meetings instead of building it, and writes it after a build. prepare() starts the
// first worker before the rest of the bot is loaded (index.ts), so it reads that file and loads the word lists
// while the main thread loads its modules: at 1,000 meetings that is most of the index's start.
import type { Meeting } from '../corpus/meeting';
import { TaskWorker, TaskWorkerDied, workerScript } from '../ingest/taskWorker';
import type { Language } from '../shared/language';
import type { AskOptions, KnowledgeOptions, QuestionResult } from './knowledgeBase';
import type { KnowledgeSource } from './knowledgeSource';
import type { CacheUse, IndexAnswer, IndexCacheRef, IndexTask } from './indexWorker';
import { meetingsPayload, transferList } from '../corpus/meetingsPayload';

export interface BuildOptions {
  /** The knowledge base's options (maxAnswers, maxQuestionChars from the configuration). */
  options?: Partial<KnowledgeOptions>;
  cache?: IndexCacheRef;
  /** A worker from prepare() to build in (used once); else a new one. */
  prepared?: PreparedIndexWorker;
}

/** An index worker started early (OffThreadIndex.prepare), reading the cache file and warming up until a build takes it. */
export class PreparedIndexWorker {
  private worker: TaskWorker<IndexTask, IndexAnswer> | undefined = newWorker();

  constructor(cacheFile?: string) {
    // A failure here is no failure of the bot: the build reads the file again and loads what it needs.
    this.worker!.run({ prepare: { ...(cacheFile ? { cacheFile } : {}) } }).catch(() => undefined);
  }

  /** The worker, to the first build that asks. */
  take(): TaskWorker<IndexTask, IndexAnswer> | undefined {
    const worker = this.worker;
    this.worker = undefined;
    return worker;
  }

  /** Ends the worker when no build took it. */
  async close(): Promise<void> {
    await this.take()?.close();
  }
}

function newWorker(): TaskWorker<IndexTask, IndexAnswer> {
  return new TaskWorker<IndexTask, IndexAnswer>({ script: workerScript(__dirname, 'indexWorker') });
}

export class OffThreadIndex implements KnowledgeSource {
  private constructor(readonly meetings: Meeting[], private readonly worker: TaskWorker<IndexTask, IndexAnswer>, private readonly build: BuildOptions,
    /** Whether the index came from the cache file. */
    readonly cache: CacheUse) {}

  /** Starts a worker that reads `cacheFile` (INDEX_CACHE_FILE) and loads the word lists, for the first build. */
  static prepare(cacheFile?: string): PreparedIndexWorker {
    return new PreparedIndexWorker(cacheFile);
  }

  /** Builds (or loads) the index of `meetings` in the prepared worker, else in a new one. */
  static async build(meetings: Meeting[], build: BuildOptions = {}): Promise<OffThreadIndex> {
    const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
    const { prepared, ...rebuild } = build;
    const worker = prepared?.take() ?? newWorker();
    try {
      const cache = await sendMeetings(worker, sorted, rebuild);
      return new OffThreadIndex(sorted, worker, rebuild, cache);
    } catch (err) {
      await worker.close();
      throw err;
    }
  }

  ask(question: string, options?: AskOptions): Promise<QuestionResult> {
    return this.run({ ask: question, ...(options ? { options } : {}) }) as Promise<QuestionResult>;
  }

  timeline(topic: string): Promise<QuestionResult> {
    return this.run({ timeline: topic }) as Promise<QuestionResult>;
  }

  async wordsLanguage(text: string): Promise<Language | undefined> {
    return ((await this.run({ language: text })) as Language | null) ?? undefined;
  }

  private async run(task: IndexTask): Promise<IndexAnswer> {
    try {
      return await this.worker.run(task);
    } catch (err) {
      if (!(err instanceof TaskWorkerDied)) throw err;
      // The worker is gone and its index with it: build it again in a fresh one, then answer.
      await sendMeetings(this.worker, this.meetings, this.build);
      return await this.worker.run(task);
    }
  }

  /** Ends the worker once the questions already sent are answered. */
  close(): void {
    void this.worker.closeWhenIdle();
  }
}

async function sendMeetings(worker: TaskWorker<IndexTask, IndexAnswer>, meetings: Meeting[], { options, cache }: BuildOptions): Promise<CacheUse> {
  const payload = await meetingsPayload(meetings);
  return (await worker.run({ build: payload, ...(options ? { options } : {}), ...(cache ? { cache } : {}) }, transferList(payload))) as CacheUse;
}
