// How the pending list is ordered for people: what is past its due date, what is due in the next 30 days, what
// is due later, and what has no date; undated items from long ago (a setting, default 12 months) apart, so old
// reports do not bury the current ones. A due date counts until the end of the period it names ("mei 2019": the
// 31st), the reading of the due convention in bot/corpus/timeExpressions.ts.
import { addDays, duePeriod } from './dueWindow';

export type DueGroup = 'overdue' | 'soon' | 'later' | 'undated';
export const DUE_GROUPS: readonly DueGroup[] = ['overdue', 'soon', 'later', 'undated'];

export interface GroupOptions {
  /** YYYY-MM-DD in the bot's time zone. */
  today: string;
  /** Due within this many days counts as soon (default 30). */
  soonDays?: number;
  /** Undated items of meetings more than this many months ago are older (default 12). */
  oldMonths?: number;
}

export type GroupedItems<T> = Record<DueGroup, T[]> & { older: T[] };

interface Dated {
  date: string;
  due?: string | null;
}

export const DEFAULT_SOON_DAYS = 30;
export const DEFAULT_OLD_MONTHS = 12;

export function dueGroupOf(due: string | null | undefined, today: string, soonDays = DEFAULT_SOON_DAYS): DueGroup {
  const period = due ? duePeriod(due) : undefined;
  if (!period) return 'undated';
  if (period.end < today) return 'overdue';
  return period.end <= addDays(today, soonDays) ? 'soon' : 'later';
}

/** The day `months` months before `day` (YYYY-MM-DD). */
export function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** The items in their groups: dated ones soonest first, undated ones newest meeting first. */
export function groupByDue<T extends Dated>(items: readonly T[], options: GroupOptions): GroupedItems<T> {
  const groups: GroupedItems<T> = { overdue: [], soon: [], later: [], undated: [], older: [] };
  const oldBefore = monthsBefore(options.today, options.oldMonths ?? DEFAULT_OLD_MONTHS);
  for (const item of items) {
    const group = dueGroupOf(item.due, options.today, options.soonDays);
    if (group === 'undated' && item.date < oldBefore) groups.older.push(item);
    else groups[group].push(item);
  }
  const byEnd = (a: T, b: T) => duePeriod(a.due!)!.end.localeCompare(duePeriod(b.due!)!.end) || a.date.localeCompare(b.date);
  const newestFirst = (a: T, b: T) => b.date.localeCompare(a.date);
  groups.overdue.sort(byEnd);
  groups.soon.sort(byEnd);
  groups.later.sort(byEnd);
  groups.undated.sort(newestFirst);
  groups.older.sort(newestFirst);
  return groups;
}
