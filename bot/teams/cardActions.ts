// The buttons on the bot's cards (Universal Actions: Action.Execute arrives as an "adaptiveCard/action" invoke):
//   pendingList  the pending-items card (from the summary or a reminder: in place, for the one who clicked;
//                from the pending card itself: paging and Teams' automatic refresh)
//   pendingDone  marks data.itemId done in the Storage and answers with the refreshed list, which names the item
//                and offers to reopen it; on a pending-list message that message is replaced for everyone too
//   pendingReopen undoes pendingDone for data.itemId ("Heropenen"), the same way
//   ask          answers data.question (the card's input) with a card quoting the reports, for the one who asked
//   summary      the summary card of data.meetingDate again (the way back from a list or answer shown in its place)
// The invoke response carries the card, which Teams shows in place of the clicked card. teams-ai would update the
// message for everyone whenever the card has `refresh`; that would replace a summary card in a channel by one
// person's list, so the response is sent here and the message updated only where that is meant.
import type { Language } from '../shared/language';
import type { Application } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { answerCard } from '../cards/answerCard';
import { pendingCard, PENDING_VERBS, SUMMARY_VERB, type PendingActionData, type PendingView } from '../cards/pendingCard';
import { CARD_VERBS, type AdaptiveCard } from '../cards/adaptiveCard';
import { summaryCard } from '../cards/summaryCard';
import { oneLine, shorten } from '../shared/shorten';
import { meetingLabel } from '../corpus/meeting';
import { formatDate } from '../corpus/dates';
import type { KnowledgeSource } from '../answer/knowledgeSource';
import type { ErrorLogger as Logger } from '../shared/logger';
import { TEXT } from './messages';
import type { PendingItem } from '../pending/pendingItem';
import type { PendingSource } from '../pending/pendingSource';
import { localeLanguage, replyLanguage } from './replyLanguage';

export interface CardActionDependencies {
  knowledge: () => KnowledgeSource;
  pending: PendingSource;
  config: { maxQuestionChars: number; maxAnswers: number; pendingOldMonths?: number };
  /** Today (YYYY-MM-DD) in the bot's time zone: what is overdue is counted from it. */
  today: () => string;
  logger: Logger;
}

type ActionData = PendingActionData & { question?: unknown; [key: string]: unknown };

/** The item as a confirmation names it: its own words, shortened. */
const itemName = (item: PendingItem) => shorten(item.title ?? item.text, 120);

const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

function cardLanguage(context: TurnContext, data: ActionData): Language {
  return data.lang === 'en' || data.lang === 'nl' ? data.lang : localeLanguage(context.activity.locale) ?? 'nl';
}

function viewOf(data: ActionData): PendingView {
  return data.view === 'message' ? 'message' : 'inPlace';
}

function pageOf(data: ActionData): number {
  const page = Number(data.page);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

const meetingDateOf = (data: ActionData) => (typeof data.meetingDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.meetingDate) ? data.meetingDate : undefined);

/**
 * Answers the invoke with the card. With `everyone`, the message the button was on (replyToId) is first
 * replaced by the card, so people who do not refresh see it too; when that fails the clicker still gets the card.
 */
async function respondWithCard(context: TurnContext, card: AdaptiveCard, everyone: boolean, logger: Logger): Promise<AdaptiveCard> {
  const messageId = context.activity.replyToId;
  if (everyone && messageId) {
    try {
      const update = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      update.id = messageId;
      await context.updateActivity(update);
    } catch (err) {
      logger.error('[lovp-bot] could not update the card for everyone', err);
    }
  }
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: card } } });
  return card;
}

/**
 * The answer to an invoke no handler took: for a card button (an unknown or missing verb) the Universal Actions
 * error response, which Teams shows on the card; for any other invoke a 501 that says what was not handled.
 */
export function unhandledInvoke(activity: Partial<Activity>): Partial<Activity> {
  const name = typeof activity.name === 'string' ? activity.name.slice(0, 60) : '';
  if (name === 'adaptiveCard/action') {
    const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    const message = typeof verb === 'string' && verb ? `unknown card action "${verb.slice(0, 60)}"` : 'the card action has no verb';
    return { type: 'invokeResponse', value: { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } } } };
  }
  return { type: 'invokeResponse', value: { status: 501, body: { error: name ? `this bot does not handle "${name}" invokes` : 'the invoke has no name' } } };
}

