// The teams-ai Application: which activity goes to which handler. The handlers themselves live in their own
// files (commands, citations, welcome, subscriptions); this file only wires them together.
import type { KnowledgeSource } from '../answer/knowledgeSource';
import type { ErrorLogger } from '../shared/logger';
import type { Language } from '../shared/language';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { formatDate } from '../corpus/dates';
import type { TopicMemory } from '../answer/topicMemory';
import type { FeedbackStore } from '../feedback/feedbackStore';
import { FEEDBACK_CHANNEL_DATA, registerFeedback, rememberAnswer } from './feedback';
import { pendingCard } from '../cards/pendingCard';
import { registerCardActions, unhandledInvoke } from './cardActions';
import { citedAnswerActivity, type AnswerUrl } from './citations';
import { parseCommand, type Command, type CommandName } from './commands';
import type { Config } from '../config';
import { meetingsText } from './meetingsText';
import { isSharedCard, registerMessageExtension } from './messageExtension';
import { TEXT } from './messages';
import { noPendingItems, type PendingSource } from '../pending/pendingSource';
import { pendingText } from './pendingText';
import { answerUrl } from './reportLinks';
import { replyLanguage } from './replyLanguage';
import { stripMentions } from './stripMentions';
import { timelineReply } from './timeline';
import { SubscriptionStore } from '../notify/subscriptions';
import { subscriptionFor } from './subscriptionFor';
import { cardMessage, findMeeting, summaryMessage } from './summaryText';
import { handleFiles, hasFiles, type UploadSettings } from './fileUploads';
import { keepEntityFields } from './keepEntityFields';
import { LanguageMemory, noteLanguage, preferredLocale } from './languageMemory';
import { TypingTimerOptionApplication } from './typingTimerOption';
import { channelConversationId, isChannelConversation, keepRepliesInThread, threadConversationId } from './threading';
import { botWasAdded, claimWelcome } from './welcome';

export interface AppDependencies {
  adapter: TeamsAdapter;
  /** A getter lets a re-ingested knowledge base replace the old one without restarting the bot. */
  knowledgeBase: KnowledgeSource | (() => KnowledgeSource);
  /** Welcome bookkeeping, topics, language; and the subscriptions unless `subscriptions` is given. */
  storage: Storage;
  /** The bot's one subscription store (composeBot.ts shares it with the broadcaster and the reminders). */
  subscriptions?: SubscriptionStore;
  pending?: PendingSource;
  /** Report files sent in a personal chat are taken in when set (bot/teams/fileUploads.ts). */
  uploads?: UploadSettings;
  /** The last question's topic per conversation thread, for follow-up questions; none: every question stands alone. */
  topics?: TopicMemory;
  /** Answers and the 👍/👎 given on them; none: answers carry no feedback buttons. */
  feedback?: FeedbackStore;
  config: Pick<Config, 'maxQuestionChars' | 'maxAnswers' | 'microsoftAppId'> & Partial<Pick<Config, 'pendingOldMonths'>>;
  /** Today (YYYY-MM-DD) in the bot's time zone, for what is overdue (default: the UTC day). */
  today?: () => string;
  /** Base URL of the report pages (PUBLIC_URL, or the bot's own address); undefined: citations carry no link. */
  publicUrl?: () => string | undefined;
  logger?: ErrorLogger;
}

export function knowledgeGetter(source: AppDependencies['knowledgeBase']): () => KnowledgeSource {
  return typeof source === 'function' ? source : () => source;
}

/** Attachments Teams adds to every message (the HTML rendering of the text) do not count as files. */
function hasFileAttachments(context: TurnContext): boolean {
  return (context.activity.attachments ?? []).some((a) => a && a.contentType !== 'text/html');
}

