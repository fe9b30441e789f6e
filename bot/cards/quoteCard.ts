// A quote from a report as a card anyone can drop into a chat (the compose-box search, bot/teams/messageExtension.ts):
// the section, the quote, its citation (meeting and section) and an "open report" button (Action.OpenUrl) to the
// report page at that section. Also the preview the search lists: meeting, section and the quote's first sentence.
import { splitSentences } from '../answer/sentences';
import { meetingLabel } from '../corpus/meeting';
import type { Language } from '../shared/language';
import { oneLine, shorten } from '../shared/shorten';
import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptiveCard';

export interface CardQuote {
  date: string;
  section: string;
  quote: string;
  /** The report page at this section (bot/teams/reportLinks.ts). */
  url?: string;
}

const LABELS = {
  nl: { kicker: 'Uit de bestuurlijke terugkoppelingen van het LOVP', source: 'Bron', open: 'Open het verslag' },
  en: { kicker: 'From the LOVP reports (quoted in Dutch)', source: 'Source', open: 'Open the report' },
} as const;

const MAX_QUOTE_CHARS = 600;
const PREVIEW_CHARS = 160;

export function quoteCard(quote: CardQuote, language: Language = 'nl'): AdaptiveCard {
  const t = LABELS[language];
  const source = `${meetingLabel(quote, language)} – ${quote.section}`;
  return adaptiveCard(`“${oneLine(quote.quote)}” (${source})`, [
    textBlock(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    textBlock(quote.section, { weight: 'Bolder', size: 'Medium', spacing: 'Small' }),
    textBlock(`“${shorten(oneLine(quote.quote), MAX_QUOTE_CHARS)}”`, { spacing: 'Small' }),
    textBlock(`${t.source}: ${source}`, { size: 'Small', isSubtle: true, spacing: 'Small' }),
  ], quote.url ? [{ type: 'Action.OpenUrl', title: t.open, url: quote.url }] : []);
}

/** What the search list shows of a result: section as title, meeting as subtitle, the quote's first sentence. */
export function quotePreview(quote: CardQuote, language: Language = 'nl'): { title: string; subtitle: string; text: string } {
  const first = splitSentences(oneLine(quote.quote))[0] ?? '';
  return { title: quote.section, subtitle: meetingLabel(quote, language), text: shorten(first, PREVIEW_CHARS) };
}
