// The language a conversation last used, so a message whose words show none ("stop", "help", "?", a date) is
// answered in it rather than in the client's locale: after "abonneer", "stop" confirms in Dutch also on an en-US
// client. A message's language is its command word's ("samenvatting": nl, "summary": en) or its words': by the word
// lists ("vuurwerk"), else by the reports' own words, asked of the index ("roosterapplicatie"); words both
// languages have ("stop", "help") show none. One record of a few bytes per conversation (a chat, or a
// channel with its threads) in the state store, written only when the language changes. A store that fails costs
// the preference, never the answer.
import type { Storage, TurnContext } from 'botbuilder';
import { languageKey } from '../state/keys';
import { commandWordLanguage, parseCommand } from './commands';
import type { KnowledgeSource } from './createApp';
import { wordsLanguage, type Language } from './replyLanguage';
import { channelConversationId } from './threading';

interface LanguageRecord {
  language: Language;
  /** When it was set, ms since 1970. */
  at: number;
}

/** Where this turn's preferred language is kept for the handlers. */
const TURN_LANGUAGE = 'lovp.conversationLanguage';

export class LanguageMemory {
  constructor(private readonly storage: Storage, private readonly now: () => number = Date.now) {}

  async recall(conversationId: string): Promise<Language | undefined> {
    const key = languageKey(conversationId);
    const record = (await this.storage.read([key]))[key] as Partial<LanguageRecord> | undefined;
    return record?.language === 'nl' || record?.language === 'en' ? record.language : undefined;
  }

  /** Remembers `language`, unless it is what the conversation used already (`current`). */
  async remember(conversationId: string, language: Language, current?: Language): Promise<void> {
    if (language === current) return;
    // Last write wins: two messages in two languages at the same moment keep one of them.
    await this.storage.write({ [languageKey(conversationId)]: { language, at: this.now() } satisfies LanguageRecord });
  }
}

/** The language a message itself shows: its command word's, or for anything else its words' (the word lists',
 *  then the reports' when a knowledge source is given). */
export async function messageLanguage(text: string, knowledge?: Pick<KnowledgeSource, 'wordsLanguage' | 'loading'>): Promise<Language | undefined> {
  if (parseCommand(text)) return commandWordLanguage(text);
  const byLists = wordsLanguage(text);
  if (byLists || !knowledge?.wordsLanguage || knowledge.loading) return byLists;
  return knowledge.wordsLanguage(text.slice(0, 500));
}

/**
 * Before a message is handled: the conversation's language is looked up, and the message's own, when it shows one,
 * becomes the conversation's. The turn then prefers the message's language, else the conversation's (preferredLocale).
 */
export async function noteLanguage(context: TurnContext, memory: LanguageMemory, knowledge: KnowledgeSource, logError: (message: string, err: unknown) => void): Promise<void> {
  const conversationId = channelConversationId(context.activity.conversation.id);
  const text = context.activity.text ?? '';
  const shown = await messageLanguage(text, knowledge).catch((err) => {
    logError('[lovp-bot] the index could not tell the language of a message', err);
    return wordsLanguage(text);
  });
  try {
    const remembered = await memory.recall(conversationId);
    context.turnState.set(TURN_LANGUAGE, shown ?? remembered);
    if (shown) await memory.remember(conversationId, shown, remembered);
  } catch (err) {
    context.turnState.set(TURN_LANGUAGE, shown);
    logError('[lovp-bot] the conversation language could not be read or kept', err);
  }
}

/** What stands in for the client locale when the words show no language: the conversation's language, else the
 *  locale itself ('nl' and 'en' read as locales). */
export function preferredLocale(context: TurnContext): string | undefined {
  return (context.turnState.get(TURN_LANGUAGE) as Language | undefined) ?? context.activity.locale;
}
