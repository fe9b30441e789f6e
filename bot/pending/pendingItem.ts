// A follow-up from a report: something promised for later, with who acts, when, and what became of it.
import { createHash } from 'node:crypto';
import { duePeriod } from './dueWindow';

export type PendingStatus = 'open' | 'discussed' | 'done';

export interface PendingItem {
  /** Stable across restarts and re-parsing: a hash of meeting date, section heading and text. */
  id: string;
  /** Date of the meeting that agreed the follow-up, YYYY-MM-DD. */
  date: string;
  section: string;
  /** Its name in its own words: the follow-up sentence, without the context sentence of `text` (absent: use text). */
  title?: string;
  /** The sentence that says it, with the neighbour sentence it needs to be understood. */
  text: string;
  owner: string | null;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when the report names no moment. */
  due: string | null;
  /** The words the due date was read from ("eind mei", "volgend LOVP"). */
  duePhrase?: string;
  status: PendingStatus;
  /** Set when a later meeting talked about the topic again ('discussed'). */
  discussedOn?: string;
  discussedIn?: string;
  /** The sentence of that meeting's section that says most about the item. */
  discussedQuote?: string;
  /** Set when a user marked the item done. */
  doneAt?: string;
  doneBy?: string;
}

export function pendingItemId(date: string, section: string, text: string): string {
  return createHash('sha256').update(`${date}\n${section}\n${text}`).digest('hex').slice(0, 16);
}

/** Items by the last day their due date covers ("2021" after "2021-02"; undated last), then by meeting date. */
export function byDue(a: PendingItem, b: PendingItem): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return (duePeriod(a.due)?.end ?? a.due).localeCompare(duePeriod(b.due)?.end ?? b.due) || a.due.localeCompare(b.due);
  }
  return a.date.localeCompare(b.date) || a.section.localeCompare(b.section);
}
