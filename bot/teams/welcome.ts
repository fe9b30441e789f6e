// Welcome message when the bot is installed: Teams sends conversationUpdate (membersAdded with the bot itself)
// and/or installationUpdate (action "add"). Often both arrive for one install, so a welcome already sent to the
// conversation in the last few minutes is not repeated. Those few minutes are all that is remembered.
import type { Activity, Storage, StoreItem } from 'botbuilder';

const WINDOW_MS = 10 * 60 * 1000;
/** One record of the welcomes of the last WINDOW_MS, not one key per conversation for ever. */
const KEY = 'welcome/recent';
/** Far more installs than ten minutes ever see; past this the oldest are dropped. */
const MAX_REMEMBERED = 1000;
const RETRIES = 10;

interface RecentWelcomes extends StoreItem {
  sentAt: Record<string, number>;
}

export function botWasAdded(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'add';
  if (activity.type !== 'conversationUpdate') return false;
  const botId = activity.recipient?.id;
  return !!botId && (activity.membersAdded ?? []).some((m) => m?.id === botId);
}

/** Claims of one process run one at a time per storage: Teams sends both activities of an install at once. */
const claimQueues = new WeakMap<Storage, Promise<unknown>>();

/** True when this conversation should get the welcome now; records that it did. */
export function claimWelcome(storage: Storage, conversationId: string, now = Date.now()): Promise<boolean> {
  const run = (claimQueues.get(storage) ?? Promise.resolve()).catch(() => undefined).then(() => claimNow(storage, conversationId, now));
  claimQueues.set(storage, run);
  return run;
}

async function claimNow(storage: Storage, conversationId: string, now: number): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const doc = (await storage.read([KEY]))[KEY] as RecentWelcomes | undefined;
    const recent = Object.entries(doc?.sentAt ?? {}).filter(([, at]) => typeof at === 'number' && now - at < WINDOW_MS);
    if (recent.some(([id]) => id === conversationId)) return false;
    const sentAt = Object.fromEntries([...recent.sort((a, b) => a[1] - b[1]).slice(-(MAX_REMEMBERED - 1)), [conversationId, now]]);
    try {
      // Another instance welcoming at the same moment makes this a conflict: read again.
      await storage.write({ [KEY]: { sentAt, eTag: doc?.eTag ?? '*' } });
      return true;
    } catch (err) {
      if (attempt >= RETRIES) throw err;
    }
  }
}
