// The search index in a worker thread of its own, so building it never holds the bot: at 2,000 reports a build
// takes 6 to 18 s, and loading a built index into the main thread (lunr's Index.load plus deserialising) still
// 1 to 2 s. Each index lives in its worker and answers there; the main thread keeps the meetings it was built
// from (for commands and cards) and sends questions. LiveKnowledge swaps in a new OffThreadIndex when it is
// built and closes the old one once the questions sent to it are answered.
import type { Meeting } from '../corpus/meeting';
import { TaskWorker, TaskWorkerDied, workerScript } from '../ingest/taskWorker';
import type { AskOptions, QuestionResult } from '../knowledgeBase';
import type { KnowledgeSource } from './createApp';
import type { Language } from '../answer/detectLanguage';
import type { IndexAnswer, IndexTask } from './indexWorker';
import { meetingsPayload, transferList } from './meetingsPayload';

export class OffThreadIndex implements KnowledgeSource {
  private constructor(readonly meetings: Meeting[], private readonly worker: TaskWorker<IndexTask, IndexAnswer>) {}

  /** Builds the index of `meetings` in a new worker. */
  static async build(meetings: Meeting[]): Promise<OffThreadIndex> {
    const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
    const worker = new TaskWorker<IndexTask, IndexAnswer>({ script: workerScript(__dirname, 'indexWorker') });
    try {
      await sendMeetings(worker, sorted);
    } catch (err) {
      await worker.close();
      throw err;
    }
    return new OffThreadIndex(sorted, worker);
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
      await sendMeetings(this.worker, this.meetings);
      return await this.worker.run(task);
    }
  }

  /** Ends the worker once the questions already sent are answered. */
  close(): void {
    void this.worker.closeWhenIdle();
  }
}

async function sendMeetings(worker: TaskWorker<IndexTask, IndexAnswer>, meetings: Meeting[]): Promise<void> {
  const payload = await meetingsPayload(meetings);
  await worker.run({ build: payload }, transferList(payload));
}
