// Why a report was not taken in, in words for the person who sent it: Dutch or English, always naming the file.
import type { Language } from '../shared/language';
import { REPORT_EXTENSIONS } from '../corpus/extractText';
import { ReportError } from '../corpus/parseReport';
import { ReadLimitError, type LimitKind } from '../corpus/readLimits';
import { TaskTimedOut, TaskWorkerDied } from './taskWorker';

export type IngestErrorCode = 'too-large' | 'unsupported-type' | 'empty' | 'not-found' | 'unreadable' | 'no-date' | 'no-content' | 'over-limit' | 'not-stored';

export class IngestError extends Error {
  constructor(readonly code: IngestErrorCode, readonly file: string, readonly detail = '', readonly limitBytes = 0, readonly sizeBytes = 0) {
    super(ingestErrorText(code, file, 'en', detail, limitBytes, sizeBytes));
  }

  /** The message in the user's language. */
  text(language: Language): string {
    return ingestErrorText(this.code, this.file, language, this.detail, this.limitBytes, this.sizeBytes);
  }

  /** Maps a parser or extraction failure onto a code the user can be told about. */
  static from(err: unknown, file: string): IngestError {
    if (err instanceof IngestError) return err;
    // For 'over-limit' the detail is which limit and limitBytes its number (characters, pages, bytes or ms).
    if (err instanceof ReadLimitError) return new IngestError('over-limit', file, err.kind, err.limit);
    if (err instanceof TaskTimedOut) return new IngestError('over-limit', file, 'time', err.timeoutMs);
    // A worker that ran out of memory on this file.
    if (err instanceof TaskWorkerDied) return new IngestError('over-limit', file, 'memory');
    if (err instanceof ReportError) {
      if (/no meeting date/i.test(err.reason)) return new IngestError('no-date', file);
      if (/has no text/i.test(err.reason)) return new IngestError('empty', file);
      if (/title but no text/i.test(err.reason)) return new IngestError('no-content', file);
      return new IngestError('unreadable', file, err.reason);
    }
    return new IngestError('unreadable', file, err instanceof Error ? err.message : String(err));
  }
}

export function formatBytes(bytes: number, language: Language): string {
  const mb = bytes / (1024 * 1024);
  const text = mb >= 1 ? `${mb.toFixed(mb >= 10 ? 0 : 1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return language === 'nl' ? text.replace('.', ',') : text;
}

function limitText(kind: string, limit: number, language: Language): string {
  const nl = language === 'nl';
  const n = limit.toLocaleString(nl ? 'nl-NL' : 'en-GB');
  switch (kind as LimitKind | 'memory') {
    case 'chars':
      return nl ? `meer dan ${n} tekens tekst` : `more than ${n} characters of text`;
    case 'pages':
      return nl ? `meer dan ${n} pagina's` : `more than ${n} pages`;
    case 'docx-xml':
      return nl ? `uitgepakt meer dan ${formatBytes(limit, 'nl')} aan Word-opmaak` : `more than ${formatBytes(limit, 'en')} of Word markup once unpacked`;
    case 'time': {
      const seconds = (limit / 1000).toLocaleString(nl ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
      return nl ? `het lezen duurde langer dan ${seconds} seconden` : `reading it took longer than ${seconds} seconds`;
    }
    default:
      return nl ? 'het lezen kostte te veel geheugen' : 'reading it took too much memory';
  }
}

/** ".txt, .md, .pdf of .docx" / ".txt, .md, .pdf or .docx" */
function typeList(language: Language): string {
  return `${REPORT_EXTENSIONS.slice(0, -1).join(', ')} ${language === 'nl' ? 'of' : 'or'} ${REPORT_EXTENSIONS.at(-1)}`;
}

function ingestErrorText(code: IngestErrorCode, file: string, language: Language, detail: string, limit: number, size: number): string {
  const types = typeList(language);
  const nl = language === 'nl';
  switch (code) {
    case 'too-large':
      return nl
        ? `${file} is te groot (${formatBytes(size, 'nl')}); de grens is ${formatBytes(limit, 'nl')}.`
        : `${file} is too large (${formatBytes(size, 'en')}); the limit is ${formatBytes(limit, 'en')}.`;
    case 'unsupported-type':
      return nl
        ? `${file} is geen terugkoppeling die ik kan lezen: stuur een bestand van het type ${types}.`
        : `${file} is not a report I can read: send a ${types} file.`;
    case 'empty':
      return nl ? `${file} bevat geen tekst.` : `${file} contains no text.`;
    case 'not-found':
      return nl ? `${file} bestaat niet of is geen bestand.` : `${file} does not exist or is not a file.`;
    case 'unreadable':
      // The detail comes from the PDF or Word reader and is in English; it helps whoever looks into it.
      return nl
        ? `${file} kan niet worden gelezen${detail ? ` (${detail})` : ''}. Is het een geldig bestand van het type ${types}?`
        : `${file} cannot be read${detail ? ` (${detail})` : ''}. Is it a valid ${types} file?`;
    case 'no-date':
      return nl
        ? `${file}: de titel bevat geen vergaderdatum (verwacht bijvoorbeeld "Bestuurlijke terugkoppeling LOVP 15 april 2019").`
        : `${file}: the title has no meeting date (expected e.g. "Bestuurlijke terugkoppeling LOVP 15 april 2019").`;
    case 'over-limit':
      return nl
        ? `${file} is te omvangrijk om te lezen (${limitText(detail, limit, 'nl')}). Is het wel één terugkoppeling?`
        : `${file} is too large to read (${limitText(detail, limit, 'en')}). Is it a single report?`;
    case 'not-stored':
      // For 'not-stored' the detail is 'full' or the system's error code.
      if (detail === 'full') {
        return nl
          ? `${file} kon niet worden opgeslagen: de map met terugkoppelingen is vol. Vraag de beheerder ruimte vrij te maken.`
          : `${file} could not be stored: the reports folder is full. Ask the administrator to free some space.`;
      }
      return nl
        ? `${file} kon niet worden opgeslagen in de map met terugkoppelingen (${detail}). Vraag de beheerder dit na te kijken.`
        : `${file} could not be stored in the reports folder (${detail}). Ask the administrator to look into it.`;
    case 'no-content':
      return nl ? `${file} heeft een titel maar geen tekst eronder.` : `${file} has a title but no text below it.`;
  }
}
