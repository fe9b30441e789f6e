// The timeline of a topic ("tijdlijn vuurwerk"): every meeting that discussed it, oldest first, each with its date,
// the section, one key sentence of what was said (shortened) and its citation, which opens the report page at that
// section when the entry is clicked (Action.OpenUrl); then the open follow-ups on the topic. Kept under Teams'
// message size limit by shortening the sentences, then listing fewer follow-ups, then fewer meetings (the newest
// stay, saying how many were left out).
import { formatDate, formatShortDay } from '../corpus/dates';
import { meetingLabel } from '../corpus/meeting';
import type { PendingItem } from '../pending/pendingItem';
import type { Language } from '../shared/language';
import { oneLine, shorten } from '../shared/shorten';
import { adaptiveCard, CARD_MAX_BYTES, cardBytes, textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { keySentence } from './keySentence';
import { itemFacts } from './pendingCard';

export interface TimelineEntry {
  date: string;
  section: string;
  /** What the search quoted of the section; the card shows its key sentence. */
  quote: string;
  /** The report page at this section (bot/teams/reportLinks.ts). */
  url?: string;
}

export interface TimelineCardOptions {
  language?: Language;
  /** Upper bound for the card JSON in bytes (default CARD_MAX_BYTES). */
  maxBytes?: number;
}

const LABELS = {
  nl: {
    kicker: 'Tijdlijn uit de bestuurlijke terugkoppelingen',
    meetings: (n: number, from: string, to: string) => `${n} ${n === 1 ? 'vergadering' : 'vergaderingen'}${n > 1 ? ` · ${from} – ${to}` : ` · ${from}`}`,
    earlier: (n: number) => `${n} eerdere ${n === 1 ? 'vergadering' : 'vergaderingen'} niet getoond.`,
    source: 'Bron',
    followUps: (n: number) => `Openstaande punten over dit onderwerp (${n})`,
    noFollowUps: 'Geen openstaande punten over dit onderwerp.',
    moreFollowUps: (n: number) => `… en nog ${n} ${n === 1 ? 'punt' : 'punten'} (typ openstaand voor de hele lijst).`,
  },
  en: {
    kicker: 'Timeline from the LOVP reports (quoted in Dutch)',
    meetings: (n: number, from: string, to: string) => `${n} meeting${n === 1 ? '' : 's'}${n > 1 ? ` · ${from} – ${to}` : ` · ${from}`}`,
    earlier: (n: number) => `${n} earlier meeting${n === 1 ? '' : 's'} not shown.`,
    source: 'Source',
    followUps: (n: number) => `Open follow-ups on this topic (${n})`,
    noFollowUps: 'No open follow-ups on this topic.',
    moreFollowUps: (n: number) => `… and ${n} more (type pending for the whole list).`,
  },
} as const;

const TOPIC_CHARS = 80;
const FOLLOW_UP_CHARS = 140;

interface Budget {
  sentenceChars: number;
  followUps: number;
  meetings: number;
}

const text = textBlock;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function timelineCard(topic: string, entries: TimelineEntry[], followUps: PendingItem[], options: TimelineCardOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? CARD_MAX_BYTES;
  const budgets: Budget[] = [];
  for (const sentenceChars of [200, 120, 60]) budgets.push({ sentenceChars, followUps: 10, meetings: entries.length });
  for (const followUps of [3, 0]) budgets.push({ sentenceChars: 60, followUps, meetings: entries.length });
  for (let meetings = entries.length - 1; meetings >= 1; meetings = Math.floor(meetings / 2)) budgets.push({ sentenceChars: 60, followUps: 0, meetings });
  let card = buildCard(topic, entries, followUps, options.language ?? 'nl', budgets[0]);
  for (const budget of budgets.slice(1)) {
    if (cardBytes(card) <= maxBytes) break;
    card = buildCard(topic, entries, followUps, options.language ?? 'nl', budget);
  }
  return card;
}

function entryElement(entry: TimelineEntry, language: Language, sentenceChars: number, first: boolean): CardElement {
  // The date column: "10 feb" over "2020".
  const [day, year] = [formatShortDay(entry.date, language), entry.date.slice(0, 4)];
  const t = LABELS[language];
  return {
    type: 'Container',
    separator: !first,
    spacing: 'Medium',
    ...(entry.url ? { selectAction: { type: 'Action.OpenUrl', title: meetingLabel(entry, language), url: entry.url } } : {}),
    items: [{
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: '70px', items: [text(day, { weight: 'Bolder', spacing: 'None' }), text(year, { isSubtle: true, size: 'Small', spacing: 'None' })] },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(entry.section, { weight: 'Bolder', spacing: 'None' }),
            text(`“${shorten(oneLine(keySentence({ text: entry.quote })), sentenceChars)}”`, { spacing: 'Small' }),
            text(`${t.source}: ${meetingLabel(entry, language)} – ${entry.section}${entry.url ? ' ↗' : ''}`, { size: 'Small', color: 'Accent', spacing: 'Small' }),
          ],
        },
      ],
    }],
  };
}

function buildCard(topic: string, entries: TimelineEntry[], followUps: PendingItem[], language: Language, budget: Budget): AdaptiveCard {
  const t = LABELS[language];
  const shown = entries.slice(entries.length - budget.meetings);
  const body: CardElement[] = [
    text(t.kicker, { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(capitalised(shorten(oneLine(topic), TOPIC_CHARS)), { size: 'Large', weight: 'Bolder', spacing: 'Small', style: 'heading' }),
  ];
  if (entries.length) {
    body.push(text(t.meetings(entries.length, formatDate(entries[0].date, language), formatDate(entries[entries.length - 1].date, language)), { isSubtle: true, spacing: 'Small' }));
  }
  if (shown.length < entries.length) body.push(text(t.earlier(entries.length - shown.length), { isSubtle: true, size: 'Small' }));
  shown.forEach((entry, i) => body.push(entryElement(entry, language, budget.sentenceChars, i === 0)));

  body.push(text(followUps.length ? t.followUps(followUps.length) : t.noFollowUps, { weight: followUps.length ? 'Bolder' : 'Default', isSubtle: !followUps.length, separator: true, spacing: 'Large' }));
  for (const item of followUps.slice(0, budget.followUps)) {
    body.push(text(`• ${shorten(oneLine(item.title ?? item.text), FOLLOW_UP_CHARS)}`, { spacing: 'Small' }));
    body.push(text(itemFacts(item, language), { isSubtle: true, size: 'Small', spacing: 'None' }));
  }
  if (followUps.length > budget.followUps) body.push(text(t.moreFollowUps(followUps.length - budget.followUps), { isSubtle: true, size: 'Small', spacing: 'Small' }));

  return adaptiveCard(timelineText(topic, entries, language), body, []);
}

/** The timeline as plain lines, for clients without cards and for notifications. */
export function timelineText(topic: string, entries: TimelineEntry[], language: Language): string {
  const head = `${language === 'nl' ? 'Tijdlijn' : 'Timeline'} ${shorten(oneLine(topic), TOPIC_CHARS)}`;
  return [head, ...entries.map((e) => `${formatDate(e.date, language)} – ${e.section}: ${shorten(oneLine(keySentence({ text: e.quote })), 200)}`)].join('\n');
}
