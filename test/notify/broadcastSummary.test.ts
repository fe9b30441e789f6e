// A new report dropped into the data folder is announced once in every subscribed conversation: a new post in
// a channel, a message in a personal chat; never twice across restarts or with two instances sharing state.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { cardBytes, CARD_MAX_BYTES, type AdaptiveCard } from '../../bot/cards/adaptiveCard';
import { ReportLibrary } from '../../bot/ingest/reportLibrary';
import { watchReports, type ReportWatcher } from '../../bot/ingest/watchReports';
import { broadcastReference, SummaryBroadcaster, type BroadcastDependencies } from '../../bot/notify/broadcastSummary';
import { FileStorage } from '../../bot/state/fileStorage';
import { ANNOUNCEMENTS_KEY } from '../../bot/state/keys';
import { cardProblems } from '../cards/cardProblems';
import { SubscriptionStore, type Subscription } from '../../bot/notify/subscriptions';
import { copyOfSeeds, removeTempDirs, reportDatedAs, tempDir, waitUntil } from '../ingest/helpers';

after(removeTempDirs);

const CHANNEL = '19:lovp-kanaal@thread.tacv2';
const PERSONAL = 'a:1personal-chat-with-anna';

function channelSubscription(): Subscription {
  return {
    conversationId: CHANNEL,
    scope: 'channel',
    language: 'nl',
    subscribedAt: '2021-01-01T00:00:00.000Z',
    // As typed in a thread: the broadcaster must still start a new post in the channel.
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      activityId: '1699999999999',
      bot: { id: '28:bot', name: 'LOVP' },
      conversation: { id: `${CHANNEL};messageid=1699999999999`, isGroup: true, conversationType: 'channel', tenantId: 't', name: '' },
    },
  };
}

function personalSubscription(): Subscription {
  return {
    conversationId: PERSONAL,
    scope: 'personal',
    language: 'en',
    subscribedAt: '2021-01-01T00:00:00.000Z',
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      user: { id: '29:anna', name: 'Anna' },
      bot: { id: '28:bot', name: 'LOVP' },
      conversation: { id: PERSONAL, conversationType: 'personal', tenantId: 't', isGroup: false, name: '' },
    },
  };
}

interface Post {
  conversationId: string;
  card: AdaptiveCard;
}

const quiet = { log: () => undefined, warn: () => undefined, error: (...args: unknown[]) => console.error(...args) };

/** One running bot instance: its own library, watcher and broadcaster on the shared folders. */
class Instance {
  readonly storage: FileStorage;
  readonly library: ReportLibrary;
  readonly broadcaster: SummaryBroadcaster;
  private watcher?: ReportWatcher;
  private detach?: () => void;

  constructor(dataDir: string, stateDir: string, posts: Post[], extra: Partial<BroadcastDependencies> = {}) {
    this.storage = new FileStorage(stateDir);
    this.library = new ReportLibrary(dataDir);
    this.broadcaster = new SummaryBroadcaster({
      storage: this.storage,
      subscriptions: new SubscriptionStore(this.storage),
      postCard: async (reference: Partial<ConversationReference>, card: AdaptiveCard) => {
        posts.push({ conversationId: reference.conversation!.id, card });
      },
      logger: quiet,
      ...extra,
    });
  }

  async start(): Promise<this> {
    this.detach = await this.broadcaster.attach(this.library);
    this.watcher = watchReports(this.library, { debounceMs: 50, rescanMs: 0 });
    return this;
  }

  async stop(): Promise<void> {
    await this.watcher?.close();
    this.detach?.();
    await this.broadcaster.idle();
  }
}

async function subscribeBoth(stateDir: string): Promise<void> {
  const store = new SubscriptionStore(new FileStorage(stateDir));
  await store.subscribe(channelSubscription());
  await store.subscribe(personalSubscription());
}

const titles = (posts: Post[]) => posts.map((p) => `${p.conversationId} ${JSON.stringify(p.card.body[1])}`);

