// Posts the summary card of each new report as a new post in every subscribed conversation: a new thread in
// a channel, a message in a personal or group chat. A ledger in Storage records which report versions (by
// content hash) were announced and to which conversations, so a restart never announces twice, and two bot
// instances sharing the storage claim each report with an eTag write so only one of them posts it.
//
// The first time the bot runs against an empty ledger, the reports already there are recorded without
// posting (nobody wants five old summaries on install). After that, every report version not in the ledger
// is announced: a new meeting, a changed version of one (marked as updated), or a report that arrived while
// the bot was down.
//
// Storage has no create-if-absent, so that first baseline write is unconditional; two instances starting for
// the very first time both write the same baseline, which is harmless. Every later change uses the eTag.
//
// Several new versions in one round (BURST_MIN or more: a folder copied in, a backlog) are one card per
// conversation listing the meetings, not one card each. A post that fails is recorded as failed and tried again
// after the lease, at most maxAttempts times. The ledger stays bounded: per conversation records are dropped
// once a report is announced, and reports that left the library are forgotten after a week.
import type { PendingItem } from '../pending/pendingItem';
import type { Language } from '../shared/language';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { ConversationReference, Storage } from 'botbuilder';
import { newReportsCard } from '../cards/newReportsCard';
import { type AdaptiveCard } from '../cards/adaptiveCard';
import { summaryCard } from '../cards/summaryCard';
import type { Meeting } from '../corpus/meeting';
import type { LibraryEntry, ReportLibrary } from '../ingest/reportLibrary';
import { readRecord, updateRecord } from '../state/updateRecord';
import { ANNOUNCEMENTS_KEY } from '../state/keys';
import type { Subscription } from './subscriptions';
import { SerialQueue } from '../shared/serialQueue';

export type PostCard = (reference: Partial<ConversationReference>, card: AdaptiveCard, subscription: Subscription) => Promise<void>;

export interface BroadcastDependencies {
  storage: Storage;
  subscriptions: { all(): Promise<Subscription[]> };
  postCard: PostCard;
  /** Pending items of a meeting for the card (bot/pending); none when absent. */
  pendingFor?: (meeting: Meeting) => PendingItem[] | Promise<PendingItem[]>;
  now?: () => Date;
  /** A claim older than this (instance died mid-broadcast) may be taken over (default 5 minutes). */
  leaseMs?: number;
  /** A conversation that failed this many times is given up for that report (default 3). */
  maxAttempts?: number;
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
}

interface Delivery {
  at?: string;
  attempts: number;
  error?: string;
}

interface ReportRecord {
  date: string;
  file: string;
  recordedAt: string;
  /** baseline: there before the first run, never posted. */
  state: 'baseline' | 'sending' | 'sent';
  claimedBy?: string;
  claimedAt?: string;
  deliveries: Record<string, Delivery>;
}

interface Ledger {
  reports: Record<string, ReportRecord>;
}

const isLedger = (item: object) => typeof (item as Partial<Ledger>).reports === 'object' && (item as Partial<Ledger>).reports !== null;

interface Claimed {
  entry: LibraryEntry;
  updated: boolean;
}

/** From this many new report versions in one round, each conversation gets one card listing them. */
export const BURST_MIN = 3;
/** A report that left the library is forgotten this long after it was first recorded. */
const FORGET_REMOVED_AFTER_MS = 7 * 24 * 60 * 60_000;

export interface Announcement {
  hash: string;
  date: string;
  updated: boolean;
  posted: string[];
  failed: string[];
}

export interface BroadcastResult {
  /** True when this run only recorded the existing reports (first run). */
  baseline: boolean;
  announcements: Announcement[];
}

/** Where a card for this subscription goes: a channel itself (a new post), never a thread in it. */
export function broadcastReference(subscription: Subscription): Partial<ConversationReference> {
  const reference = { ...subscription.reference };
  if (reference.conversation && (subscription.scope === 'channel' || reference.conversation.conversationType === 'channel')) {
    reference.conversation = { ...reference.conversation, id: reference.conversation.id.replace(/;messageid=[^;]*/i, '') };
  }
  delete reference.activityId;
  return reference;
}

export class SummaryBroadcaster {
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly deps: Required<Omit<BroadcastDependencies, 'pendingFor'>> & Pick<BroadcastDependencies, 'pendingFor'>;
  private readonly queue = new SerialQueue();

  constructor(deps: BroadcastDependencies) {
    this.deps = { now: () => new Date(), leaseMs: 5 * 60_000, maxAttempts: 3, logger: console, ...deps };
  }

