// Whether a sentence names a time after the meeting: the answer to a when-question ("komt terug in het LOVP van
// juni", "voor de zomer", "op 9 maart a.s."), not a time already past ("afgelopen juni", "in 2018", "jl.").
import { monthNumber, MONTH_PATTERN } from '../corpus/dutchDates';

const AHEAD_WORDS = /\b(?:a\.s\.|aanstaande|komend(?:e)?|volgend(?:e)?|eerstvolgend(?:e)?|binnenkort|op korte termijn|voor de zomer|na de zomer|na het zomerreces|in het najaar|in het voorjaar|later dit jaar|begin volgend jaar|eind dit jaar|uiterlijk|terugkomen|terug te komen|komt\s+(?:\S+\s+){0,4}terug|komen\s+(?:\S+\s+){0,4}terug|wordt geagendeerd|te agenderen|op de agenda)\b/i;
const PAST_WORDS = /\b(?:jl\.?|jongstleden|afgelopen|vorig(?:e)?|eerder|destijds|in het verleden)\b/i;
const MONTH_OR_YEAR = new RegExp(`\\b(?:(\\d{1,2})\\s+)?(${MONTH_PATTERN})\\b(?:\\s+(\\d{4}))?|\\b((?:19|20)\\d{2})\\b`, 'gi');

/** `meetingDate` (YYYY-MM-DD) places bare months and years before or after the meeting. */
export function pointsAhead(sentence: string, meetingDate?: string): boolean {
  if (AHEAD_WORDS.test(sentence)) return !PAST_WORDS.test(sentence) || /\b(?:komt|komen|zal|zullen)\b/i.test(sentence);
  if (PAST_WORDS.test(sentence) || !meetingDate) return false;
  const [year, month] = meetingDate.split('-').map(Number);
  for (const m of sentence.matchAll(MONTH_OR_YEAR)) {
    if (m[4]) {
      if (+m[4] > year) return true;
      continue;
    }
    const monthNo = monthNumber(m[2]);
    if (!monthNo) continue;
    const y = m[3] ? +m[3] : monthNo >= month ? year : year + 1;
    if (y > year || (y === year && monthNo >= month)) return true;
  }
  return false;
}
