// Search from the compose box (a search-based message extension, command SEARCH_COMMAND in the manifest's
// composeExtensions): typing a topic lists the matching sections, best first, each previewed by its meeting, section
// and the first sentence of its quote; picking one inserts a card with the quote, its citation and an "open report"
// button (bot/cards/quoteCard.ts). An empty box (Teams' initial run) lists the sections of the latest meeting.
// Each result carries the whole card, and its preview a tap value naming the quote's place in its report, so Teams'
// selectItem invoke gets the card rebuilt from the current report (the Agents Playground inserts the card as it is).
import type { Application } from '@microsoft/teams-ai';
import { CardFactory, type Activity, type MessagingExtensionAttachment, type MessagingExtensionResult } from 'botbuilder';
import { GAP } from '../answer/pickQuote';
import { splitSentences } from '../answer/sentences';
import { keySentence } from '../cards/keySentence';
import { quoteCard, quotePreview, type CardQuote } from '../cards/quoteCard';
import type { Meeting } from '../corpus/meeting';
import type { KnowledgeSource } from '../answer/knowledgeSource';
import type { Language } from '../shared/language';
import { TEXT } from './messages';
import { locateQuote, parseSentenceRanges, reportUrl, sentenceRanges, type QuoteLocation } from './reportLinks';
import { localeLanguage, replyLanguage } from './replyLanguage';

export const SEARCH_COMMAND = 'searchReports';
export const TOPIC_PARAMETER = 'topic';
/** At most this many results per search (Teams asks for 25). */
const MAX_RESULTS = 25;

export interface SearchDependencies {
  knowledge: () => KnowledgeSource;
  /** Base URL of the report pages; undefined: the cards carry no "open report" button. */
  publicUrl: () => string | undefined;
  maxQuestionChars: number;
}

/** What a result's preview carries to selectItem: the quote's place in its report. */
interface SelectedItem {
  date?: unknown;
  section?: unknown;
  sentences?: unknown;
  lang?: unknown;
}

const message = (text: string): MessagingExtensionResult => ({ type: 'message', text });

/**
 * A message that only shares a card picked from the search (sent in the chat with the bot, it reaches the bot too):
 * an Adaptive Card and no words beside the client's placeholder markup. It asks nothing, so it gets no answer.
 */
export function isSharedCard(activity: Partial<Activity>): boolean {
  const cards = (activity.attachments ?? []).some((a) => a?.contentType === CardFactory.contentTypes.adaptiveCard);
  return cards && String(activity.text ?? '').replace(/<[^>]*>/g, '').trim() === '';
}

export function registerMessageExtension(app: Application, deps: SearchDependencies): void {
  const cardFor = (meetings: readonly Meeting[], location: QuoteLocation, quote: string, language: Language): CardQuote => {
    const meeting = meetings.find((m) => m.date === location.date)!;
    const base = deps.publicUrl();
    return { date: meeting.date, section: meeting.sections[location.section].heading, quote, url: base ? reportUrl(base, meeting, location, language) : undefined };
  };

  const result = (quote: CardQuote, location: QuoteLocation, language: Language): MessagingExtensionAttachment => {
    const preview = quotePreview(quote, language);
    const tap = { type: 'invoke', title: preview.title, value: { date: location.date, section: location.section, sentences: sentenceRanges(location.sentences), lang: language } };
    return {
      ...CardFactory.adaptiveCard(quoteCard(quote, language)),
      preview: CardFactory.thumbnailCard(preview.title, preview.text, undefined, undefined, { subtitle: preview.subtitle, tap }),
    };
  };

  app.messageExtensions.query(SEARCH_COMMAND, async (context, _state, query) => {
    const raw = query.parameters?.[TOPIC_PARAMETER];
    const topic = (typeof raw === 'string' ? raw : '').slice(0, deps.maxQuestionChars).trim();
    const language = replyLanguage(topic, context.activity.locale);
    const kb = deps.knowledge();
    if (kb.loading) return message(TEXT.loading(language));
    const count = Math.min(MAX_RESULTS, Math.max(1, Number(query.count) || MAX_RESULTS));
    const quotes = topic
      ? (await kb.ask(topic)).answers
      : (kb.meetings.at(-1)?.sections ?? []).map((s) => ({ date: kb.meetings.at(-1)!.date, section: s.heading, quote: keySentence(s) }));
    const attachments = quotes.slice(0, count).flatMap((q) => {
      const location = locateQuote(kb.meetings, q);
      return location ? [result(cardFor(kb.meetings, location, q.quote, language), location, language)] : [];
    });
    return { type: 'result', attachmentLayout: 'list', attachments };
  });

  app.messageExtensions.selectItem<SelectedItem>(async (context, _state, item) => {
    const language: Language = item?.lang === 'en' || item?.lang === 'nl' ? item.lang : localeLanguage(context.activity.locale) ?? 'nl';
    const meetings = deps.knowledge().meetings;
    const meeting = typeof item?.date === 'string' ? meetings.find((m) => m.date === item.date) : undefined;
    const section = Number.isInteger(item?.section) ? meeting?.sections[item!.section as number] : undefined;
    const numbers = parseSentenceRanges(typeof item?.sentences === 'string' ? item.sentences : null);
    const sentences = section ? splitSentences(section.text) : [];
    if (!meeting || !section || numbers.length === 0 || numbers.some((n) => n >= sentences.length)) return message(TEXT.unknownQuote(language));
    // The quote again from the report as it is now, gaps marked as the answers mark them.
    const quote = numbers.map((n, i) => (i > 0 && n !== numbers[i - 1] + 1 ? GAP : i > 0 ? ' ' : '') + sentences[n]).join('');
    const location = { date: meeting.date, section: item.section as number, sentences: numbers };
    const card = quoteCard(cardFor(meetings, location, quote, language), language);
    return { type: 'result', attachmentLayout: 'list', attachments: [CardFactory.adaptiveCard(card)] };
  });
}
