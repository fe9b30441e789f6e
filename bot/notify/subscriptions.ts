// Conversations that asked for summaries and reminders ("abonneer"/"subscribe"). Each conversation's reference
// is stored under its own key in the injected botbuilder Storage; an index document lists the subscribed
// conversations because Storage cannot list keys. Index updates are queued within the process and use the eTag
// so two instances sharing storage do not lose each other's changes (Storage has no create-if-absent, so only
// the very first index write of two instances at the same moment could still race).
import type { ConversationReference, Storage } from 'botbuilder';
import type { Language } from '../shared/language';
import { queueFor } from '../shared/serialQueue';
import { reminderLedgerKey } from '../state/keys';
import { readRecord, updateRecord } from '../state/updateRecord';

export interface Subscription {
  conversationId: string;
  reference: Partial<ConversationReference>;
  scope: 'personal' | 'groupChat' | 'channel';
  language: Language;
  subscribedAt: string;
}

interface IndexDoc {
  conversationIds: string[];
}

const INDEX_KEY = 'subscriptions/index';
const itemKey = (conversationId: string) => `subscriptions/conversation/${encodeURIComponent(conversationId)}`;
const isIndex = (item: object) => Array.isArray((item as Partial<IndexDoc>).conversationIds);

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export class SubscriptionStore {
  constructor(private readonly storage: Storage) {}

  async get(conversationId: string): Promise<Subscription | undefined> {
    const key = itemKey(conversationId);
    const items = await this.storage.read([key]);
    return items[key]?.subscription as Subscription | undefined;
  }

  async all(): Promise<Subscription[]> {
    const ids = (await this.readIndex()).conversationIds;
    if (ids.length === 0) return [];
    const items = await this.storage.read(ids.map(itemKey));
    return ids.map((id) => items[itemKey(id)]?.subscription as Subscription | undefined).filter((s): s is Subscription => !!s);
  }

  /** Stores (or refreshes) the reference; 'already' when the conversation was subscribed before. */
  async subscribe(subscription: Subscription): Promise<'added' | 'already'> {
    const existing = await this.get(subscription.conversationId);
    const stored = existing ? { ...subscription, subscribedAt: existing.subscribedAt } : subscription;
    await this.storage.write({ [itemKey(subscription.conversationId)]: { subscription: stored, eTag: '*' } });
    await this.updateIndex((ids) => (ids.includes(subscription.conversationId) ? ids : [...ids, subscription.conversationId]));
    return existing ? 'already' : 'added';
  }

  /** True when the conversation was subscribed. Its reminder record goes too: nothing is kept for it. */
  async unsubscribe(conversationId: string): Promise<boolean> {
    const existing = await this.get(conversationId);
    await this.updateIndex((ids) => ids.filter((id) => id !== conversationId));
    await this.storage.delete([itemKey(conversationId), reminderLedgerKey(conversationId)]);
    return !!existing;
  }

  private async readIndex(): Promise<IndexDoc> {
    return (await readRecord<IndexDoc>(this.storage, INDEX_KEY, isIndex))?.record ?? { conversationIds: [] };
  }

  /** Index updates of one process run one at a time per storage; another instance's are eTag conflicts. */
  private async updateIndex(change: (ids: string[]) => string[]): Promise<void> {
    await queueFor(this.storage).run(() => updateRecord<IndexDoc>(this.storage, INDEX_KEY, (doc) => {
      const ids = doc?.conversationIds ?? [];
      const next = change(ids);
      return sameIds(next, ids) ? undefined : { conversationIds: next };
    }, { valid: isIndex }));
  }
}
