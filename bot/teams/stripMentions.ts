// In group chats and channels the question arrives as "<at>LOVP</at> wat is er afgesproken ...". The bot's own
// mention is removed; other people's mentions keep their name without the <at> tags, because the name may be
// part of the question ("wat zei <at>Jan</at> over ..."). Teams can also send &nbsp; and friends.
import type { Activity, Mention } from 'botbuilder';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()]);
}

function mentions(activity: Partial<Activity>): Mention[] {
  const entities = Array.isArray(activity.entities) ? activity.entities : [];
  return entities.filter((e): e is Mention => !!e && typeof e === 'object' && e.type === 'mention') as Mention[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The user's text with the bot's @mention removed, other mentions reduced to the name, whitespace collapsed. */
export function stripMentions(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const botName = activity.recipient?.name;
  for (const mention of mentions(activity)) {
    const isBot = !!botId && mention.mentioned?.id === botId;
    if (isBot && typeof mention.text === 'string' && mention.text) {
      text = text.split(mention.text).join(' ');
    }
  }
  // Some clients send the tag without a matching entity; the bot's name alone is enough to recognise it.
  if (botName) text = text.replace(new RegExp(`<at[^>]*>\\s*${escapeRegExp(botName)}\\s*</at>`, 'gi'), ' ');
  text = text.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}