export function createApp(deps: AppDependencies): Application {
  // Without this the citations entity loses its fields on the way to Teams (see keepEntityFields.ts).
  keepEntityFields();
  const knowledge = knowledgeGetter(deps.knowledgeBase);
  const pending = deps.pending ?? noPendingItems;
  const subscriptions = deps.subscriptions ?? new SubscriptionStore(deps.storage);
  const languages = new LanguageMemory(deps.storage);
  const logger = deps.logger ?? console;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  const linkFor = (language: Language): AnswerUrl => (answer) => answerUrl(deps.publicUrl?.(), knowledge().meetings, answer, language);
  const app = new TypingTimerOptionApplication({
    adapter: deps.adapter,
    botAppId: deps.config.microsoftAppId || undefined,
    // Mentions are stripped by stripMentions (all of them, also without an entity); no typing indicator
    // because answers take milliseconds and the indicator timer is shared across concurrent turns
    // (teams-ai ignores this option; typingTimerOption.ts makes it count).
    removeRecipientMention: false,
    startTypingTimer: false,
  });

  const commandOf = (context: TurnContext): Command | undefined =>
    context.activity.type === ActivityTypes.Message ? parseCommand(context.activity.text ?? '', preferredLocale(context)) : undefined;

  app.turn('beforeTurn', async (context) => {
    if (context.activity.type === ActivityTypes.Message) {
      context.activity.text = stripMentions(context.activity);
      keepRepliesInThread(context);
      await noteLanguage(context, languages, knowledge(), (message, err) => logger.error(message, err));
      // Before any command or question looks at it: a longer message is answered with the limit, never searched or echoed.
      const text = context.activity.text;
      if (text.length > deps.config.maxQuestionChars) {
        await say(context, TEXT.tooLong(replyLanguage(text, preferredLocale(context)), deps.config.maxQuestionChars));
        return false;
      }
    }
    return true;
  });

  app.activity(
    async (context) => botWasAdded(context.activity),
    async (context) => {
      if (await claimWelcome(deps.storage, context.activity.conversation.id)) {
        await context.sendActivity({ type: 'message', textFormat: 'markdown', text: TEXT.welcome() });
      }
    },
  );

  const handlers: Record<CommandName, (context: TurnContext, command: Command) => Promise<unknown>> = {
    help: (context, { language }) => say(context, TEXT.help(language)),
    meetings: (context, { language }) => say(context, knowledge().loading ? TEXT.loading(language) : meetingsText(knowledge().meetings, language)),
    summary: async (context, { language, argument }) => {
      if (knowledge().loading) return say(context, TEXT.loading(language));
      const meetings = knowledge().meetings;
      if (meetings.length === 0) return say(context, TEXT.noMeetings(language));
      const meeting = findMeeting(meetings, argument);
      if (meeting) {
        const pendingOfMeeting = (await pending.openItems()).filter((item) => item.date === meeting.date);
        return context.sendActivity(summaryMessage(meeting, language, pendingOfMeeting));
      }
      return say(context, TEXT.unknownDate(language, argument, meetings.map((m) => formatDate(m.date, language))));
    },
    timeline: async (context, { language, argument }) => context.sendActivity(await timelineReply(knowledge(), pending, argument, language, linkFor(language))),
    pending: async (context, { language }) => {
      const items = await pending.openItems();
      const card = pendingCard(items, { language, view: 'message', today: today(), oldMonths: deps.config.pendingOldMonths });
      return context.sendActivity(cardMessage(card, pendingText(items, language)));
    },
    subscribe: async (context, { language }) => {
      const outcome = await subscriptions.subscribe(subscriptionFor(context, language));
      const channel = isChannelConversation(context.activity);
      return say(context, outcome === 'added' ? TEXT.subscribed(language, channel) : TEXT.alreadySubscribed(language, channel));
    },
    unsubscribe: async (context, { language }) => {
      const subscription = subscriptionFor(context, language);
      const removed = await subscriptions.unsubscribe(subscription.conversationId);
      const channel = isChannelConversation(context.activity);
      return say(context, removed ? TEXT.unsubscribed(language, channel) : TEXT.notSubscribed(language, channel));
    },
  };

  // A card shared from the compose-box search into this chat asks nothing.
  app.message(async (context) => context.activity.type === ActivityTypes.Message && isSharedCard(context.activity), async () => undefined);

  const uploads = deps.uploads;
  if (uploads) {
    app.message(
      async (context) => context.activity.type === ActivityTypes.Message && hasFiles(context.activity),
      async (context) => {
        if (!(await handleFiles(context, uploads))) await answerQuestion(context, knowledge(), deps, linkFor);
      },
    );
  }

  for (const name of Object.keys(handlers) as CommandName[]) {
    app.message(
      async (context) => commandOf(context)?.name === name,
      async (context) => {
        await handlers[name](context, commandOf(context)!);
      },
    );
  }

  app.activity(ActivityTypes.Message, async (context) => {
    await answerQuestion(context, knowledge(), deps, linkFor);
  });

  registerCardActions(app, { knowledge, pending, config: deps.config, today, logger });
  registerMessageExtension(app, { knowledge, publicUrl: () => deps.publicUrl?.(), maxQuestionChars: deps.config.maxQuestionChars });
  if (deps.feedback) registerFeedback(app, deps.feedback, logger);
  // Invoke routes run first; an invoke none of them took ends here instead of as a 501 without a body.
  app.activity(ActivityTypes.Invoke, (context) => context.sendActivity(unhandledInvoke(context.activity)).then(() => undefined));

  app.error(async (context, error) => {
    logger.error(`[lovp-bot] turn failed for a ${context.activity?.type} activity`, error);
    if (context.activity?.type !== ActivityTypes.Message) return;
    try {
      await context.sendActivity(TEXT.error(safeLanguage(context)));
    } catch (sendError) {
      logger.error('[lovp-bot] could not send the apology', sendError);
    }
  });

  return app;
}

