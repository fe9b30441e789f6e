// The Bot Framework adapter. With a MicrosoftAppId the adapter checks every request's token and signs its
// replies; without one (local mode) it accepts requests without a token, as the Agents Playground and tests send.
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotConfig } from './config';

export function createAdapter(config: BotConfig): TeamsAdapter {
  if (config.localMode) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId || undefined,
  });
}
