// Messages the bot starts itself (summary cards after a new report, reminders): sent through the adapter's
// proactive path, continueConversationAsync with the stored conversation reference, exactly as a reply would be
// sent (the Bot Connector at the reference's serviceUrl). With app credentials the adapter signs the call with
// them; in local mode (no MicrosoftAppId) the bot app id is '' and no token is sent, which is what the Agents
// Playground and the tests' fake connector expect.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, ConversationReference } from 'botbuilder';

export type SendProactive = (reference: Partial<ConversationReference>, activity: Partial<Activity>) => Promise<void>;

export function proactiveSender(adapter: Pick<TeamsAdapter, 'continueConversationAsync'>, botAppId: string): SendProactive {
  return async (reference, activity) => {
    if (!reference.serviceUrl || !reference.conversation?.id) throw new Error('the stored conversation reference has no serviceUrl or conversation id');
    // The continuation runs as a turn, and the adapter's turn-error handler (app.error) swallows whatever fails
    // inside a turn: a connector's 403 would look like a delivered message. The outcome is carried out instead.
    let outcome: { sent: true } | { error: unknown } | undefined;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      // The continuation turn has a made-up activity id that botbuilder would reply to (POST .../activities/<id>);
      // without replyToId the connector call is sendToConversation: a new post, in a channel a new thread.
      context.onSendActivities(async (_context, activities, next) => {
        for (const sent of activities) delete sent.replyToId;
        return next();
      });
      try {
        await context.sendActivity(activity);
        outcome = { sent: true };
      } catch (error) {
        outcome = { error };
      }
    });
    if (!outcome) throw new Error('the proactive turn ended before the message was sent');
    if ('error' in outcome) throw outcome.error;
  };
}
