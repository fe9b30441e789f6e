// In group chats and channels the question arrives as "<at>LOVP</at> wat is er afgesproken ...". The bot's own
// mention is removed; other people's mentions keep their name without the <at> tags, because the name may be
// part of the question ("wat zei <at>Jan</at> over ..."). Teams can also send &nbsp; and friends.
// This runs on every message before its length is checked, so it is linear in the text: tags are found with
// indexOf, not with a regular expression (`<at[^>]*>` re-scanned the rest of the text at every "<at ").
import type { Activity, Mention } from 'botbuilder';
import { oneLine } from '../shared/shorten';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
/** More distinct mention texts of the bot than this in one message are not looked for. */
const MAX_BOT_MENTIONS = 10;

function decodeEntities(text: string): string {
  return text.replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()]);
}

function mentions(activity: Partial<Activity>): Mention[] {
  const entities = Array.isArray(activity.entities) ? activity.entities : [];
  return entities.filter((e): e is Mention => !!e && typeof e === 'object' && e.type === 'mention') as Mention[];
}

/** Every `<at ...>inner</at>` replaced by `replace(inner)`; one pass over the text. */
export function replaceAtTags(text: string, replace: (inner: string) => string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<at', from);
    if (open < 0) break;
    const close = text.indexOf('>', open + 3);
    // No '>' (or no '</at>') after this point means no later tag can be complete either.
    if (close < 0) break;
    const end = lower.indexOf('</at>', close + 1);
    if (end < 0) break;
    out += text.slice(from, open) + replace(text.slice(close + 1, end));
    from = end + '</at>'.length;
  }
  return out + text.slice(from);
}

/** The user's text with the bot's @mention removed, other mentions reduced to the name, whitespace collapsed. */
export function stripMentions(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const botName = typeof activity.recipient?.name === 'string' ? activity.recipient.name.trim().toLowerCase() : '';
  const botMentions = new Set<string>();
  for (const mention of mentions(activity)) {
    if (botMentions.size >= MAX_BOT_MENTIONS) break;
    if (!!botId && mention.mentioned?.id === botId && typeof mention.text === 'string' && mention.text) botMentions.add(mention.text);
  }
  for (const mentionText of botMentions) text = text.split(mentionText).join(' ');
  // Some clients send the tag without a matching entity; the bot's name alone is enough to recognise it.
  text = replaceAtTags(text, (inner) => (botName && inner.trim().toLowerCase() === botName ? ' ' : inner));
  return oneLine(decodeEntities(text));
}
