// The Bot Framework adapter. With a MicrosoftAppId the adapter checks every request's token and signs its
// replies; without one (local mode) it accepts requests without a token, as the Agents Playground and tests send.
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import type { Config } from '../config';

export function createAdapter(config: Config): TeamsAdapter {
  if (config.localMode) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId || undefined,
    ...config.cloudSettings,
  });
}

/** A request whose token is missing, forged, expired or for another bot. */
export class NotAuthenticated extends Error {}

/** botframework-connector accepts tokens up to five minutes past their expiry. */
const CLOCK_TOLERANCE_S = 5 * 60;

/**
 * Why a bearer token is refused before botframework-connector sees it: not a JWT, or expired. The library logs
 * an expired token with its whole stack trace, and a junk token costs it a key lookup.
 */
export function tokenProblem(authHeader: string, nowMs = Date.now()): string | undefined {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authHeader.trim());
  if (!m) return 'not a bearer token';
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8'));
  } catch {
    return 'the token is not a JWT';
  }
  if (typeof claims?.exp !== 'number') return 'the token has no expiry';
  if ((claims.exp + CLOCK_TOLERANCE_S) * 1000 < nowMs) return 'the token has expired';
  return undefined;
}

/** What the front door (createServer.ts) does with the adapter: check the token first, then run the activity. */
export interface ActivityRunner {
  /** Throws NotAuthenticated (never anything else) when the request may not be handled. */
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<AuthenticateRequestResult>;
  run(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/**
 * CloudAdapter.process would parse the body itself, answer jsonwebtoken's errors (a forged signature) with 500
 * and log every refused token with its stack trace. Its two steps are taken here separately instead:
 * authenticateRequest needs only the channelId and serviceUrl of the activity, and processActivity takes the
 * result, so a request is authenticated before the activity is checked or run.
 */
export function activityRunner(adapter: TeamsAdapter, localMode: boolean): ActivityRunner {
  const inner = adapter as unknown as {
    botFrameworkAuthentication: BotFrameworkAuthentication;
    processActivity(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  };
  return {
    async authenticate(activity, authHeader) {
      const problem = localMode ? undefined : tokenProblem(authHeader);
      if (problem) throw new NotAuthenticated(problem);
      const claimed = { channelId: typeof activity.channelId === 'string' ? activity.channelId : '', serviceUrl: typeof activity.serviceUrl === 'string' ? activity.serviceUrl : '', recipient: activity.recipient };
      try {
        return await inner.botFrameworkAuthentication.authenticateRequest(claimed as Activity, authHeader);
      } catch (err) {
        throw new NotAuthenticated(String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200));
      }
    },
    run: (auth, activity, logic) => inner.processActivity(auth, activity, logic),
  };
}
