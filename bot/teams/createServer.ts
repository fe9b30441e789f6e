// The HTTP side: POST /api/messages into the teams-ai Application, GET /healthz. Requests that are not a usable
// activity (broken JSON, no type, no conversation) get a 400 with the reason, never a crash.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Storage } from 'botbuilder';
import restify from 'restify';
import type { BotConfig } from './config';
import { createAdapter } from './createAdapter';
import { createApp, knowledgeGetter, type AppDependencies, type Logger } from './createApp';
import type { PendingSource } from './pendingSource';
import { tenantAllowed } from './tenantAllowList';

export interface ServerOptions {
  config: BotConfig;
  knowledgeBase: AppDependencies['knowledgeBase'];
  storage: Storage;
  pending?: PendingSource;
  /** Report files sent in a personal chat are taken in when set. */
  uploads?: AppDependencies['uploads'];
  /** Topics of the threads' last questions, for follow-ups. */
  topics?: AppDependencies['topics'];
  /** Answers and the feedback on them. */
  feedback?: AppDependencies['feedback'];
  /** Defaults to an adapter built from the config. */
  adapter?: TeamsAdapter;
  /** Today in the bot's time zone (what is overdue is counted from it). */
  today?: AppDependencies['today'];
  logger?: Logger;
}

/** Why an activity cannot be handled, or undefined when it can. */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON activity object';
  const a = body as Record<string, any>;
  if (typeof a.type !== 'string' || !a.type) return 'the activity has no type';
  if (typeof a.channelId !== 'string' || !a.channelId) return 'the activity has no channelId';
  if (typeof a.conversation?.id !== 'string' || !a.conversation.id) return 'the activity has no conversation.id';
  if (typeof a.from?.id !== 'string' || !a.from.id) return 'the activity has no from.id';
  if (typeof a.recipient?.id !== 'string' || !a.recipient.id) return 'the activity has no recipient.id';
  if (a.deliveryMode !== 'expectReplies' && (typeof a.serviceUrl !== 'string' || !a.serviceUrl)) return 'the activity has no serviceUrl to reply to';
  for (const field of ['text', 'serviceUrl', 'locale', 'id', 'replyToId', 'name', 'textFormat']) {
    if (a[field] !== undefined && a[field] !== null && typeof a[field] !== 'string') return `the activity ${field} must be a string`;
  }
  if (a.channelData !== undefined && a.channelData !== null && (typeof a.channelData !== 'object' || Array.isArray(a.channelData))) return 'the activity channelData must be an object';
  if (a.entities !== undefined && !Array.isArray(a.entities)) return 'the activity entities must be a list';
  if (a.attachments !== undefined && !Array.isArray(a.attachments)) return 'the activity attachments must be a list';
  return undefined;
}

export function createServer(options: ServerOptions): restify.Server {
  const logger = options.logger ?? console;
  const adapter = options.adapter ?? createAdapter(options.config);
  const app = createApp({ ...options, adapter, config: options.config, logger });
  const knowledge = knowledgeGetter(options.knowledgeBase);

  const server = restify.createServer({ name: 'lovp-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.config.maxRequestBytes, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    if (!tenantAllowed(options.config.allowedTenantIds, req.body)) {
      res.send(403, { error: 'this tenant may not use the bot' });
      return;
    }
    try {
      await adapter.process(req, res, async (context) => {
        await app.run(context);
      });
    } catch (err) {
      // The adapter rejects activities it cannot parse before its own error handling starts.
      logger.error('[lovp-bot] /api/messages failed', err);
      if (!res.headersSent) res.send(400, { error: 'the activity could not be processed' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { ok: true, meetings: knowledge().meetings.length });
  });

  return server;
}
