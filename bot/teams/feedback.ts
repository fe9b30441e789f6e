// Teams' feedback buttons (👍/👎 and an optional comment) on every answer: the answer message carries
// channelData.feedbackLoopEnabled, Teams sends the reaction as a "message/submitAction" invoke replying to that
// message, and teams-ai's feedbackLoop route hands it here. The answer was remembered when it was sent
// (bot/feedback/feedbackStore.ts), so the reaction is stored with its question and citations.
import type { Language } from '../shared/language';
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../answer/knowledgeBase';
import type { FeedbackStore } from '../feedback/feedbackStore';

import { channelConversationId, isChannelConversation } from './threading';

/** Marks an outgoing answer for Teams' feedback buttons. */
export const FEEDBACK_CHANNEL_DATA = { feedbackLoopEnabled: true } as const;

function conversationType(context: TurnContext): 'personal' | 'groupChat' | 'channel' {
  if (isChannelConversation(context.activity)) return 'channel';
  return context.activity.conversation?.conversationType === 'groupChat' ? 'groupChat' : 'personal';
}

/** Remembers a sent answer so feedback on it can be stored with what was asked and cited. */
export async function rememberAnswer(store: FeedbackStore, context: TurnContext, activityId: string | undefined, question: string, language: Language, answers: Answer[]): Promise<void> {
  if (!activityId) return;
  await store.rememberAnswer(channelConversationId(context.activity.conversation.id), activityId, {
    question,
    language,
    conversationType: conversationType(context),
    sections: answers.map((a) => ({ date: a.date, section: a.section })),
  });
}

/** The comment of the feedback form: Teams sends it as JSON text ({"feedbackText": "..."}) or as an object. */
function commentOf(feedback: unknown): string {
  let value = feedback;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return value as string;
    }
  }
  const text = (value as { feedbackText?: unknown } | null)?.feedbackText;
  return typeof text === 'string' ? text.trim() : '';
}

export function registerFeedback(app: Application, store: FeedbackStore, logger: { error(message: string, err?: unknown): void }): void {
  app.feedbackLoop(async (context, _state, data) => {
    const reaction = data.actionValue?.reaction === 'like' ? 'like' : data.actionValue?.reaction === 'dislike' ? 'dislike' : undefined;
    const replyToId = typeof data.replyToId === 'string' ? data.replyToId : undefined;
    if (!reaction || !replyToId) return;
    const from = context.activity.from;
    try {
      await store.record(channelConversationId(context.activity.conversation.id), replyToId, {
        reaction,
        comment: commentOf(data.actionValue?.feedback),
        userId: String(from?.aadObjectId || from?.id || ''),
      });
    } catch (err) {
      logger.error('[lovp-bot] could not store feedback', err);
    }
  });
}
