// Starts the whole real bot in-process (bot/composeBot.ts: file storage, report library, watcher, broadcaster,
// reminders, HTTP server) on temp folders and a loopback port, and posts Teams-shaped activities to it. Proactive
// posts and replies go to a fake Bot Connector (test/helpers/teamsBot.ts) given as the activities' serviceUrl.
import type { Activity } from 'botbuilder';
import { composeBot, type ComposeOptions, type ComposedBot } from '../../bot/composeBot';
import type { FakeConnector } from './teamsBot';

export interface RunningComposedBot {
  bot: ComposedBot;
  url: string;
  /** Posts as Teams does (replies go to the connector); for an invoke the body is the invoke response. */
  post(activity: Partial<Activity>): Promise<{ status: number; body: any }>;
  /** Posts with deliveryMode expectReplies; the replies come back in the response. */
  ask(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  stop(): Promise<void>;
}

export const quietLogger = { log: () => undefined, warn: () => undefined, error: (...args: unknown[]) => console.error(...args) };

export interface StartComposedOptions extends Omit<ComposeOptions, 'env'> {
  dataDir: string;
  stateDir: string;
  env?: NodeJS.ProcessEnv;
  /** Sent with every post (e.g. an authorization header when the bot has app credentials). */
  headers?: () => Record<string, string>;
}

export async function startComposedBot(options: StartComposedOptions): Promise<RunningComposedBot> {
  const { dataDir, stateDir, env, headers, ...rest } = options;
  const bot = await composeBot({
    // Only what the test sets: a developer's .env or shell must not change the bot under test.
    env: { DATA_DIR: dataDir, STATE_DIR: stateDir, PORT: '0', ...env },
    logger: quietLogger,
    watch: { debounceMs: 50, rescanMs: 0 },
    scheduleReminders: false,
    ...rest,
  });
  const url = await bot.listen(0, '127.0.0.1');
  await bot.ready;
  const send = async (body: unknown) => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers?.() }, body: JSON.stringify(body) });
    const raw = await res.text();
    return { status: res.status, body: raw ? JSON.parse(raw) : undefined };
  };
  return {
    bot,
    url,
    post: send,
    async ask(activity) {
      const { status, body } = await send({ deliveryMode: 'expectReplies', ...activity });
      if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
      return body?.activities ?? [];
    },
    stop: () => bot.stop(),
  };
}

/** The adaptive cards the bot sent to the connector (proactive posts and replies), with where they went. */
export function cardsSent(connector: FakeConnector): (FakeConnector['received'][number] & { card: any })[] {
  return connector.received
    .filter((r) => Array.isArray(r.body?.attachments) && r.body.attachments[0]?.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((r) => ({ ...r, card: r.body.attachments[0].content }));
}

/** An Action.Execute invoke as Teams sends it when a button on the message `messageId` is clicked. */
export function actionInvoke(base: Partial<Activity>, verb: string, data: Record<string, unknown>, messageId = 'card-message-1'): Partial<Activity> {
  return { ...base, type: 'invoke', name: 'adaptiveCard/action', text: undefined, entities: undefined, replyToId: messageId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

/** Every Action.Execute of a card (action sets, card actions, show-cards, refresh). */
export function executeActions(card: unknown): { verb: string; title?: string; data: any }[] {
  const found: { verb: string; title?: string; data: any }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute') found.push({ verb: String(n.verb), title: n.title as string | undefined, data: n.data });
      Object.values(n).forEach(visit);
    }
  };
  visit(card);
  return found;
}

/** Item ids of the Done buttons of a card, in order. */
export const doneItemIds = (card: unknown): string[] => executeActions((card as any)?.body).filter((a) => a.verb === 'pendingDone').map((a) => a.data.itemId);