function say(context: TurnContext, text: string) {
  return context.sendActivity({ type: 'message', textFormat: 'markdown', text });
}

function safeLanguage(context: TurnContext): Language {
  try {
    return replyLanguage(typeof context.activity.text === 'string' ? context.activity.text : '', preferredLocale(context));
  } catch {
    return 'nl';
  }
}

async function answerQuestion(context: TurnContext, kb: KnowledgeSource, { config, topics, feedback }: Pick<AppDependencies, 'config' | 'topics' | 'feedback'>,
  linkFor: (language: Language) => AnswerUrl): Promise<void> {
  const question = context.activity.text ?? '';
  const language = replyLanguage(question, preferredLocale(context));
  if (!question) {
    await say(context, hasFileAttachments(context) ? TEXT.attachmentOnly(language) : TEXT.empty(language));
    return;
  }
  if (kb.loading) {
    await say(context, TEXT.loading(language));
    return;
  }
  // Follow-ups ("en wanneer komt dat terug?") lean on the last question of the same chat or channel thread.
  const conversationId = channelConversationId(context.activity.conversation.id);
  const threadId = (isChannelConversation(context.activity) && threadConversationId(context.activity)) || context.activity.conversation.id;
  const previous = topics ? await topics.recall(conversationId, threadId) : undefined;
  const result = await kb.ask(question, { context: previous });
  if (result.answers.length === 0) {
    await say(context, TEXT.noAnswer(language));
    return;
  }
  if (topics) await topics.remember(conversationId, threadId, result.topic);
  const notes = [
    ...(result.corrections.length ? [TEXT.didYouMean(language, result.corrections.map((c) => c.to))] : []),
    ...(result.followUpOf ? [TEXT.followUpOf(language, result.followUpOf.question)] : []),
  ];
  const sent = await context.sendActivity({ ...citedAnswerActivity(result.answers, language, config.maxAnswers, notes, linkFor(language)), ...(feedback ? { channelData: FEEDBACK_CHANNEL_DATA } : {}) });
  if (feedback) await rememberAnswer(feedback, context, sent?.id, question, language, result.answers.slice(0, config.maxAnswers));
}