  /**
   * Announces the library's new report versions now and after every change. Resolves after the first
   * announcement round, with a function that stops listening.
   */
  async attach(library: ReportLibrary, options: { retryMs?: number } = {}): Promise<() => void> {
    const run = () => this.sync(library.entries()).then(() => undefined, (err) => this.deps.logger.error('[lovp-bot] broadcasting summaries failed:', err));
    // Scan first: a first sync on a library that has not read its folder yet would record an empty baseline
    // and then announce every existing report.
    await library.scan();
    const unsubscribe = library.onChange(() => void run());
    // Retries conversations that failed, and takes over broadcasts of an instance that died mid-way.
    const retry = setInterval(() => void run(), options.retryMs ?? this.deps.leaseMs);
    retry.unref();
    await run();
    return () => {
      unsubscribe();
      clearInterval(retry);
    };
  }

  /** Announces every entry not announced before (see the file comment). Runs one at a time per instance. */
  sync(entries: LibraryEntry[]): Promise<BroadcastResult> {
    return this.queue.run(() => this.syncNow(entries));
  }

  /** Resolves when every sync started so far has finished (for tests and shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async syncNow(entries: LibraryEntry[]): Promise<BroadcastResult> {
    const existing = await this.readLedger();
    if (!existing) {
      await this.recordBaseline(entries);
      return { baseline: true, announcements: [] };
    }
    const claimed: Claimed[] = [];
    for (const entry of entries) {
      // Most reports were announced long ago: skip them without a storage round trip each.
      const known = existing.reports[entry.hash];
      if (known && known.state !== 'sending') continue;
      const claim = await this.claim(entry);
      if (claim) claimed.push({ entry, updated: claim.updated });
    }
    // A burst (a folder copied in, a backlog after downtime) is one card per conversation, listing the meetings.
    const rounds = claimed.length >= BURST_MIN ? [claimed] : claimed.map((c) => [c]);
    const announcements: Announcement[] = [];
    for (const round of rounds) announcements.push(...(await this.deliver(round)));
    await this.prune(entries);
    return { baseline: false, announcements };
  }

  /**
   * Keeps the ledger bounded: a report no longer in the library is forgotten a while after it was recorded
   * (another instance may not have seen it yet), a finished report keeps no record per conversation, and a
   * running one none for conversations no longer subscribed.
   */
  private async prune(entries: LibraryEntry[]): Promise<void> {
    const current = new Set(entries.map((e) => e.hash));
    const subscribed = new Set((await this.deps.subscriptions.all()).map((s) => s.conversationId));
    const now = this.deps.now().getTime();
    await this.updateLedger((ledger) => {
      let changed = false;
      for (const [hash, record] of Object.entries(ledger.reports)) {
        if (record.state !== 'sending' && !current.has(hash) && now - Date.parse(record.recordedAt) > FORGET_REMOVED_AFTER_MS) {
          delete ledger.reports[hash];
          changed = true;
          continue;
        }
        for (const id of Object.keys(record.deliveries ?? {})) {
          if (record.state === 'sending' && subscribed.has(id)) continue;
          delete record.deliveries[id];
          changed = true;
        }
      }
      return changed;
    });
  }

  private async readLedger(): Promise<Ledger | undefined> {
    return (await readRecord<Ledger>(this.deps.storage, ANNOUNCEMENTS_KEY, isLedger))?.record;
  }

  /** Read, change, write with the eTag (bot/state/updateRecord.ts). `change` edits the ledger and returns false to write nothing. */
  private updateLedger(change: (ledger: Ledger) => boolean): Promise<boolean> {
    // A ledger that does not exist yet is created unconditionally (Storage has no create-if-absent).
    return updateRecord<Ledger>(this.deps.storage, ANNOUNCEMENTS_KEY, (current) => {
      const ledger = current ?? { reports: {} };
      return change(ledger) ? ledger : undefined;
    }, { valid: isLedger });
  }

