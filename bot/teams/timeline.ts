// "tijdlijn vuurwerk" / "timeline fireworks": the meetings the knowledge base finds about the topic (oldest first,
// one section each, KnowledgeSource.timeline), drawn as a card (bot/cards/timelineCard.ts) with a link to the report
// page per meeting, and the open follow-ups on the topic (bot/pending/itemsOnTopic.ts).
import type { Activity } from 'botbuilder';
import { timelineCard, timelineText } from '../cards/timelineCard';
import { itemsOnTopic } from '../pending/itemsOnTopic';
import type { AnswerUrl } from './citations';
import type { KnowledgeSource } from '../answer/knowledgeSource';
import { TEXT } from './messages';
import type { PendingSource } from '../pending/pendingSource';
import type { Language } from '../shared/language';
import { cardMessage } from './summaryText';

const text = (value: string): Partial<Activity> => ({ type: 'message', textFormat: 'markdown', text: value });

export async function timelineReply(kb: KnowledgeSource, pending: PendingSource, topic: string, language: Language, urlOf: AnswerUrl): Promise<Partial<Activity>> {
  if (!topic) return text(TEXT.timelineWithoutTopic(language));
  if (kb.loading) return text(TEXT.loading(language));
  const answers = kb.timeline ? (await kb.timeline(topic)).answers : [];
  if (answers.length === 0) return text(TEXT.noTimeline(language, topic));
  const entries = answers.map((a) => ({ date: a.date, section: a.section, quote: a.quote, url: urlOf(a) }));
  const followUps = itemsOnTopic(await pending.openItems(), topic, answers);
  return cardMessage(timelineCard(topic, entries, followUps, { language }), timelineText(topic, entries, language));
}
