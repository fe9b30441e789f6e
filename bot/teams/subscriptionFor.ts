// The subscription a Teams conversation asks for with "abonneer"/"subscribe": its reference for proactive posts.
// In a channel it points at the channel itself (so a post becomes a new thread), not at the thread the command
// was typed in.
import { TurnContext } from 'botbuilder';
import type { Subscription } from '../notify/subscriptions';
import type { Language } from '../shared/language';
import { channelConversationId, isChannelConversation } from './threading';

export function subscriptionFor(context: TurnContext, language: Language, now = new Date()): Subscription {
  const reference = TurnContext.getConversationReference(context.activity);
  const channel = isChannelConversation(context.activity);
  const conversation = reference.conversation!;
  if (channel) {
    delete reference.activityId;
    reference.conversation = { ...conversation, id: channelConversationId(conversation.id) };
  }
  const type = conversation.conversationType;
  return {
    conversationId: reference.conversation!.id,
    reference,
    scope: channel ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    language,
    subscribedAt: now.toISOString(),
  };
}
