// Whether a sentence names a time after the meeting: the answer to a when-question ("komt terug in het LOVP van
// juni", "voor de zomer", "op 9 maart a.s."), never a time already past ("afgelopen juni", "in 2018", "jl.").
import { findTimeExpressions } from '../corpus/timeExpressions';

/** `meetingDate` (YYYY-MM-DD) places bare months and years before or after the meeting. */
export function pointsAhead(sentence: string, meetingDate?: string): boolean {
  if (!meetingDate) return false;
  return findTimeExpressions(sentence, meetingDate).some((t) => t.direction === 'future');
}
