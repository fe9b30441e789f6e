// The follow-ups on a topic, for its timeline ("tijdlijn vuurwerk"): an item belongs when it comes from a section
// the timeline lists (the search found that section about the topic, in whatever language the topic was typed)
// under a heading that names a topic (not "Tot slot", which gathers several), or when its own words hold every
// content word of the topic ("vuurwerk" in "verbod op knalvuurwerk", matched as the follow-up tracker matches
// topics, bot/pending/topicMatch.ts).
import { contentTerms, isGenericHeading, Topic } from './topicMatch';

interface TopicItem {
  date: string;
  section: string;
  text: string;
}

/** The items on the topic, in the order given. */
export function itemsOnTopic<T extends TopicItem>(items: readonly T[], topic: string, sections: readonly { date: string; section: string }[]): T[] {
  const listed = new Set(sections.map((s) => `${s.date}\n${s.section}`));
  const terms = [...contentTerms(topic)];
  return items.filter((item) => {
    if (listed.has(`${item.date}\n${item.section}`) && !isGenericHeading(item.section)) return true;
    if (terms.length === 0) return false;
    const words = new Topic(`${item.section} ${item.text}`);
    return terms.every((term) => words.holds(term));
  });
}
