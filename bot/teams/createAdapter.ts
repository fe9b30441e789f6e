// The Bot Framework adapter. With a MicrosoftAppId the adapter checks every request's token and signs its
// replies; without one (local mode) it accepts requests without a token, as the Agents Playground and tests send.
import { TeamsAdapter } from '@microsoft/teams-ai';
import { StatusCodes } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { BotConfig } from './config';

export function createAdapter(config: BotConfig): TeamsAdapter {
  if (config.localMode) return new TeamsAdapter({});
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId || undefined,
    ...config.cloudSettings,
  });
  return failClosedOnBadTokens(adapter);
}

/** jsonwebtoken's errors: bad signature, malformed token, not yet valid. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botframework-connector rethrows jsonwebtoken's errors as they are, and CloudAdapter answers anything that is not
 * an AuthenticationError with 500: a forged signature would look like a server fault. They mean "not authenticated".
 */
function failClosedOnBadTokens(adapter: TeamsAdapter): TeamsAdapter {
  const target = adapter as unknown as { processActivity: (...args: unknown[]) => Promise<unknown> };
  const processActivity = target.processActivity.bind(adapter);
  target.processActivity = async (...args) => {
    try {
      return await processActivity(...args);
    } catch (err) {
      if (err instanceof Error && TOKEN_ERRORS.has(err.name)) throw new AuthenticationError(`Unauthorized: ${err.message}`, StatusCodes.UNAUTHORIZED);
      throw err;
    }
  };
  return adapter;
}
