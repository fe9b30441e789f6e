// The HTTP side: POST /api/messages into the teams-ai Application, GET /healthz, GET /reports/<date> (the report
// pages citations link to, bot/teams/reportPage.ts; they read no body). The front door of
// /api/messages, in order: JSON headers and size (415, 413), a token when authentication is on (401, before the
// body is read when there is none), the body read within the limit and parsed (413, 400), the token checked
// (401), the tenant allow-list (403), the activity's shape (400); only then does the adapter run it. Every
// refusal is a 4xx with a short reason, never a crash.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, Storage } from 'botbuilder';
import restify from 'restify';
import type { Config } from '../config';
import { activityRunner, createAdapter, NotAuthenticated } from './createAdapter';
import { createApp, knowledgeGetter, type AppDependencies } from './createApp';
import type { ErrorLogger as Logger } from '../shared/logger';
import type { PendingSource } from '../pending/pendingSource';
import { headerProblem, parseJson, readBody, RequestRefused } from './readJsonBody';
import { reportPageHandler } from './reportPage';
import { tenantAllowed } from './tenantAllowList';

export interface ServerOptions {
  config: Config;
  knowledgeBase: AppDependencies['knowledgeBase'];
  storage: Storage;
  subscriptions?: AppDependencies['subscriptions'];
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
  /** What /healthz reports; 503 when not ok. Default: ok, with the number of meetings. */
  health?: () => Promise<HealthReport>;
}

export interface HealthReport {
  ok: boolean;
  meetings: number;
  [detail: string]: unknown;
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

/** The address this server is reached at on this machine, for links in local mode ("http://127.0.0.1:3978"). */
function ownUrl(server: restify.Server, host: string): string | undefined {
  const address = server.address();
  if (!address || typeof address === 'string') return undefined;
  const name = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${address.port}`;
}

export function createServer(options: ServerOptions): restify.Server {
  const logger = options.logger ?? console;
  const adapter = options.adapter ?? createAdapter(options.config);
  const { config } = options;
  // No body parser: /api/messages reads its own body (readJsonBody.ts), so nothing is decompressed, spooled to
  // temp files or parsed before the checks below.
  const server = restify.createServer({ name: 'lovp-bot' });
  const publicUrl = () => config.publicUrl || (config.localMode ? ownUrl(server, config.host) : undefined);
  const app = createApp({ ...options, adapter, config: options.config, logger, publicUrl });
  const knowledge = knowledgeGetter(options.knowledgeBase);
  const runner = activityRunner(adapter, options.config.localMode);

  server.post('/api/messages', async (req, res) => {
    const refuse = (status: number, error: string) => {
      if (!res.headersSent) res.send(status, { error }, { connection: 'close' });
    };
    try {
      const problem = headerProblem(req.headers, config.maxRequestBytes);
      if (problem) throw problem;
      const authHeader = String(req.headers.authorization ?? '');
      // Without a token there is nothing to check, so the body is not even read.
      if (!config.localMode && !authHeader.trim()) throw new NotAuthenticated('no token');
      const body = parseJson(await readBody(req, config.maxRequestBytes));
      const claimed = body && typeof body === 'object' && !Array.isArray(body) ? (body as Partial<Activity>) : {};
      const auth = await runner.authenticate(claimed, authHeader);
      // After authentication: a caller without a valid token learns nothing about the allow-list.
      if (!tenantAllowed(config.allowedTenantIds, claimed)) throw new RequestRefused(403, 'this tenant may not use the bot');
      const activityProblemText = activityProblem(body);
      if (activityProblemText) throw new RequestRefused(400, activityProblemText);
      const response = await runner.run(auth, body as Activity, (context) => app.run(context).then(() => undefined));
      res.send(response?.status ?? 200, response?.body);
    } catch (err) {
      if (err instanceof RequestRefused) return refuse(err.status, err.message);
      if (err instanceof NotAuthenticated) {
        // One line, no stack: refused tokens are routine on a public endpoint.
        logger.error(`[lovp-bot] 401 for /api/messages: ${err.message}`);
        return refuse(401, 'not authenticated');
      }
      // The adapter rejects activities it cannot parse before its own error handling starts.
      logger.error('[lovp-bot] /api/messages failed', err);
      refuse(400, 'the activity could not be processed');
    }
  });

  const health = options.health ?? (async (): Promise<HealthReport> => {
    const current = knowledge();
    return { ok: true, meetings: current.meetings.length, ...(current.loading ? { loading: true } : {}) };
  });
  server.get('/healthz', async (_req, res) => {
    const report = await health().catch((err): HealthReport => ({ ok: false, meetings: 0, error: String((err as Error)?.message ?? err) }));
    res.send(report.ok ? 200 : 503, report);
  });

  const reportPage = reportPageHandler(() => knowledge());
  server.get('/reports/:date', reportPage);
  server.head('/reports/:date', reportPage);

  return server;
}
