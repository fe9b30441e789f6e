// "samenvatting [datum]": the Adaptive Card summary (bot/cards/summaryCard.ts) with a text fallback for clients
// that show no cards, and the meeting lookup by date. The key sentence per section is the card's
// (bot/cards/keySentence.ts), so the card and the text say the same.
import type { PendingItem } from '../pending/pendingItem';
import type { Language } from '../shared/language';
import { CardFactory, type Activity } from 'botbuilder';
import { keySentence } from '../cards/keySentence';
import { shorten } from '../shared/shorten';
import { summaryCard } from '../cards/summaryCard';
import { findFullDate, monthNumber, MONTH_PATTERN } from '../corpus/dates';
import { meetingLabel, type Meeting } from '../corpus/meeting';

const MAX_SENTENCE_CHARS = 300;

export function summaryText(meeting: Meeting, language: Language): string {
  const title = language === 'nl' ? `**Samenvatting ${meetingLabel(meeting, 'nl')}**` : `**Summary of ${meetingLabel(meeting, 'en')}**`;
  const lines = meeting.sections.map((s) => `- **${s.heading}**: ${shorten(keySentence(s), MAX_SENTENCE_CHARS)}`);
  return [title, lines.join('\n')].join('\n\n');
}

/** Markdown emphasis removed, for the activity summary (plain text by definition). */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*/g, '');
}

/**
 * A message carrying a card. Teams shows `text` above a card, so the fallback goes in `summary`: what clients
 * without cards show, and what Teams uses in notifications.
 */
export function cardMessage(card: object, fallback: string): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary: plainText(fallback) };
}

/** The summary card of a meeting as a message, with the text summary as fallback. */
export function summaryMessage(meeting: Meeting, language: Language, pending: PendingItem[] = []): Partial<Activity> {
  return cardMessage(summaryCard(meeting, { language, pending }), summaryText(meeting, language));
}

const MONTH_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{4})\\b`, 'i');
const ISO_MONTH = /\b(\d{4})-(\d{1,2})\b/;
const YEAR = /\b(19|20)\d{2}\b/;

/**
 * The meeting a "samenvatting" argument points at: none given means the latest; otherwise a full date,
 * a month ("februari 2020", "2020-02") or a year, taking the latest meeting that fits.
 * Undefined when nothing fits (or nothing is loaded).
 */
export function findMeeting(meetings: Meeting[], argument: string): Meeting | undefined {
  const byDate = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  const latest = (fits: (m: Meeting) => boolean) => byDate.filter(fits).pop();
  const arg = argument.trim();
  if (!arg) return byDate[byDate.length - 1];
  const full = findFullDate(arg);
  if (full) return latest((m) => m.date === full);
  const monthYear = MONTH_YEAR.exec(arg);
  if (monthYear) {
    const prefix = `${monthYear[2]}-${String(monthNumber(monthYear[1])).padStart(2, '0')}`;
    return latest((m) => m.date.startsWith(prefix));
  }
  const isoMonth = ISO_MONTH.exec(arg);
  if (isoMonth) return latest((m) => m.date.startsWith(`${isoMonth[1]}-${isoMonth[2].padStart(2, '0')}`));
  const year = YEAR.exec(arg);
  if (year) return latest((m) => m.date.startsWith(year[0]));
  return undefined;
}
