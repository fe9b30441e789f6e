// Proactive reminders of pending items. On a cron schedule (croner, in the configured time zone; default
// weekdays 09:00 Europe/Amsterdam) each tick finds the items that are due soon (within REMINDER_DAYS_AHEAD days)
// or overdue, and sends every subscribed conversation the ones it has not been reminded of in that window.
// 'once per item per window per conversation' is kept in the shared Storage (reminderLedger.ts), so it holds
// across restarts and between instances. Sending is injected (the Teams wiring posts the card), and so is the
// clock, so tests run on a fake one.
import type { Language } from '../shared/language';
import { randomUUID } from 'node:crypto';
import type { ConversationReference, Storage } from 'botbuilder';
import { Cron } from 'croner';
import type { Config } from '../config';
import { addDays, duePeriod, duePhase, localDay, type DuePhase } from './dueWindow';
import { ItemStore } from './itemStore';
import { byDue, type PendingItem } from './pendingItem';
import { ReminderLedger } from './reminderLedger';

export interface ReminderItem extends PendingItem {
  /** Why it is in this reminder: due within the next days, or past its due date. */
  phase: DuePhase;
}

/** A subscribed conversation, as bot/teams/subscriptions.ts stores it (only these fields are used). */
export interface ReminderSubscription {
  conversationId: string;
  reference: Partial<ConversationReference>;
  language?: Language;
}

export interface SubscriptionSource {
  all(): Promise<ReminderSubscription[]>;
}

export type SendReminder = (reference: Partial<ConversationReference>, items: ReminderItem[], subscription: ReminderSubscription) => Promise<void>;

export interface ReminderOptions {
  /** Cron expression (5 or 6 fields). */
  cron: string;
  timeZone: string;
  /** Items due within this many days count as due soon. */
  daysAhead: number;
  /** Items overdue for longer than this are not reminded of any more (old reports stay quiet). */
  maxOverdueDays: number;
  /** See reminderLedger.ts. */
  settleMs: number;
  claimTimeoutMs: number;
}

export const DEFAULT_REMINDER_OPTIONS: ReminderOptions = {
  cron: '0 9 * * 1-5',
  timeZone: 'Europe/Amsterdam',
  daysAhead: 7,
  maxOverdueDays: 30,
  settleMs: 60_000,
  claimTimeoutMs: 10 * 60_000,
};

/** The reminder settings of the configuration (bot/config.ts), with the ledger's own timings. */
export function reminderOptionsFrom(config: Pick<Config, 'reminderCron' | 'reminderTimeZone' | 'reminderDaysAhead' | 'reminderMaxOverdueDays'>): ReminderOptions {
  return { ...DEFAULT_REMINDER_OPTIONS, cron: config.reminderCron, timeZone: config.reminderTimeZone, daysAhead: config.reminderDaysAhead, maxOverdueDays: config.reminderMaxOverdueDays };
}

function validate(options: ReminderOptions): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
  } catch {
    throw new Error(`REMINDER_TZ "${options.timeZone}" is not a time zone (e.g. Europe/Amsterdam)`);
  }
  try {
    new Cron(options.cron, { paused: true, timezone: options.timeZone }).stop();
  } catch (err) {
    throw new Error(`REMINDER_CRON "${options.cron}" is not a cron expression: ${(err as Error).message}`);
  }
}

/** The items a reminder on `today` is about, each with its window; done items and long-overdue ones left out. */
export function itemsToRemind(items: PendingItem[], today: string, options: Pick<ReminderOptions, 'daysAhead' | 'maxOverdueDays'>): ReminderItem[] {
  const result: ReminderItem[] = [];
  for (const item of items) {
    if (item.status === 'done' || item.date > today) continue;
    const phase = duePhase(item.due, today, options.daysAhead);
    if (!phase) continue;
    if (phase === 'overdue' && today > addDays(duePeriod(item.due!)!.end, options.maxOverdueDays)) continue;
    result.push({ ...item, phase });
  }
  return result.sort(byDue);
}

export interface ReminderDeps {
  storage: Storage;
  /** The current pending items (status from the reports; 'done' is applied here from the Storage). */
  items: () => PendingItem[] | Promise<PendingItem[]>;
  subscriptions: SubscriptionSource;
  send: SendReminder;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Distinguishes this instance's claims in the shared ledger. */
  instanceId?: string;
  log?: (message: string) => void;
}

