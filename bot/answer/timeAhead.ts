// How well a sentence answers a when-question: it names a time after the meeting ("in april", "voor de zomer",
// "op 9 maart a.s."), best a calendar moment, less "het volgende LOVP", least "binnenkort"; never a time already
// past ("afgelopen juni", "in 2018", "jl.").
import { findTimeExpressions } from '../corpus/timeExpressions';

const STRENGTH = { calendar: 1, 'next-meeting': 0.8, soon: 0.4 } as const;

/** 0 when the sentence names no time ahead of the meeting (YYYY-MM-DD); up to 1 for a calendar moment. */
export function aheadStrength(sentence: string, meetingDate?: string): number {
  if (!meetingDate) return 0;
  let best = 0;
  for (const t of findTimeExpressions(sentence, meetingDate)) {
    if (t.direction !== 'future') continue;
    best = Math.max(best, t.kind === 'soon' || t.kind === 'next-meeting' ? STRENGTH[t.kind] : STRENGTH.calendar);
  }
  return best;
}
