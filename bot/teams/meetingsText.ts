// "vergaderingen"/"meetings": every loaded meeting with its date and number of sections, newest first.
import type { Language } from '../shared/language';
import { meetingLabel, type Meeting } from '../corpus/meeting';
import { TEXT } from './messages';

export function meetingsText(meetings: Meeting[], language: Language): string {
  if (meetings.length === 0) return TEXT.noMeetings(language);
  const newestFirst = [...meetings].sort((a, b) => b.date.localeCompare(a.date));
  const lines = newestFirst.map((m) => `- **${meetingLabel(m, language)}** – ${TEXT.topics(language, m.sections.length)}`);
  return [TEXT.meetingsHeader(language, meetings.length), lines.join('\n')].join('\n\n');
}