export function registerCardActions(app: Application, deps: CardActionDependencies): void {
  // A failing handler answers with a short message instead of leaving Teams' "something went wrong".
  const safely = (verb: string, handler: (context: TurnContext, data: ActionData) => Promise<AdaptiveCard | string>) =>
    app.adaptiveCards.actionExecute<ActionData>(verb, async (context, _state, data) => {
      const safeData: ActionData = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
      try {
        return await handler(context, safeData);
      } catch (err) {
        deps.logger.error(`[lovp-bot] card action ${verb} failed`, err);
        return TEXT.error(cardLanguage(context, safeData));
      }
    });

  const listCard = async (context: TurnContext, data: ActionData, extra: { notice?: string; undoItemId?: string } = {}) =>
    pendingCard(await deps.pending.openItems(), {
      language: cardLanguage(context, data),
      view: viewOf(data),
      page: pageOf(data),
      meetingDate: meetingDateOf(data),
      older: data.older === true,
      today: deps.today(),
      oldMonths: deps.config.pendingOldMonths,
      ...extra,
    });

  safely(PENDING_VERBS.list, async (context, data) => respondWithCard(context, await listCard(context, data), false, deps.logger));

  safely(PENDING_VERBS.done, async (context, data) => {
    const language = cardLanguage(context, data);
    const itemId = typeof data.itemId === 'string' ? data.itemId : '';
    const doneBy = context.activity.from?.name || context.activity.from?.aadObjectId || context.activity.from?.id;
    const item = itemId && deps.pending.markDone ? await deps.pending.markDone(itemId, doneBy) : undefined;
    const notice = item ? TEXT.markedDone(language, itemName(item), meetingLabel(item, language)) : TEXT.unknownItem(language);
    const card = await listCard(context, data, { notice, ...(item?.id ? { undoItemId: item.id } : {}) });
    return respondWithCard(context, card, viewOf(data) === 'message', deps.logger);
  });

  safely(PENDING_VERBS.reopen, async (context, data) => {
    const language = cardLanguage(context, data);
    const itemId = typeof data.itemId === 'string' ? data.itemId : '';
    const item = itemId && deps.pending.reopen ? await deps.pending.reopen(itemId) : undefined;
    const notice = item ? TEXT.reopened(language, itemName(item), meetingLabel(item, language)) : TEXT.unknownItem(language);
    return respondWithCard(context, await listCard(context, data, { notice }), viewOf(data) === 'message', deps.logger);
  });

  safely(CARD_VERBS.ask, async (context, data) => {
    const question = typeof data.question === 'string' ? oneLine(data.question) : '';
    const language = question ? replyLanguage(question, context.activity.locale) : cardLanguage(context, data);
    // A string becomes a message response: Teams shows it and leaves the card as it was.
    if (!question) return TEXT.empty(language);
    if (question.length > deps.config.maxQuestionChars) return TEXT.tooLong(language, deps.config.maxQuestionChars);
    const knowledge = deps.knowledge();
    if (knowledge.loading) return TEXT.loading(language);
    const result = await knowledge.ask(question);
    const card = answerCard(question, result.answers.slice(0, deps.config.maxAnswers), { language, meetingDate: meetingDateOf(data) });
    return respondWithCard(context, card, false, deps.logger);
  });

  safely(SUMMARY_VERB, async (context, data) => {
    const language = cardLanguage(context, data);
    const date = meetingDateOf(data);
    const meeting = date ? deps.knowledge().meetings.find((m) => m.date === date) : undefined;
    if (!meeting) return TEXT.unknownDate(language, date ?? '', deps.knowledge().meetings.map((m) => formatDate(m.date, language)));
    const pending = (await deps.pending.openItems()).filter((item) => item.date === meeting.date);
    return respondWithCard(context, summaryCard(meeting, { language, pending }), false, deps.logger);
  });
}
