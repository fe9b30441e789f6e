// What a conversation asked about last, so its follow-up questions can lean on it. One record per conversation
// (a chat, or a channel with its threads) in the state store, keyed by thread inside it, so a restart keeps it
// and several bot instances share it. A topic expires after `ttlMs`; a record keeps at most MAX_THREADS threads,
// the most recent, so it never grows without end.
import type { Storage } from 'botbuilder';
import { topicsKey } from '../state/keys';
import type { TopicContext } from './followUp';

const MAX_THREADS = 50;

interface Remembered extends TopicContext {
  /** When the topic was set, ms since 1970. */
  at: number;
}

interface TopicRecord {
  threads: Record<string, Remembered>;
}

export class TopicMemory {
  constructor(private readonly storage: Storage, private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /** The topic of the thread's last answered question, unless it expired. */
  async recall(conversationId: string, threadId: string): Promise<TopicContext | undefined> {
    const record = await this.read(conversationId);
    const topic = record?.threads[threadId];
    if (!topic || this.now() - topic.at > this.ttlMs) return undefined;
    return { question: topic.question, language: topic.language };
  }

  async remember(conversationId: string, threadId: string, topic: TopicContext): Promise<void> {
    const record = (await this.read(conversationId)) ?? { threads: {} };
    const now = this.now();
    const kept = Object.entries(record.threads)
      .filter(([id, t]) => id !== threadId && now - t.at <= this.ttlMs)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, MAX_THREADS - 1);
    const threads: Record<string, Remembered> = Object.fromEntries(kept);
    threads[threadId] = { question: topic.question.slice(0, 500), language: topic.language, at: now };
    // Last write wins: two questions at the same moment in one conversation keep one of the two topics.
    await this.storage.write({ [topicsKey(conversationId)]: { threads } });
  }

  private async read(conversationId: string): Promise<TopicRecord | undefined> {
    const key = topicsKey(conversationId);
    const item = (await this.storage.read([key]))[key] as Partial<TopicRecord> | undefined;
    return item && typeof item.threads === 'object' && item.threads !== null ? { threads: item.threads as Record<string, Remembered> } : undefined;
  }
}
