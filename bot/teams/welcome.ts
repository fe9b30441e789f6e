// Welcome message when the bot is installed: Teams sends conversationUpdate (membersAdded with the bot itself)
// and/or installationUpdate (action "add"). Often both arrive for one install, so a welcome already sent to the
// conversation in the last few minutes is not repeated. Those few minutes are all that is remembered.
import type { Activity, Storage } from 'botbuilder';
import { queueFor } from '../shared/serialQueue';
import { updateRecord } from '../state/updateRecord';

const WINDOW_MS = 10 * 60 * 1000;
/** One record of the welcomes of the last WINDOW_MS, not one key per conversation for ever. */
const KEY = 'welcome/recent';
/** Far more installs than ten minutes ever see; past this the oldest are dropped. */
const MAX_REMEMBERED = 1000;
interface RecentWelcomes {
  sentAt: Record<string, number>;
}

export function botWasAdded(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'add';
  if (activity.type !== 'conversationUpdate') return false;
  const botId = activity.recipient?.id;
  return !!botId && (activity.membersAdded ?? []).some((m) => m?.id === botId);
}

/**
 * True when this conversation should get the welcome now; records that it did. Claims of one process run one at
 * a time per storage (Teams sends both activities of an install at once); another instance welcoming at the same
 * moment is an eTag conflict, and the claim is made again on what it wrote.
 */
export function claimWelcome(storage: Storage, conversationId: string, now = Date.now()): Promise<boolean> {
  return queueFor(storage).run(() => updateRecord<RecentWelcomes>(storage, KEY, (doc) => {
    const recent = Object.entries(doc?.sentAt ?? {}).filter(([, at]) => typeof at === 'number' && now - at < WINDOW_MS);
    if (recent.some(([id]) => id === conversationId)) return undefined;
    return { sentAt: Object.fromEntries([...recent.sort((a, b) => a[1] - b[1]).slice(-(MAX_REMEMBERED - 1)), [conversationId, now]]) };
  }));
}
