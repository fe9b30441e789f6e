// Where the bot's records live in the botbuilder Storage (file store or Azure Blob storage). Storage cannot
// list keys, so every collection has one index or ledger document, or keys derived from ids the code knows.
// Keys are plain strings; BlobsStorage URL-encodes them into blob names.
//
//   subscriptions/index                    conversation ids that subscribed      bot/teams/subscriptions.ts
//   subscriptions/conversation/<id>        reference, scope and language         bot/teams/subscriptions.ts
//   pending/status/<item id>               "done" status of a pending item       bot/pending/itemStore.ts
//   reminders/conversation/<id>            reminders sent to a conversation      bot/pending/reminderLedger.ts
//   announcements/ledger                   report versions announced, and where  bot/notify/broadcastSummary.ts
//   topics/<conversation id>               last question topic per thread        bot/answer/topicMemory.ts
//   language/<conversation id>             the language it last used             bot/teams/languageMemory.ts
//   answers/<conversation id>              recent answers (question, citations)  bot/feedback/feedbackStore.ts
//   feedback/log                           reactions and comments on answers     bot/feedback/feedbackStore.ts
//   welcome/recent                         welcomes of the last ten minutes      bot/teams/welcome.ts
//
// teams-ai's own turn state (if the Application is given this storage) uses "<channelId>/<botId>/..." keys,
// which do not collide with these.

/** Status a user gave a pending item (bot/pending/pendingItem.ts ids are hex hashes). */
export const pendingStatusKey = (itemId: string): string => `pending/status/${encodeURIComponent(itemId)}`;

/** Ledger of the reminders one conversation got. */
export const reminderLedgerKey = (conversationId: string): string => `reminders/conversation/${encodeURIComponent(conversationId)}`;

/** Report versions (by content hash) already announced, and to which conversations. */
export const ANNOUNCEMENTS_KEY = 'announcements/ledger';

/** The topics a conversation's threads asked about last, for follow-up questions. */
export const topicsKey = (conversationId: string): string => `topics/${encodeURIComponent(conversationId)}`;

/** The language a conversation last used (nl or en). */
export const languageKey = (conversationId: string): string => `language/${encodeURIComponent(conversationId)}`;

/** The answers recently sent in a conversation, for the feedback given on them. */
export const answersKey = (conversationId: string): string => `answers/${encodeURIComponent(conversationId)}`;

/** Every reaction and comment users gave on answers (bounded). */
export const FEEDBACK_KEY = 'feedback/log';
