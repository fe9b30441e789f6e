// Pending items extracted and tracked in a worker thread: tracking compares every item with every later meeting,
// which at 2,000 reports takes minutes of CPU. Off the main thread it delays only whoever waits for the items
// (the pending list, a new report's card, reminders), never an answer.
import type { Meeting } from '../corpus/meeting';
import { TaskWorker, workerScript } from '../ingest/taskWorker';
import type { PendingItem } from '../pending/pendingItem';
import { meetingsPayload, transferList } from './meetingsPayload';

export interface PendingExtractor {
  extract(meetings: readonly Meeting[]): Promise<PendingItem[]>;
  close(): Promise<void>;
}

export function pendingInWorker(): PendingExtractor {
  const worker = new TaskWorker<Uint8Array, PendingItem[]>({ script: workerScript(__dirname, 'pendingWorker'), lowPriority: true });
  return {
    async extract(meetings) {
      const payload = await meetingsPayload(meetings);
      return worker.run(payload, transferList(payload));
    },
    close: () => worker.close(),
  };
}
