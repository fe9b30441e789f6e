// Report files parsed in a worker thread (taskWorker.ts), so a slow or hostile file never holds the bot: the
// read limits apply inside, and a file that takes longer than the time limit, or more memory than the worker
// may use, has the worker terminated and is refused as too large to read.
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../corpus/readLimits';
import { IngestError } from './ingestError';
import type { ParseAnswer, ParseTask } from './parseWorker';
import type { ParseFile } from './reportLibrary';
import { TaskWorker, TaskWorkerClosed, workerScript } from './taskWorker';

export interface WorkerParser {
  parse: ParseFile;
  /** Ends the worker; a parse in progress fails with TaskWorkerClosed. */
  close(): Promise<void>;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;
/** Heap a parse may use; the largest report within the read limits needs far less. */
const PARSE_HEAP_MB = 512;

export function parseInWorker(limits: ReadLimits = DEFAULT_READ_LIMITS, timeoutMs = DEFAULT_PARSE_TIMEOUT_MS): WorkerParser {
  const worker = new TaskWorker<ParseTask, ParseAnswer>({
    script: workerScript(__dirname, 'parseWorker'),
    timeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB },
    lowPriority: true,
  });
  return {
    async parse(fileName, content) {
      let answer: ParseAnswer;
      try {
        answer = await worker.run({ fileName, content, limits });
      } catch (err) {
        // Stopping is not the file's fault: the caller hears it as it is.
        if (err instanceof TaskWorkerClosed) throw err;
        throw IngestError.from(err, fileName);
      }
      if ('parsed' in answer) return answer.parsed;
      const { code, detail, limitBytes, sizeBytes } = answer.refused;
      throw new IngestError(code, fileName, detail, limitBytes, sizeBytes);
    },
    close: () => worker.close(),
  };
}
