// The language a conversation last used, so a message whose words show none ("stop", "help", "?", a date) is
// answered in it rather than in the client's locale: after "abonneer", "stop" confirms in Dutch also on an en-US
// client. A message's language is its command word's ("samenvatting": nl, "summary": en) or its words': by the word
// lists ("vuurwerk"), else by the reports' own words, asked of the index ("roosterapplicatie"); words both
// languages have ("stop", "help") show none. One record of a few bytes per conversation (a chat, or a
// channel with its threads) in the state store, written only when the language changes. A message that shows its
// language is checked against what this process last saw for the conversation (a bounded map, entries trusted for
// a few minutes), so a conversation asking on in one language costs no store read per message; a message that
// shows none reads the store, which other bot instances write too. A store that fails costs the preference, never
// the answer.
import type { Storage, TurnContext } from 'botbuilder';
import type { KnowledgeSource } from '../answer/knowledgeSource';
import type { Language } from '../shared/language';
import { languageKey } from '../state/keys';
import { readRecord } from '../state/updateRecord';
import { commandWordLanguage, parseCommand } from './commands';
import { wordsLanguage } from './replyLanguage';
import { channelConversationId } from './threading';

interface LanguageRecord {
  language: Language;
  /** When it was set, ms since 1970. */
  at: number;
}

/** Where this turn's preferred language is kept for the handlers. */
const TURN_LANGUAGE = 'lovp.conversationLanguage';

/** Conversations whose language this process remembers, and for how long it trusts that without the store. */
const MAX_KNOWN = 1000;
const KNOWN_MS = 5 * 60_000;

export class LanguageMemory {
  private readonly known = new Map<string, LanguageRecord>();

  constructor(private readonly storage: Storage, private readonly now: () => number = Date.now) {}

  /** The conversation's language as the store has it. */
  async recall(conversationId: string): Promise<Language | undefined> {
    const found = await readRecord<LanguageRecord>(this.storage, languageKey(conversationId), (item) => item.language === 'nl' || item.language === 'en');
    const language = found?.record.language;
    if (language) this.know(conversationId, language);
    return language;
  }

  /** Makes `language` the conversation's, writing it only when it differs from what the conversation used. */
  async remember(conversationId: string, language: Language): Promise<void> {
    const seen = this.known.get(conversationId);
    const current = seen && this.now() - seen.at <= KNOWN_MS ? seen.language : await this.recall(conversationId);
    if (current !== language) {
      // Last write wins: two messages in two languages at the same moment keep one of them.
      await this.storage.write({ [languageKey(conversationId)]: { language, at: this.now() } satisfies LanguageRecord });
    }
    this.know(conversationId, language);
  }

  private know(conversationId: string, language: Language): void {
    this.known.delete(conversationId);
    this.known.set(conversationId, { language, at: this.now() });
    if (this.known.size > MAX_KNOWN) this.known.delete(this.known.keys().next().value!);
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
 * Before a message is handled: the message's own language, when it shows one, becomes the conversation's; when it
 * shows none, the conversation's is looked up. The turn prefers that language to the client locale (preferredLocale).
 */
export async function noteLanguage(context: TurnContext, memory: LanguageMemory, knowledge: KnowledgeSource, logError: (message: string, err: unknown) => void): Promise<void> {
  const conversationId = channelConversationId(context.activity.conversation.id);
  const text = context.activity.text ?? '';
  const shown = await messageLanguage(text, knowledge).catch((err) => {
    logError('[lovp-bot] the index could not tell the language of a message', err);
    return wordsLanguage(text);
  });
  try {
    if (shown) await memory.remember(conversationId, shown);
    context.turnState.set(TURN_LANGUAGE, shown ?? (await memory.recall(conversationId)));
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