  private async recordBaseline(entries: LibraryEntry[]): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.updateLedger((ledger) => {
      for (const e of entries) ledger.reports[e.hash] ??= { date: e.meeting.date, file: e.file, recordedAt: at, state: 'baseline', deliveries: {} };
      return true;
    });
    this.deps.logger.log(`[lovp-bot] summaries: ${entries.length} existing reports recorded; new reports will be announced`);
  }

  /** Takes the report for this instance, or undefined when it is announced or another live instance has it. */
  private async claim(entry: LibraryEntry): Promise<{ updated: boolean } | undefined> {
    const now = this.deps.now();
    let updated = false;
    const won = await this.updateLedger((ledger) => {
      const record = ledger.reports[entry.hash];
      if (record) {
        if (record.state !== 'sending') return false;
        // Being sent by someone (this instance included: a retry waits a lease after the last attempt).
        if (now.getTime() - Date.parse(record.claimedAt ?? '') < this.deps.leaseMs) return false;
      }
      updated = Object.entries(ledger.reports).some(([hash, r]) => hash !== entry.hash && r.date === entry.meeting.date);
      ledger.reports[entry.hash] = {
        date: entry.meeting.date,
        file: entry.file,
        recordedAt: record?.recordedAt ?? now.toISOString(),
        state: 'sending',
        claimedBy: this.instanceId,
        claimedAt: now.toISOString(),
        deliveries: record?.deliveries ?? {},
      };
      return true;
    });
    return won ? { updated } : undefined;
  }

  /** Posts the claimed reports to every conversation not yet served: one report's summary card, or one card listing several. */
  private async deliver(claimed: Claimed[]): Promise<Announcement[]> {
    const announcements = claimed.map(({ entry, updated }): Announcement => ({ hash: entry.hash, date: entry.meeting.date, updated, posted: [], failed: [] }));
    const ledger = await this.readLedger();
    const owedTo = (id: string) => claimed.filter(({ entry }) => {
      const before = ledger?.reports[entry.hash]?.deliveries[id];
      return !before?.at && !(before && before.attempts >= this.deps.maxAttempts);
    });
    const cards = new Map<string, Promise<AdaptiveCard>>();
    // One report's pending items are worked out only when its card is actually posted (at 2,000 reports that takes long).
    const cardFor = (owed: Claimed[], language: Language) => {
      const key = `${language}:${owed.map((c) => c.entry.hash).join(',')}`;
      if (!cards.has(key)) cards.set(key, owed.length > 1 ? Promise.resolve(newReportsCard(owed.map((c) => c.entry.meeting), language)) : this.summaryCardOf(owed[0], language));
      return cards.get(key)!;
    };

    for (const subscription of await this.deps.subscriptions.all()) {
      const id = subscription.conversationId;
      const owed = owedTo(id);
      if (owed.length === 0) continue;
      const attempts = (c: Claimed) => (ledger?.reports[c.entry.hash]?.deliveries[id]?.attempts ?? 0) + 1;
      let delivered: (c: Claimed) => Delivery;
      try {
        await this.deps.postCard(broadcastReference(subscription), await cardFor(owed, subscription.language === 'en' ? 'en' : 'nl'), subscription);
        const at = this.deps.now().toISOString();
        delivered = (c) => ({ at, attempts: attempts(c) });
      } catch (err) {
        const error = String((err as Error)?.message ?? err).slice(0, 300);
        delivered = (c) => ({ attempts: attempts(c), error });
        this.deps.logger.warn(`[lovp-bot] could not post the summary of ${owed.map((c) => c.entry.meeting.date).join(', ')} to ${id}: ${error}`);
      }
      for (const c of owed) {
        const announcement = announcements[claimed.indexOf(c)];
        (delivered(c).at ? announcement.posted : announcement.failed).push(id);
      }
      await this.updateLedger((l) => {
        for (const c of owed) {
          const record = l.reports[c.entry.hash];
          if (!record) continue;
          record.deliveries[id] = delivered(c);
          // Renews the claim: a delivery to many conversations may take longer than the lease.
          if (record.claimedBy === this.instanceId) record.claimedAt = this.deps.now().toISOString();
        }
        return true;
      });
    }

    await this.updateLedger((l) => {
      for (const [i, { entry }] of claimed.entries()) {
        const record = l.reports[entry.hash];
        if (!record) continue;
        const unfinished = Object.values(record.deliveries).some((d) => !d.at && d.attempts < this.deps.maxAttempts);
        // With failures left to retry the claim stays; it lapses after the lease, and the retry takes it again.
        record.state = unfinished && announcements[i].failed.length > 0 ? 'sending' : 'sent';
        record.claimedAt = this.deps.now().toISOString();
      }
      return true;
    });
    for (const a of announcements) {
      const failed = a.failed.length > 0 ? `, ${a.failed.length} failed` : '';
      this.deps.logger.log(`[lovp-bot] summary of ${a.date}${a.updated ? ' (updated)' : ''}${claimed.length > 1 ? ` (one card for ${claimed.length} new reports)` : ''} posted to ${a.posted.length} conversation(s)${failed}`);
    }
    return announcements;
  }

  private async summaryCardOf({ entry, updated }: Claimed, language: Language): Promise<AdaptiveCard> {
    const pending = this.deps.pendingFor ? await this.deps.pendingFor(entry.meeting) : [];
    return summaryCard(entry.meeting, { language, pending, updated });
  }
}
