// Conversations that asked for summaries and reminders ("abonneer"/"subscribe"). Each conversation's reference
// is stored under its own key in the injected botbuilder Storage; an index document lists the subscribed
// conversations because Storage cannot list keys. Index updates are queued within the process and use the eTag
// so two instances sharing storage do not lose each other's changes (Storage has no create-if-absent, so only
// the very first index write of two instances at the same moment could still race).
import { TurnContext, type ConversationReference, type Storage, type StoreItem } from 'botbuilder';
import { reminderLedgerKey } from '../state/keys';
import type { Language } from './replyLanguage';
import { channelConversationId, isChannelConversation } from './threading';

export interface Subscription {
  conversationId: string;
  reference: Partial<ConversationReference>;
  scope: 'personal' | 'groupChat' | 'channel';
  language: Language;
  subscribedAt: string;
}

interface IndexDoc extends StoreItem {
  conversationIds: string[];
}

const INDEX_KEY = 'subscriptions/index';
const itemKey = (conversationId: string) => `subscriptions/conversation/${encodeURIComponent(conversationId)}`;
const RETRIES = 10;

/**
 * The reference for proactive posts. In a channel it points at the channel itself (so a post becomes a new
 * thread), not at the thread the command was typed in.
 */
export function subscriptionFor(context: TurnContext, language: Language, now = new Date()): Subscription {
  const reference = TurnContext.getConversationReference(context.activity);
  const channel = isChannelConversation(context.activity);
  const conversation = reference.conversation!;
  if (channel) {
    delete reference.activityId;
    reference.conversation = { ...conversation, id: channelConversationId(conversation.id) };
  }
  const type = conversation.conversationType;
  return {
    conversationId: reference.conversation!.id,
    reference,
    scope: channel ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    language,
    subscribedAt: now.toISOString(),
  };
}

/** Index updates of one process run one at a time per storage (a plain promise chain). */
const indexQueues = new WeakMap<Storage, Promise<unknown>>();

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
    const items = await this.storage.read([INDEX_KEY]);
    const doc = items[INDEX_KEY] as IndexDoc | undefined;
    return doc && Array.isArray(doc.conversationIds) ? doc : { conversationIds: [] };
  }

  private updateIndex(change: (ids: string[]) => string[]): Promise<void> {
    const previous = indexQueues.get(this.storage) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.applyToIndex(change));
    indexQueues.set(this.storage, run);
    return run;
  }

  private async applyToIndex(change: (ids: string[]) => string[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.readIndex();
      const next = change(doc.conversationIds);
      if (sameIds(next, doc.conversationIds)) return;
      try {
        await this.storage.write({ [INDEX_KEY]: { conversationIds: next, eTag: doc.eTag ?? '*' } });
        return;
      } catch (err) {
        // Another writer changed the index since we read it: read again and reapply.
        if (attempt >= RETRIES) throw err;
      }
    }
  }
}
