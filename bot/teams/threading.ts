// Channel replies belong in the asker's thread. Teams addresses a thread as "<channel id>;messageid=<root id>";
// a channel id without it would start a new post. The root is the thread the user wrote in (already in the
// conversation id, or the replyToId), or the user's own new post.
import type { Activity, TurnContext } from 'botbuilder';

const MESSAGE_ID = /;messageid=([^;]*)/i;

export function isChannelConversation(activity: Partial<Activity>): boolean {
  const data = activity.channelData as { channel?: { id?: unknown } } | undefined;
  return activity.conversation?.conversationType === 'channel' || typeof data?.channel?.id === 'string';
}

/** "19:abc@thread.tacv2;messageid=123" -> "19:abc@thread.tacv2". */
export function channelConversationId(conversationId: string): string {
  return conversationId.replace(MESSAGE_ID, '');
}

/** The id to reply to so the reply lands in the thread of the incoming channel message. */
export function threadConversationId(activity: Partial<Activity>): string | undefined {
  const id = activity.conversation?.id;
  if (!id) return undefined;
  if (MESSAGE_ID.test(id)) return id;
  const root = activity.replyToId || activity.id;
  return root ? `${id};messageid=${root}` : id;
}

/** Makes every reply of this turn go to the asker's thread when the turn comes from a channel. */
export function keepRepliesInThread(context: TurnContext): void {
  if (!isChannelConversation(context.activity)) return;
  const threadId = threadConversationId(context.activity);
  if (!threadId) return;
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const activity of activities) {
      // The conversation object is shared with the incoming activity, so replace it rather than mutate it.
      if (activity.conversation) activity.conversation = { ...activity.conversation, id: threadId };
      activity.replyToId = activity.replyToId || threadRoot(threadId);
    }
    return next();
  });
}

function threadRoot(threadId: string): string | undefined {
  return MESSAGE_ID.exec(threadId)?.[1] || undefined;
}
