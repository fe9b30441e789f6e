// A report file sent to the bot (personal chat): checked for type and size, then taken in like any other.
import type { Language } from '../shared/language';
import { isReportFile } from '../corpus/extractText';
import { IngestError } from './ingestError';
import type { IngestOutcome, ReportLibrary } from './reportLibrary';
import { safeFileName } from './reportLibrary';

/** MAX_UPLOAD_BYTES by default (bot/config.ts). */
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Takes in an uploaded report. Never throws for bad input: a refused file comes back as
 * { kind: 'rejected', error } where error.text(Language) says why, naming the file.
 */
export async function ingestUpload(library: ReportLibrary, fileName: string, content: Buffer, maxBytes = DEFAULT_MAX_UPLOAD_BYTES): Promise<IngestOutcome> {
  const name = safeFileName(fileName);
  // Type and size first: cheap, and a huge upload is never parsed.
  if (!isReportFile(name)) return { kind: 'rejected', file: name, error: new IngestError('unsupported-type', name) };
  if (content.length > maxBytes) return { kind: 'rejected', file: name, error: new IngestError('too-large', name, '', maxBytes, content.length) };
  try {
    return await library.ingestBuffer(name, content, { maxBytes });
  } catch (err) {
    // The folder could not be written (disk full, permissions): the user gets a clear answer, the log the cause.
    console.error(`[lovp-bot] could not store upload ${name}:`, err);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { kind: 'rejected', file: name, error: new IngestError('not-stored', name, code === 'ENOSPC' || code === 'EDQUOT' ? 'full' : code || 'failed') };
  }
}
