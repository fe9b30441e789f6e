// Worker thread of parseInWorker.ts: parses one report file per task. A refused file is an answer
// (the IngestError's fields), not a failure of the task.
import type { ReadLimits } from '../corpus/readLimits';
import type { IngestErrorCode } from './ingestError';
import { parseReportFile, type Parsed } from './reportLibrary';
import { serveTasks } from './taskWorker';
import { IngestError } from './ingestError';

export interface ParseTask {
  fileName: string;
  content: Uint8Array;
  limits: ReadLimits;
}

export type ParseAnswer = { parsed: Parsed } | { refused: { code: IngestErrorCode; detail: string; limitBytes: number; sizeBytes: number } };

// The PDF and Word readers load while the worker waits for its first file, so that file is not slower.
void import('pdfjs-dist/legacy/build/pdf.mjs').catch(() => undefined);
void import('mammoth').catch(() => undefined);

serveTasks<ParseTask, ParseAnswer>(async ({ fileName, content, limits }) => {
  try {
    return { parsed: await parseReportFile(fileName, Buffer.from(content.buffer, content.byteOffset, content.byteLength), limits) };
  } catch (err) {
    const e = IngestError.from(err, fileName);
    return { refused: { code: e.code, detail: e.detail, limitBytes: e.limitBytes, sizeBytes: e.sizeBytes } };
  }
});
