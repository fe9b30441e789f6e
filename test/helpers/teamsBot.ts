// Starts the real bot server on an ephemeral port and posts Teams-shaped activities to /api/messages with
// deliveryMode "expectReplies", so the HTTP response carries the bot's replies.
import { loadKnowledge } from '../../bot/answer/loadKnowledge';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Activity, type Storage } from 'botbuilder';
import { TopicMemory } from '../../bot/answer/topicMemory';
import { FeedbackStore } from '../../bot/feedback/feedbackStore';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { loadConfig, type Config } from '../../bot/config';
import type { KnowledgeSource } from '../../bot/answer/knowledgeSource';
import type { ErrorLogger as Logger } from '../../bot/shared/logger';
import { createServer } from '../../bot/teams/createServer';
import type { PendingSource } from '../../bot/pending/pendingSource';
import { seedDir } from '../ingest/helpers';

export const BOT = { id: '28:lovp-bot-id', name: 'LOVP' };
export const USER = { id: '29:user-id', name: 'Anna de Vries', aadObjectId: '00000000-0000-0000-0000-000000000001' };
export const TENANT = { id: '00000000-0000-0000-0000-0000000000aa' };
export const CHANNEL_ID = '19:general-channel@thread.tacv2';

let kbPromise: Promise<KnowledgeBase> | undefined;
/** The knowledge base over the seed reports, loaded once for all tests. */
export function seedKnowledgeBase(): Promise<KnowledgeBase> {
  kbPromise ??= loadKnowledge(seedDir).then(({ kb }) => kb);
  return kbPromise;
}

export interface PostResult {
  status: number;
  body: any;
  /** The bot's replies (expectReplies), [] when none. */
  replies: Partial<Activity>[];
}

export interface RunningBot {
  url: string;
  storage: Storage;
  errors: unknown[];
  post(activity: Partial<Activity>): Promise<PostResult>;
  postRaw(body: string, contentType?: string): Promise<PostResult>;
  close(): Promise<void>;
}

export interface StartOptions {
  knowledgeBase?: KnowledgeSource;
  pending?: PendingSource;
  env?: NodeJS.ProcessEnv;
  /** Default: a new MemoryStorage. Follow-up topics are kept in it (TOPIC_MEMORY_MINUTES, default 30). */
  storage?: Storage;
}

export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const config: Config = loadConfig({ PORT: '0', ...options.env });
  const storage = options.storage ?? new MemoryStorage();
  const errors: unknown[] = [];
  const logger: Logger = { error: (_message, err) => errors.push(err) };
  const topics = config.topicMemoryMinutes > 0 ? new TopicMemory(storage, config.topicMemoryMinutes * 60_000) : undefined;
  const feedback = new FeedbackStore(storage);
  const server = createServer({ config, knowledgeBase: options.knowledgeBase ?? (await seedKnowledgeBase()), storage, pending: options.pending, topics, feedback, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const postRaw = async (body: string, contentType = 'application/json'): Promise<PostResult> => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const raw = await res.text();
    let parsed: any = raw;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, replies: parsed?.activities ?? [] };
  };

  return {
    url,
    storage,
    errors,
    postRaw,
    post: (activity) => postRaw(JSON.stringify({ deliveryMode: 'expectReplies', ...activity })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let counter = 0;
const nextId = () => `17000000000${String(++counter).padStart(2, '0')}`;

function base(extra: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    timestamp: new Date(),
    locale: 'nl-NL',
    from: USER,
    recipient: BOT,
    ...extra,
  };
}

export function mention(): { text: string; entity: any } {
  const text = `<at>${BOT.name}</at>`;
  return { text, entity: { type: 'mention', text, mentioned: { id: BOT.id, name: BOT.name } } };
}

/** A message in the personal (1:1) chat with the bot. */
export function personal(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return base({
    text,
    conversation: { id: 'a:1personal-chat-id', conversationType: 'personal', tenantId: TENANT.id } as any,
    channelData: { tenant: TENANT },
    ...extra,
  });
}

/** A message in a group chat that @mentions the bot. */
export function groupChat(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  const m = mention();
  return base({
    text: `${m.text} ${text}`,
    entities: [m.entity],
    conversation: { id: '19:group-chat-id@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT.id } as any,
    channelData: { tenant: TENANT },
    ...extra,
  });
}

/**
 * A channel message that @mentions the bot. `thread` is the root message id of the thread it is written in;
 * `style` says how Teams marks it: in the conversation id (";messageid=") or in replyToId.
 */
export function channel(text: string, thread?: string, style: 'conversationId' | 'replyToId' = 'conversationId', extra: Partial<Activity> = {}): Partial<Activity> {
  const m = mention();
  const id = thread && style === 'conversationId' ? `${CHANNEL_ID};messageid=${thread}` : CHANNEL_ID;
  return base({
    text: `${m.text} ${text}`,
    entities: [m.entity],
    conversation: { id, conversationType: 'channel', isGroup: true, tenantId: TENANT.id } as any,
    ...(thread && style === 'replyToId' ? { replyToId: thread } : {}),
    channelData: { tenant: TENANT, teamsChannelId: CHANNEL_ID, teamsTeamId: '19:team-id@thread.tacv2', channel: { id: CHANNEL_ID }, team: { id: '19:team-id@thread.tacv2' } },
    ...extra,
  });
}

/** The citations of a reply's AI entity, [] when it has none. */
export function citationsOf(reply: Partial<Activity>): any[] {
  const entity = (reply.entities ?? []).find((e: any) => e.type === 'https://schema.org/Message');
  return (entity as any)?.citation ?? [];
}

export function aiEntityOf(reply: Partial<Activity>): any {
  return (reply.entities ?? []).find((e: any) => e.type === 'https://schema.org/Message');
}

export interface FakeConnector {
  /** serviceUrl to put in activities. */
  serviceUrl: string;
  received: { method: string; url: string; authorization?: string; body: any }[];
  /** Files served on GET (path -> content), e.g. the downloadUrl of a file sent to the bot. */
  files: Map<string, FakeFile>;
  /** Paths fetched with GET (kept apart from `received`, which is what the bot sent). */
  downloads: string[];
  /** While set, every POST is answered with this status (e.g. 403: the bot was removed) and not recorded. */
  failWith?: number;
  /** POSTs refused with failWith. */
  refused: { url: string }[];
  close(): Promise<void>;
}

export interface FakeFile {
  body: string | Buffer;
  status?: number;
  headers?: Record<string, string>;
}

/** A stand-in for the Bot Connector service (what the Agents Playground plays): records what the bot sends. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const received: FakeConnector['received'] = [];
  const files = new Map<string, FakeFile>();
  const downloads: string[] = [];
  const refused: FakeConnector['refused'] = [];
  const server = http.createServer((req, res) => {
    const file = req.method === 'GET' ? files.get(req.url ?? '') : undefined;
    if (req.method === 'GET') {
      downloads.push(req.url ?? '');
      res.writeHead(file?.status ?? (file ? 200 : 404), file?.headers ?? { 'content-type': 'application/octet-stream' });
      res.end(file?.body ?? 'not found');
      return;
    }
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (connector.failWith) {
        refused.push({ url: req.url ?? '' });
        res.writeHead(connector.failWith, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
        return;
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const connector: FakeConnector = { serviceUrl: `http://127.0.0.1:${port}/`, received, files, downloads, refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  return connector;
}
