// What became of each follow-up: a later meeting with a section on the same topic marks it 'discussed' there
// (the first such meeting, its best-matching section). That is shown, not treated as done: only a user closes
// an item ('done', kept in itemStore.ts).
import type { Meeting } from '../corpus/meeting';
import { extractAllPending } from './extractPending';
import type { PendingItem } from './pendingItem';
import { sameTopic, TermWeights, topicScore } from './topicMatch';

export function trackPending(items: PendingItem[], meetings: Meeting[]): PendingItem[] {
  const ordered = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  const weights = new TermWeights(ordered.flatMap((m) => m.sections.map((s) => `${s.heading} ${s.text}`)));
  return items.map((item) => {
    for (const meeting of ordered) {
      if (meeting.date <= item.date) continue;
      let best: { heading: string; rank: number } | undefined;
      for (const section of meeting.sections) {
        const score = topicScore(weights, item, section);
        if (!sameTopic(score)) continue;
        const rank = score.heading + score.text;
        if (!best || rank > best.rank) best = { heading: section.heading, rank };
      }
      if (best) return { ...item, status: item.status === 'done' ? 'done' : 'discussed', discussedOn: meeting.date, discussedIn: best.heading };
    }
    return item;
  });
}

/** Extracts the follow-ups of all meetings and tracks them through the later ones. */
export function pendingItems(meetings: Meeting[]): PendingItem[] {
  return trackPending(extractAllPending(meetings), meetings);
}
