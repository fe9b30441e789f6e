// The reply language follows the user's text. Very short texts ("?", a date) say little, so then the Teams
// client locale decides, and Dutch is the default: the bot serves Dutch public-safety staff.
import type { Language } from '../shared/language';
import { detectLanguage } from '../answer/detectLanguage';

/** 'en' for en-US/en-GB, 'nl' for nl-NL/nl-BE, undefined for anything else. */
export function localeLanguage(locale: string | undefined): Language | undefined {
  const code = (locale ?? '').trim().toLowerCase().slice(0, 2);
  return code === 'en' || code === 'nl' ? code : undefined;
}

/** Enough words for the detector to have something to go on. */
function hasWords(text: string, count: number): boolean {
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= count;
}

export function replyLanguage(text: string, locale?: string): Language {
  // The start of a long text is plenty to recognise its language.
  const sample = text.slice(0, 500);
  if (hasWords(sample, 2)) return detectLanguage(sample);
  return localeLanguage(locale) ?? 'nl';
}
