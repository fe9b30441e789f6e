// Welcome message when the bot is installed: Teams sends conversationUpdate (membersAdded with the bot itself)
// and/or installationUpdate (action "add"). Often both arrive for one install, so a welcome already sent to the
// conversation in the last few minutes is not repeated.
import type { Activity, Storage } from 'botbuilder';

const WINDOW_MS = 10 * 60 * 1000;
const key = (conversationId: string) => `welcome/${encodeURIComponent(conversationId)}`;

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
  const k = key(conversationId);
  const items = await storage.read([k]);
  const last = Number(items[k]?.sentAt ?? 0);
  if (now - last < WINDOW_MS) return false;
  await storage.write({ [k]: { sentAt: now, eTag: '*' } });
  return true;
}
