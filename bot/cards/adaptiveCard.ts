// What every card of the bot shares: the Adaptive Card 1.5 shell (full width in Teams, a fallback text for
// clients that show no cards), the text block, Teams' size limit, and the "ask a question" button.
export type CardElement = Record<string, unknown>;
export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body: CardElement[]; actions: CardElement[]; [key: string]: unknown };

/** Teams refuses messages over about 28 KB, card and activity together. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
/** What the card may take, leaving room for the activity around it (ids, service URL, conversation). */
export const CARD_MAX_BYTES = TEAMS_MESSAGE_LIMIT_BYTES - 4 * 1024;

export const cardBytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

export function adaptiveCard(fallbackText: string, body: CardElement[], actions: CardElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', fallbackText, msteams: { width: 'Full' }, body, actions };
}

/** A wrapping text block; `extra` adds or overrides properties (size, weight, isSubtle, separator, ...). */
export const textBlock = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

export const CARD_VERBS = { pendingList: 'pendingList', ask: 'ask' } as const;
export const QUESTION_INPUT_ID = 'question';

/** The button that opens a question box and sends the question with Action.Execute (verb "ask"). */
export function askQuestionAction(title: string, t: { questionLabel: string; placeholder: string; submit: string }, data: Record<string, unknown>): CardElement {
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: QUESTION_INPUT_ID, label: t.questionLabel, placeholder: t.placeholder, maxLength: 1000, isRequired: true, errorMessage: t.placeholder }],
      actions: [{ type: 'Action.Execute', title: t.submit, verb: CARD_VERBS.ask, data }],
    },
  };
}
