// The reply language follows the user's words, also a single one ("vuurwerk": Dutch, "fireworks": English). A text
// whose words show no language ("?", a date, "budget") is answered in the conversation's last language
// (languageMemory.ts hands it in as the locale), else the Teams client locale, and Dutch is the default: the bot
// serves Dutch public-safety staff.
import type { Language } from '../shared/language';
import { evidentLanguage } from '../answer/detectLanguage';

/** 'en' for en-US/en-GB, 'nl' for nl-NL/nl-BE, undefined for anything else. */
export function localeLanguage(locale: string | undefined): Language | undefined {
  const code = (locale ?? '').trim().toLowerCase().slice(0, 2);
  return code === 'en' || code === 'nl' ? code : undefined;
}

/** The language the text's words show; the start of a long text is plenty to recognise it. */
export function wordsLanguage(text: string): Language | undefined {
  return evidentLanguage(text.slice(0, 500));
}

export function replyLanguage(text: string, locale?: string): Language {
  return wordsLanguage(text) ?? localeLanguage(locale) ?? 'nl';
}
