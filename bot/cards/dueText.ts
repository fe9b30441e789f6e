// How a pending item's moment reads on a card, and the order it sorts in. A date reads "uiterlijk februari 2021";
// a follow-up set for "een volgend LOVP" (no calendar date yet) reads "volgend LOVP (datum volgt)", one promised
// "binnenkort" reads so; nothing named: "geen datum". Chronological order: by the last day a due date covers, so
// "uiterlijk 2021" (the whole year) comes after "uiterlijk februari 2021"; then the next meeting, then soon, then
// no date.
import { findTimeExpressions, type TimeKind } from '../corpus/timeExpressions';
import { formatDate } from '../corpus/dates';
import { duePeriod } from '../pending/dueWindow';
import type { Language } from '../shared/language';

export interface DueFields {
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null or absent when no calendar moment is known. */
  due?: string | null;
  /** The words the due moment was read from ("volgend LOVP", "binnenkort"). */
  duePhrase?: string | null;
  /** The meeting the item is from (YYYY-MM-DD), for reading the phrase. */
  date?: string;
}

const WORDS = {
  nl: { due: (d: string) => `uiterlijk ${d}`, 'next-meeting': 'volgend LOVP (datum volgt)', soon: 'binnenkort', none: 'geen datum' },
  en: { due: (d: string) => `due ${d}`, 'next-meeting': 'next LOVP (date to follow)', soon: 'soon', none: 'no date' },
} as const;

/** What a phrase without a calendar moment names: the next meeting, soon, or neither. */
function undatedKind(item: DueFields): Extract<TimeKind, 'next-meeting' | 'soon'> | undefined {
  if (!item.duePhrase) return undefined;
  const kind = findTimeExpressions(item.duePhrase, item.date ?? '2000-01-01')[0]?.kind;
  return kind === 'next-meeting' || kind === 'soon' ? kind : undefined;
}

export function dueText(item: DueFields, language: Language): string {
  const words = WORDS[language];
  if (item.due) return words.due(formatDate(item.due, language));
  const kind = undatedKind(item);
  return kind ? words[kind] : words.none;
}

/** "minister · uiterlijk mei 2021"; an owner the moment names already ("LOVP", "volgend LOVP") is not repeated. */
export function withOwner(owner: string | null | undefined, when: string): string {
  return [owner && !when.includes(owner) ? owner : '', when].filter(Boolean).join(' · ');
}

/** A sort key: dated items by the last day they cover, then the next meeting, soon, and no date. */
function dueKey(item: DueFields): string {
  const period = item.due ? duePeriod(item.due) : undefined;
  if (period) return period.end;
  const kind = undatedKind(item);
  return kind === 'next-meeting' ? '~1' : kind === 'soon' ? '~2' : '~3';
}

/** Chronological, for Array.sort (stable: equal moments keep their report order). */
export function byDueMoment(a: DueFields, b: DueFields): number {
  const ka = dueKey(a);
  const kb = dueKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
