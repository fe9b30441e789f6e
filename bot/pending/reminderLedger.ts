// Which reminders a conversation got, shared by every bot instance through the botbuilder Storage, so each
// (item, reminder window) reaches a conversation once: across restarts, and with several instances ticking
// at the same moment.
//
// How instances agree: one ledger document per conversation, changed only with the eTag read just before
// (compare-and-swap; a conflict means another instance changed it first: read again and retry). An instance
// claims the reminders it is about to send ('sending'), sends, then records them 'sent'; a failed send
// releases its claims for the next tick, and a claim left by an instance that died mid-send expires.
//
// Storage has no create-if-absent (MemoryStorage creates whatever the eTag, FileStorage and BlobsStorage
// refuse an eTag on a missing key), so a ledger is created with a blind write, and two instances that both
// found it missing both write it; a late one would wipe claims made in between. Hence claims are only made
// in a ledger that has existed for `settleMs` (default a minute): by then every instance that found it
// missing has finished its blind write (each awaits its own before it claims anything), and from then on
// every change is compare-and-swap. Instance clocks must agree to well within `settleMs`.
import type { Storage } from 'botbuilder';
import { reminderLedgerKey } from '../state/keys';
import { readRecord, updateRecord } from '../state/updateRecord';

export interface Claim {
  state: 'sending' | 'sent';
  /** ISO time of the claim, or of the send. */
  at: string;
  /** Instance that claimed it. */
  by: string;
}

interface LedgerDoc {
  createdAt: string;
  sent: Record<string, Claim>;
}

export interface LedgerOptions {
  now: () => Date;
  instanceId: string;
  /** A new ledger is left alone this long before anyone claims in it (see above). */
  settleMs: number;
  /** A 'sending' claim older than this belongs to an instance that died; it may be claimed again. */
  claimTimeoutMs: number;
}

const isLedgerDoc = (item: object) => {
  const doc = item as Partial<LedgerDoc>;
  return typeof doc.createdAt === 'string' && !Number.isNaN(Date.parse(doc.createdAt)) && typeof doc.sent === 'object' && doc.sent !== null;
};

export class ReminderLedger {
  private readonly key: string;

  constructor(
    private readonly storage: Storage,
    conversationId: string,
    private readonly options: LedgerOptions,
  ) {
    this.key = reminderLedgerKey(conversationId);
  }

  /**
   * Creates the ledger when it is missing. Returns the time (ms) from which claims can be made in it;
   * a caller that created ledgers waits until then, so its own blind writes are done long before.
   */
  async ensure(): Promise<number> {
    let doc = await this.read();
    if (!doc) {
      await this.storage.write({ [this.key]: { createdAt: this.options.now().toISOString(), sent: {}, eTag: '*' } });
      doc = await this.read();
      if (!doc) throw new Error(`reminders: ${this.key} could not be created`);
    }
    return Date.parse(doc.createdAt) + this.options.settleMs;
  }

  /**
   * Claims those of `keys` nobody has sent or is sending; returns the ones claimed (possibly none, also when
   * the ledger is missing or too new). The caller must then call `markSent` or `release` with them.
   */
  async claim(keys: string[]): Promise<string[]> {
    let claimed: string[] = [];
    await updateRecord<LedgerDoc>(this.storage, this.key, (doc) => {
      claimed = [];
      const now = this.options.now();
      // A missing or too new ledger is claimed from later (ensure() made it; its settle time protects blind writes).
      if (!doc || now.getTime() - Date.parse(doc.createdAt) < this.options.settleMs) return undefined;
      claimed = keys.filter((k) => this.isFree(doc.sent[k], now));
      if (claimed.length === 0) return undefined;
      const sent = { ...doc.sent };
      for (const k of claimed) sent[k] = { state: 'sending', at: now.toISOString(), by: this.options.instanceId };
      return { createdAt: doc.createdAt, sent };
    }, { valid: isLedgerDoc });
    return claimed;
  }

  /** Records our claims as sent. */
  async markSent(keys: string[]): Promise<void> {
    await this.update(keys, (claim) => ({ ...claim, state: 'sent', at: this.options.now().toISOString() }));
  }

  /** Gives our claims back (the send failed), so a later tick tries again. */
  async release(keys: string[]): Promise<void> {
    await this.update(keys, () => undefined);
  }

  /** What the ledger holds (for tests and diagnostics). */
  async entries(): Promise<Record<string, Claim>> {
    return (await this.read())?.sent ?? {};
  }

  private isFree(claim: Claim | undefined, now: Date): boolean {
    if (!claim) return true;
    if (claim.state === 'sent') return false;
    return now.getTime() - Date.parse(claim.at) >= this.options.claimTimeoutMs;
  }

  private async update(keys: string[], change: (claim: Claim) => Claim | undefined): Promise<void> {
    await updateRecord<LedgerDoc>(this.storage, this.key, (doc) => {
      if (!doc) return undefined;
      const sent = { ...doc.sent };
      let changed = false;
      for (const k of keys) {
        const claim = sent[k];
        // Only our own claim in flight: never touch what another instance claimed since.
        if (!claim || claim.by !== this.options.instanceId || claim.state !== 'sending') continue;
        const next = change(claim);
        if (next) sent[k] = next;
        else delete sent[k];
        changed = true;
      }
      return changed ? { createdAt: doc.createdAt, sent } : undefined;
    }, { valid: isLedgerDoc });
  }

  /** The ledger, or undefined when missing (or not a ledger: it is then left to `ensure` to replace). */
  private async read(): Promise<LedgerDoc | undefined> {
    return (await readRecord<LedgerDoc>(this.storage, this.key, isLedgerDoc))?.record;
  }

}
