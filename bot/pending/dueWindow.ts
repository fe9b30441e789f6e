// The calendar days a due date covers ('2021' the whole year, '2021-02' the month, '2021-02-08' the day),
// and where an item stands on a given day: not yet, due soon (from N days before the period until its end),
// or overdue (after it).

export interface DuePeriod {
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function duePeriod(due: string): DuePeriod | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due))) return { start: due, end: due };
  if ((m = /^(\d{4})-(\d{2})$/.exec(due))) {
    const last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
    return { start: `${due}-01`, end: `${due}-${pad(last)}` };
  }
  if ((m = /^(\d{4})$/.exec(due))) return { start: `${due}-01-01`, end: `${due}-12-31` };
  return undefined;
}

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone, e.g. Europe/Amsterdam. */
export function localDay(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export type DuePhase = 'due-soon' | 'overdue';

/** 'due-soon' from `daysAhead` days before the period until its last day, 'overdue' after it, else undefined. */
export function duePhase(due: string | null, today: string, daysAhead: number): DuePhase | undefined {
  const period = due ? duePeriod(due) : undefined;
  if (!period) return undefined;
  if (today > period.end) return 'overdue';
  if (today >= addDays(period.start, -daysAhead)) return 'due-soon';
  return undefined;
}