export interface TickResult {
  /** What was sent, per conversation. */
  sent: { conversationId: string; itemIds: string[] }[];
  failed: { conversationId: string; error: string }[];
}

export class ReminderScheduler {
  readonly options: ReminderOptions;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly instanceId: string;
  private readonly log: (message: string) => void;
  private job?: Cron;
  private running?: Promise<TickResult>;

  constructor(
    private readonly deps: ReminderDeps,
    options: Partial<ReminderOptions> = {},
  ) {
    this.options = { ...DEFAULT_REMINDER_OPTIONS, ...options };
    validate(this.options);
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.instanceId = deps.instanceId ?? randomUUID();
    this.log = deps.log ?? ((m) => console.log(m));
  }

  /** Starts the cron job; a tick still running when the next is due is skipped, errors are logged. */
  start(): void {
    this.job ??= new Cron(this.options.cron, {
      timezone: this.options.timeZone,
      protect: true,
      unref: true,
    }, async () => {
      try {
        const result = await this.tick();
        if (result.sent.length || result.failed.length) {
          this.log(`reminders: sent to ${result.sent.length} conversation(s)${result.failed.map((f) => `; ${f.conversationId} failed: ${f.error}`).join('')}`);
        }
      } catch (err) {
        this.log(`reminders: tick failed: ${(err as Error)?.message ?? err}`);
      }
    });
  }

  stop(): void {
    this.job?.stop();
    this.job = undefined;
  }

  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** One round: every subscription gets the due and overdue items it was not reminded of in that window. */
  tick(): Promise<TickResult> {
    // One round at a time per instance (croner's protect covers the schedule; this covers direct calls).
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<TickResult> {
    const result: TickResult = { sent: [], failed: [] };
    const today = localDay(this.now(), this.options.timeZone);
    const items = await new ItemStore(this.deps.storage, this.now).withStatus(await this.deps.items());
    const due = itemsToRemind(items, today, this.options);
    if (due.length === 0) return result;
    const ledgers = new Map<ReminderSubscription, ReminderLedger>();
    let claimableFrom = 0;
    for (const subscription of await this.deps.subscriptions.all()) {
      const ledger = this.ledgerFor(subscription.conversationId);
      try {
        claimableFrom = Math.max(claimableFrom, await ledger.ensure());
        ledgers.set(subscription, ledger);
      } catch (err) {
        result.failed.push({ conversationId: subscription.conversationId, error: (err as Error)?.message ?? String(err) });
      }
    }
    // New ledgers: wait once for all of them to settle (see reminderLedger.ts).
    const wait = claimableFrom - this.now().getTime();
    if (wait > 0) await this.sleep(wait);
    for (const [subscription, ledger] of ledgers) {
      try {
        const itemIds = await this.remind(subscription, ledger, due);
        if (itemIds.length) result.sent.push({ conversationId: subscription.conversationId, itemIds });
      } catch (err) {
        // One conversation failing (bot removed, storage hiccup) does not stop the others.
        result.failed.push({ conversationId: subscription.conversationId, error: (err as Error)?.message ?? String(err) });
      }
    }
    return result;
  }

  private ledgerFor(conversationId: string): ReminderLedger {
    return new ReminderLedger(this.deps.storage, conversationId, {
      now: this.now,
      instanceId: this.instanceId,
      settleMs: this.options.settleMs,
      claimTimeoutMs: this.options.claimTimeoutMs,
    });
  }

  /** Claims, sends and records the reminders one conversation still needs; the ids sent. */
  private async remind(subscription: ReminderSubscription, ledger: ReminderLedger, due: ReminderItem[]): Promise<string[]> {
    const keyOf = (item: ReminderItem) => `${item.id}:${item.phase}`;
    const claimed = await ledger.claim(due.map(keyOf));
    if (claimed.length === 0) return [];
    const mine = due.filter((item) => claimed.includes(keyOf(item)));
    try {
      await this.deps.send(subscription.reference, mine, subscription);
    } catch (err) {
      await ledger.release(claimed).catch((releaseErr) => this.log(`reminders: could not release claims: ${(releaseErr as Error).message}`));
      throw err;
    }
    await ledger.markSent(claimed);
    return mine.map((item) => item.id);
  }
}