describe('broadcasting the summary of a new report', function () {
  this.timeout(30_000);

  it('posts the card once to both subscribed conversations, with a restart in between', async () => {
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    await subscribeBoth(stateDir);
    const posts: Post[] = [];

    // First start: the five reports already there are recorded, not announced.
    let bot = await new Instance(dataDir, stateDir, posts).start();
    assert.equal(posts.length, 0);
    await bot.stop();

    // A new report arrives while the bot is down; the restarted bot finds and announces it.
    writeFileSync(path.join(dataDir, 'lovp-2021-06-24.txt'), reportDatedAs('24 juni 2021'));
    bot = await new Instance(dataDir, stateDir, posts).start();
    await waitUntil(() => posts.length >= 2, 10_000, 'two posts');
    assert.deepEqual(posts.map((p) => p.conversationId).sort(), [CHANNEL, PERSONAL].sort(), 'a new post in the channel, not in the thread');
    const channelCard = posts.find((p) => p.conversationId === CHANNEL)!.card;
    const personalCard = posts.find((p) => p.conversationId === PERSONAL)!.card;
    assert.match(JSON.stringify(channelCard), /Bestuurlijke terugkoppeling LOVP 24 juni 2021/);
    assert.match(JSON.stringify(channelCard), /Vergadering van 24 juni 2021/);
    assert.match(JSON.stringify(personalCard), /Meeting of 24 June 2021/, 'in the language the subscriber chose');
    await bot.stop();

    // Restart again: nothing is announced twice.
    bot = await new Instance(dataDir, stateDir, posts).start();
    await new Promise((r) => setTimeout(r, 300));
    await bot.broadcaster.idle();
    assert.equal(posts.length, 2, titles(posts).join('\n'));

    // A report dropped into the watched folder while the bot runs: announced once more, to each conversation once.
    writeFileSync(path.join(dataDir, 'lovp-2021-09-13.txt'), reportDatedAs('13 september 2021'));
    await waitUntil(() => posts.length >= 4, 10_000, 'two more posts');
    await new Promise((r) => setTimeout(r, 300));
    await bot.broadcaster.idle();
    assert.equal(posts.length, 4);
    assert.deepEqual(posts.slice(2).map((p) => p.conversationId).sort(), [CHANNEL, PERSONAL].sort());
    await bot.stop();
  });

  it('announces each report once when two instances share the folders', async () => {
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    await subscribeBoth(stateDir);
    const posts: Post[] = [];
    const first = await new Instance(dataDir, stateDir, posts).start();
    const second = await new Instance(dataDir, stateDir, posts).start();
    writeFileSync(path.join(dataDir, 'nieuw.txt'), reportDatedAs('1 november 2021'));
    await waitUntil(() => posts.length >= 2, 10_000, 'two posts');
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all([first.broadcaster.idle(), second.broadcaster.idle()]);
    await Promise.all([first.stop(), second.stop()]);
    assert.deepEqual(posts.map((p) => p.conversationId).sort(), [CHANNEL, PERSONAL].sort());
  });

  it('marks a changed version as updated, and retries a conversation that failed, once', async () => {
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    await subscribeBoth(stateDir);
    const posts: Post[] = [];
    let channelDown = true;
    let clock = Date.parse('2021-07-01T10:00:00Z');
    const storage = new FileStorage(stateDir);
    const library = new ReportLibrary(dataDir);
    await library.scan();
    const broadcaster = new SummaryBroadcaster({
      storage,
      subscriptions: new SubscriptionStore(storage),
      postCard: async (reference, card) => {
        if (channelDown && reference.conversation!.id === CHANNEL) throw new Error('503 service unavailable');
        posts.push({ conversationId: reference.conversation!.id, card });
      },
      now: () => new Date(clock),
      logger: quiet,
    });
    await broadcaster.sync(library.entries()); // baseline

    await library.ingestBuffer('v2.txt', Buffer.from(reportDatedAs('15 april 2019').replace('Er wordt kort gesproken', 'Er wordt lang gesproken')));
    const first = await broadcaster.sync(library.entries());
    assert.deepEqual(first.announcements.map((a) => [a.date, a.updated, a.posted, a.failed]), [['2019-04-15', true, [PERSONAL], [CHANNEL]]]);
    assert.match(JSON.stringify(posts[0].card), /Updated version of this report/);

    // Within the lease nobody retries; after it, the failed conversation gets the card, the other not again.
    channelDown = false;
    assert.deepEqual((await broadcaster.sync(library.entries())).announcements, []);
    clock += 6 * 60_000;
    const retry = await broadcaster.sync(library.entries());
    assert.deepEqual(retry.announcements.map((a) => [a.posted, a.failed]), [[[CHANNEL], []]]);
    assert.match(JSON.stringify(posts[1].card), /Bijgewerkte versie van deze terugkoppeling/);
    clock += 6 * 60_000;
    assert.deepEqual((await broadcaster.sync(library.entries())).announcements, []);
    assert.deepEqual(posts.map((p) => p.conversationId), [PERSONAL, CHANNEL]);
  });

  it('renews its claim while a long delivery runs, so a second instance does not take the report over', async () => {
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    const store = new SubscriptionStore(new FileStorage(stateDir));
    const ids = Array.from({ length: 6 }, (_, i) => `a:personal-${i}`);
    for (const id of ids) await store.subscribe({ ...personalSubscription(), conversationId: id, reference: { ...personalSubscription().reference, conversation: { ...personalSubscription().reference.conversation!, id } } });
    let clock = Date.parse('2021-07-01T10:00:00Z');
    const posts: Post[] = [];
    const library = new ReportLibrary(dataDir);
    await library.scan();
    const instance = (onPost: () => Promise<void>) => {
      const storage = new FileStorage(stateDir);
      return new SummaryBroadcaster({
        storage,
        subscriptions: new SubscriptionStore(storage),
        postCard: async (reference, card) => {
          posts.push({ conversationId: reference.conversation!.id, card });
          await onPost();
        },
        now: () => new Date(clock),
        logger: quiet,
      });
    };
    // Each post takes two minutes: the six take longer than the five-minute lease. During the fourth, eight
    // minutes after the claim, another instance runs its round.
    const second = instance(async () => undefined);
    const first = instance(async () => {
      clock += 2 * 60_000;
      if (posts.length === 4) await second.sync(library.entries());
    });
    await first.sync(library.entries()); // baseline
    await library.ingestBuffer('nieuw.txt', Buffer.from(reportDatedAs('1 november 2021')));
    await first.sync(library.entries());
    assert.deepEqual(posts.map((p) => p.conversationId).sort(), [...ids].sort(), 'each conversation once');
  });

  it('posts a burst of new reports as one card per conversation, listing the meetings', async () => {
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    await subscribeBoth(stateDir);
    const posts: Post[] = [];
    const storage = new FileStorage(stateDir);
    const library = new ReportLibrary(dataDir);
    await library.scan();
    const broadcaster = new SummaryBroadcaster({ storage, subscriptions: new SubscriptionStore(storage), postCard: async (reference, card) => void posts.push({ conversationId: reference.conversation!.id, card }), logger: quiet });
    await broadcaster.sync(library.entries()); // baseline
    const dates = ['3 juni 2021', '24 juni 2021', '9 september 2021', '28 oktober 2021', '25 november 2021'];
    for (const [i, date] of dates.entries()) writeFileSync(path.join(dataDir, `nieuw-${i}.txt`), reportDatedAs(date));
    await library.scan();
    const result = await broadcaster.sync(library.entries());
    assert.equal(result.announcements.length, 5);
    assert.deepEqual(posts.map((p) => p.conversationId).sort(), [CHANNEL, PERSONAL].sort(), 'one card per conversation');
    const card = posts.find((p) => p.conversationId === CHANNEL)!.card;
    assert.deepEqual(cardProblems(card), []);
    assert.ok(cardBytes(card) <= CARD_MAX_BYTES);
    assert.equal(card.body[1].text, '5 nieuwe terugkoppelingen');
    const listed = card.body.filter((e: any) => e.type === 'Container').map((c: any) => c.items[0].text);
    assert.deepEqual(listed, ['LOVP 25 november 2021', 'LOVP 28 oktober 2021', 'LOVP 9 september 2021', 'LOVP 24 juni 2021', 'LOVP 3 juni 2021']);
    assert.equal(posts.find((p) => p.conversationId === PERSONAL)!.card.body[1].text, '5 new reports');
    assert.deepEqual((await broadcaster.sync(library.entries())).announcements, [], 'nothing is posted again');
    assert.equal(posts.length, 2);
  });

  it('keeps the ledger bounded: nothing per conversation once announced, removed reports forgotten after a week', async () => {
    const dataDir = copyOfSeeds();
    const stateDir = tempDir('lovp-state-');
    const store = new SubscriptionStore(new FileStorage(stateDir));
    for (let i = 0; i < 20; i++) await store.subscribe({ ...personalSubscription(), conversationId: `a:chat-${i}`, reference: { ...personalSubscription().reference, conversation: { ...personalSubscription().reference.conversation!, id: `a:chat-${i}` } } });
    let clock = Date.parse('2021-07-01T10:00:00Z');
    const storage = new FileStorage(stateDir);
    const library = new ReportLibrary(dataDir);
    await library.scan();
    const broadcaster = new SummaryBroadcaster({ storage, subscriptions: new SubscriptionStore(storage), postCard: async () => undefined, now: () => new Date(clock), logger: quiet });
    await broadcaster.sync(library.entries()); // baseline
    const ledgerBytes = async () => JSON.stringify((await storage.read([ANNOUNCEMENTS_KEY]))[ANNOUNCEMENTS_KEY]).length;
    const sizes: number[] = [];
    for (const date of ['3 juni 2021', '24 juni 2021', '9 september 2021']) {
      writeFileSync(path.join(dataDir, `${date}.txt`), reportDatedAs(date));
      await library.scan();
      await broadcaster.sync(library.entries());
      sizes.push(await ledgerBytes());
    }
    // A report adds its own small record, not one per conversation.
    assert.ok(sizes[2] - sizes[1] < 400, `ledger grew ${sizes[1]} -> ${sizes[2]} bytes for one report to 20 conversations`);
    rmSync(path.join(dataDir, '3 juni 2021.txt'));
    await library.scan();
    await broadcaster.sync(library.entries());
    const ledger = async () => (await storage.read([ANNOUNCEMENTS_KEY]))[ANNOUNCEMENTS_KEY] as any;
    assert.ok(Object.values((await ledger()).reports).some((r: any) => r.date === '2021-06-03'), 'kept for a while');
    clock += 8 * 24 * 60 * 60_000;
    await broadcaster.sync(library.entries());
    assert.ok(!Object.values((await ledger()).reports).some((r: any) => r.date === '2021-06-03'), 'forgotten after a week');
    assert.equal(Object.keys((await ledger()).reports).length, library.entries().length);
  });

  it('addresses a channel itself (no thread, no activity id) and a personal chat as it is', () => {
    const channel = broadcastReference(channelSubscription());
    assert.equal(channel.conversation!.id, CHANNEL);
    assert.equal(channel.activityId, undefined);
    assert.equal(broadcastReference(personalSubscription()).conversation!.id, PERSONAL);
  });
});
