// A new report sent to the bot as a file in a personal chat. Teams delivers a file as an attachment of type
// application/vnd.microsoft.teams.file.download.info with content.downloadUrl; the Agents Playground and the
// Bot Framework Emulator put the file at contentUrl instead. The file is fetched (downloadFile.ts), taken in like
// any report (ingestUpload: type, size, parse, same content recognised) and the sender hears what happened, in
// their language. In channels and group chats files are not taken in: a report should not enter the bot
// because it was shared in some team, and there the bot says so.
import type { Language } from '../shared/language';
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import { isReportFile } from '../corpus/extractText';
import { IngestError } from '../ingest/ingestError';
import { ingestUpload } from '../ingest/ingestUpload';
import { outcomeText } from '../ingest/outcomeText';
import type { ReportLibrary } from '../ingest/reportLibrary';
import { DownloadError, downloadFile } from './downloadFile';
import { TEXT } from './messages';
import { replyLanguage } from './replyLanguage';

export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** Teams expects the bot to answer a message within about 15 seconds; fetching gets most of that. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10_000;

export interface UploadSettings {
  library: ReportLibrary;
  maxBytes: number;
  /** Lower-case AAD object ids or from.id values of who may send reports. */
  adminUserIds: ReadonlySet<string>;
  /** Without admins: may anyone in a personal chat send reports (local mode, or ALLOW_ALL_UPLOADS=true)? */
  anyoneWithoutAdmins: boolean;
  /** Files on this machine (http://127.0.0.1:...) may be fetched: only in local mode (Agents Playground). */
  allowLoopback: boolean;
  timeoutMs?: number;
  /** Where fetch failures are told (default console.warn); the sender gets a message either way. */
  warn?: (message: string) => void;
  /** Resolves when the index holds a new report, so the sender can ask about it right after the reply. */
  indexed?: () => Promise<void>;
}

export interface IncomingFile {
  name: string;
  url: string;
}

/** Attachments Teams adds to every message (the HTML rendering of the text) and cards are not files. */
function isFileAttachment(a: Attachment | undefined): a is Attachment {
  return !!a && typeof a.contentType === 'string' && a.contentType !== 'text/html' && !a.contentType.startsWith('application/vnd.microsoft.card.');
}

function nameFromUrl(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'file';
  } catch {
    return 'file';
  }
}

/** The files of a message: Teams download info first, else a contentUrl. */
export function incomingFiles(activity: Partial<Activity>): IncomingFile[] {
  const files: IncomingFile[] = [];
  for (const attachment of Array.isArray(activity.attachments) ? activity.attachments : []) {
    if (!isFileAttachment(attachment)) continue;
    const content = attachment.content as { downloadUrl?: unknown } | undefined;
    const url = attachment.contentType === TEAMS_FILE_DOWNLOAD_INFO && typeof content?.downloadUrl === 'string' ? content.downloadUrl : attachment.contentUrl;
    if (typeof url !== 'string' || !url) continue;
    const name = typeof attachment.name === 'string' && attachment.name.trim() ? attachment.name.trim() : nameFromUrl(url);
    files.push({ name, url });
  }
  return files;
}

export function hasFiles(activity: Partial<Activity>): boolean {
  return (Array.isArray(activity.attachments) ? activity.attachments : []).some(isFileAttachment);
}

export function isPersonalChat(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  if (!conversation) return false;
  if (conversation.conversationType) return conversation.conversationType === 'personal';
  return !conversation.isGroup;
}

/** True when the sender is an admin (by AAD object id or channel user id), or there are none and anyone may. */
export function mayUpload(activity: Partial<Activity>, settings: Pick<UploadSettings, 'adminUserIds' | 'anyoneWithoutAdmins'>): boolean {
  const { adminUserIds } = settings;
  if (adminUserIds.size === 0) return settings.anyoneWithoutAdmins;
  const ids = [activity.from?.aadObjectId, activity.from?.id].filter((id): id is string => typeof id === 'string' && !!id);
  return ids.some((id) => adminUserIds.has(id.toLowerCase()));
}

/** Fetches and takes in one file; the sentence for the sender. Never throws for bad input. */
export async function ingestIncomingFile(file: IncomingFile, settings: UploadSettings, language: Language): Promise<string> {
  // Type first: an image or a spreadsheet is refused without fetching it.
  if (!isReportFile(file.name)) return new IngestError('unsupported-type', file.name).text(language);
  let content: Buffer;
  try {
    content = await downloadFile(file.url, { maxBytes: settings.maxBytes, timeoutMs: settings.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS, allowLoopback: settings.allowLoopback });
  } catch (err) {
    const failure = err instanceof DownloadError ? err : new DownloadError('failed', String(err));
    if (failure.reason === 'too-large') return new IngestError('too-large', file.name, '', settings.maxBytes, failure.sizeBytes).text(language);
    (settings.warn ?? console.warn)(`[lovp-bot] could not fetch upload ${file.name}: ${failure.message}`);
    return TEXT.downloadFailed(language, file.name, failure.reason, failure.message);
  }
  const outcome = await ingestUpload(settings.library, file.name, content, settings.maxBytes);
  if (outcome.kind === 'added' || outcome.kind === 'replaced') await settings.indexed?.();
  return outcomeText(outcome, language);
}

/**
 * Handles a message with files: in a personal chat each file is taken in (admins only when configured);
 * elsewhere the sender is told files are not taken in there. Returns true when the message needs no further
 * handling; false when the text is a question to answer (a channel message with a file, or a picture pasted
 * with a question in a personal chat).
 */
export async function handleFiles(context: TurnContext, settings: UploadSettings): Promise<boolean> {
  const activity = context.activity;
  const text = typeof activity.text === 'string' ? activity.text : '';
  const language = replyLanguage(text, activity.locale);
  const say = (message: string) => context.sendActivity({ type: 'message', textFormat: 'markdown', text: message });
  if (!isPersonalChat(activity)) {
    await say(TEXT.filesOnlyInPersonalChat(language));
    return !text.trim();
  }
  if (!mayUpload(activity, settings)) {
    await say(TEXT.uploadNotAllowed(language));
    return true;
  }
  const files = incomingFiles(activity);
  // A pasted picture with a question is a question, not a report.
  if (text.trim() && !files.some((file) => isReportFile(file.name))) return false;
  if (files.length === 0) {
    await say(TEXT.attachmentOnly(language));
    return true;
  }
  const lines: string[] = [];
  for (const file of files) lines.push(await ingestIncomingFile(file, settings, language));
  await say(lines.join('\n\n'));
  return true;
}
