// Recognises commands: the first word of the message (after the @mention is stripped), case-insensitive, with or
// without a leading "/". Dutch and English words both work; the word also decides the reply language, except for
// words both languages use ("help", "stop"), where the Teams locale decides.
import type { Language } from '../shared/language';
import { localeLanguage } from './replyLanguage';

export type CommandName = 'help' | 'meetings' | 'summary' | 'timeline' | 'pending' | 'subscribe' | 'unsubscribe';

export interface Command {
  name: CommandName;
  /** The rest of the message, e.g. the date after "samenvatting", the topic after "tijdlijn". */
  argument: string;
  language: Language;
}

const KEYWORDS: Record<string, { name: CommandName; language?: Language }> = {
  help: { name: 'help' },
  hulp: { name: 'help', language: 'nl' },
  vergaderingen: { name: 'meetings', language: 'nl' },
  meetings: { name: 'meetings', language: 'en' },
  samenvatting: { name: 'summary', language: 'nl' },
  summary: { name: 'summary', language: 'en' },
  tijdlijn: { name: 'timeline', language: 'nl' },
  timeline: { name: 'timeline', language: 'en' },
  openstaand: { name: 'pending', language: 'nl' },
  pending: { name: 'pending', language: 'en' },
  abonneer: { name: 'subscribe', language: 'nl' },
  subscribe: { name: 'subscribe', language: 'en' },
  stop: { name: 'unsubscribe' },
  unsubscribe: { name: 'unsubscribe', language: 'en' },
  // A bare greeting gets the explanation rather than "nothing found".
  hallo: { name: 'help', language: 'nl' },
  hoi: { name: 'help', language: 'nl' },
  goedemorgen: { name: 'help', language: 'nl' },
  goedemiddag: { name: 'help', language: 'nl' },
  hello: { name: 'help', language: 'en' },
  hi: { name: 'help', language: 'en' },
  hey: { name: 'help' },
};

/**
 * "stop" (and a greeting) could start an ordinary question ("stop met vuurwerk?"), and unsubscribing by accident is worse than a
 * question answered as a question, so it only counts when it is the whole message.
 */
const WHOLE_MESSAGE_ONLY = new Set(['stop', 'hallo', 'hoi', 'goedemorgen', 'goedemiddag', 'hello', 'hi', 'hey']);

function keywordOf(text: string): { keyword: (typeof KEYWORDS)[string]; argument: string } | undefined {
  const match = /^\/?([\p{L}]+)[!?.:]*(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  const keyword = Object.prototype.hasOwnProperty.call(KEYWORDS, word) ? KEYWORDS[word] : undefined;
  if (!keyword) return undefined;
  const argument = (match[2] ?? '').trim();
  if (WHOLE_MESSAGE_ONLY.has(word) && argument) return undefined;
  return { keyword, argument };
}

export function parseCommand(text: string, locale?: string): Command | undefined {
  const found = keywordOf(text);
  if (!found) return undefined;
  return { name: found.keyword.name, argument: found.argument, language: found.keyword.language ?? localeLanguage(locale) ?? 'nl' };
}

/** The language a command's own word is in ("samenvatting": nl); undefined for words both use ("stop") and for
 *  messages that are no command. */
export function commandWordLanguage(text: string): Language | undefined {
  return keywordOf(text)?.keyword.language;
}
