// The whole running bot, put together from its parts: state store, report library and live search index,
// pending items, the HTTP server with the teams-ai app, the summary broadcaster, the report watcher and the
// reminder scheduler, with the adapter's proactive messaging for the last two. index.ts only starts and stops
// this; tests start the same thing in-process.
//
// Nothing heavy runs on the main thread: reports are parsed and the index is built and asked in worker threads;
// the pending items catch up in slices that give the event loop back (bot/pending/pendingTracker.ts). The bot can listen at once; until the reports are read (`ready`) questions are
// answered with "still loading", and later changes are built while the previous index keeps answering.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Storage } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { reminderCard } from './cards/reminderCard';
import type { AdaptiveCard } from './cards/adaptiveCard';
import { LiveKnowledge } from './ingest/liveKnowledge';
import { outcomeText } from './ingest/outcomeText';
import { parseInWorker } from './ingest/parseInWorker';
import { openReportStore } from './ingest/createReportStore';
import { ReportLibrary, type IngestOutcome } from './ingest/reportLibrary';
import { watchReports, type ReportWatcher, type WatchOptions } from './ingest/watchReports';
import { TopicMemory } from './answer/topicMemory';
import { FeedbackStore } from './feedback/feedbackStore';
import { broadcastReference, SummaryBroadcaster } from './notify/broadcastSummary';
import { localDay } from './pending/dueWindow';
import { ItemStore } from './pending/itemStore';
import { reminderOptionsFrom, ReminderScheduler, type ReminderOptions } from './pending/reminders';
import { CheckedStorage } from './state/checkedStorage';
import { createStorage } from './state/createStorage';
import { anyoneMayUpload, loadConfig, openDefaults, type Config } from './config';
import { createAdapter } from './teams/createAdapter';
import type { KnowledgeSource } from './answer/knowledgeSource';
import { createServer } from './teams/createServer';
import { OffThreadIndex } from './answer/offThreadIndex';
import type { Meeting } from './corpus/meeting';
import { contentHash } from './ingest/contentHash';
import { indexFingerprint } from './search/indexCache';
import { proactiveSender, type SendProactive } from './teams/proactive';
import { SubscriptionStore, type Subscription } from './notify/subscriptions';
import { cardMessage } from './teams/summaryText';
import { TrackedPending } from './pending/trackedPending';

export type BotLogger = Pick<Console, 'log' | 'warn' | 'error'>;

export interface ComposeOptions {
  /** The settings (bot/config.ts), read once by index.ts; default: read from `env`. */
  config?: Config;
  /** Where the settings are read from when no config is given (default process.env; see .env.example). */
  env?: NodeJS.ProcessEnv;
  /** DATA_DIR and STATE_DIR are relative to this (default the working directory). */
  projectDir?: string;
  logger?: BotLogger;
  /** Clock for announcements and reminders (tests move a fake one); sleeping is the reminders' settle wait. */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Report watching (default: folder events after 500 ms quiet, a full listing every REPORT_POLL_SECONDS). */
  watch?: Pick<WatchOptions, 'debounceMs' | 'rescanMs'>;
  /** Overrides of the REMINDER_* settings. */
  reminders?: Partial<ReminderOptions>;
  /** Default true; tests that drive reminders by hand leave the cron schedule off. */
  scheduleReminders?: boolean;
  adapter?: TeamsAdapter;
  /** The state store (default from STATE_DIR or the Azure settings); tests hand in one on a faulty disk. */
  storage?: Storage;
}

export interface ComposedBot {
  config: Config;
  /** The state store as configured (the bot's parts use it through CheckedStorage). */
  storage: Storage;
  library: ReportLibrary;
  knowledge: LiveKnowledge<LiveIndex>;
  pending: TrackedPending;
  subscriptions: SubscriptionStore;
  broadcaster: SummaryBroadcaster;
  reminders: ReminderScheduler;
  server: restify.Server;
  /** Starts serving (default config.port on config.host); resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Resolves once the reports are read, their index built and the first announcements made; rejects when the
   *  reports cannot be read. */
  ready: Promise<void>;
  /** Resolves once the reports are read and their index answers (before the first announcements are done). */
  indexed: Promise<void>;
  /** Stops the schedule, the watcher and the server, and waits for announcements in progress. Safe to call twice. */
  stop(): Promise<void>;
}

/** The index questions go to: one in a worker (offThreadIndex.ts), or the stand-in while the reports load. */
type LiveIndex = KnowledgeSource & { close?(): void };

const STILL_LOADING: LiveIndex = {
  meetings: [],
  loading: true,
  ask: (question) => ({ question, language: 'nl', answers: [], corrections: [], topic: { question, language: 'nl' } }),
};

/** How long stop() lets an announcement in progress run on (index.ts exits 5 s after SIGTERM at the latest). */
const STOP_GRACE_MS = 2500;

/** An upload's reply waits at most this long for the new index, then says what happened anyway. */
const UPLOAD_INDEX_WAIT_MS = 5000;

function logOutcomes(logger: BotLogger, outcomes: IngestOutcome[]): void {
  for (const outcome of outcomes) {
    const line = `[lovp-bot] ${outcomeText(outcome, 'en')}`;
    if (outcome.kind === 'rejected') logger.warn(line);
    else logger.log(line);
  }
}

function cardActivity(card: AdaptiveCard) {
  return cardMessage(card, typeof card.fallbackText === 'string' ? card.fallbackText : '');
}

export async function composeBot(options: ComposeOptions = {}): Promise<ComposedBot> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? console;
  const now = options.now ?? (() => new Date());
  const config = options.config ?? loadConfig(env, options.projectDir);
  for (const warning of openDefaults(config)) logger.warn(`[lovp-bot] warning: ${warning}`);
  const reminderOptions = { ...reminderOptionsFrom(config), ...options.reminders };
  const chosen = options.storage ? { storage: options.storage, description: 'the given store' } : createStorage(config);
  const { description } = chosen;
  const storage = new CheckedStorage(chosen.storage);
  // A read-only or damaged STATE_DIR stops the start here, with the reason.
  await storage.checkWritable();

  // Every report file is parsed in a worker thread, within the read limits and the time limit.
  const parser = parseInWorker(config.readLimits, config.parseTimeoutMs);
  // The reports: DATA_DIR, or a blob container shared by instances (seeded from DATA_DIR when new).
  const { store: reports } = await openReportStore(config, logger);
  const library = new ReportLibrary(reports, { parse: parser.parse, cacheFile: config.reportsCachePath });
  // The index answers in a worker; it is loaded from the serialised index when that was built for the same reports.
  const buildIndex = async (meetings: Meeting[]) => {
    const fingerprint = await indexFingerprint(meetings.map((m) => library.entryFor(m.date)?.hash ?? contentHash(m)));
    return OffThreadIndex.build(meetings, {
      options: { maxAnswers: config.maxAnswers, maxQuestionChars: config.maxQuestionChars },
      cache: { file: config.indexCachePath, fingerprint },
    });
  };
  const knowledge = new LiveKnowledge<LiveIndex>(library, buildIndex, STILL_LOADING, { dispose: (old) => old.close?.() });
  const pending = new TrackedPending(() => library.meetings, new ItemStore(storage, now));
  // The tracked items catch up in the background after every change, without holding up answers; from the first
  // index on (ready below), not during the first scan, where they would take the processor from the index.
  const catchUp = () => void pending.fromReports().catch((err) => logger.error('[lovp-bot] tracking pending items failed:', err));
  let stopTracking = () => {};
  const subscriptions = new SubscriptionStore(storage);

  const adapter = options.adapter ?? createAdapter(config);
  const send: SendProactive = proactiveSender(adapter, config.microsoftAppId);
  const indexed = () => Promise.race([knowledge.settled(), new Promise<void>((resolve) => setTimeout(resolve, UPLOAD_INDEX_WAIT_MS).unref())]);
  const server = createServer({
    config,
    adapter,
    knowledgeBase: knowledge.get,
    storage,
    subscriptions,
    pending,
    feedback: new FeedbackStore(storage, now),
    topics: config.topicMemoryMinutes > 0 ? new TopicMemory(storage, config.topicMemoryMinutes * 60_000, () => now().getTime()) : undefined,
    today: () => localDay(now(), reminderOptions.timeZone),
    uploads: {
      library,
      maxBytes: config.maxUploadBytes,
      adminUserIds: config.adminUserIds,
      anyoneWithoutAdmins: anyoneMayUpload(config),
      allowLoopback: config.localMode,
      warn: (message) => logger.warn(message),
      indexed,
    },
    logger,
    health: async () => {
      const state = await storage.health();
      const index = { meetings: knowledge.current.meetings.length, building: knowledge.building, ...(knowledge.lastError ? { error: knowledge.lastError } : {}) };
      return { ok: state.ok && !knowledge.lastError, meetings: index.meetings, ...(knowledge.current.loading ? { loading: true } : {}), storage: state, index };
    },
  });

  const broadcaster = new SummaryBroadcaster({
    storage,
    subscriptions,
    // The broadcaster hands a reference without a thread id: a new post in a channel.
    postCard: (reference, card) => send(reference, cardActivity(card)),
    pendingFor: (meeting) => pending.openItemsOf(meeting.date),
    now,
    logger,
  });

  const reminders = new ReminderScheduler(
    {
      storage,
      items: async () => [...(await pending.fromReports())],
      subscriptions,
      send: (_reference, items, subscription) => {
        const card = reminderCard(items, subscription.language === 'en' ? 'en' : 'nl');
        // The store holds full subscriptions; broadcastReference makes the reminder a new post in a channel.
        return send(broadcastReference(subscription as Subscription), cardActivity(card));
      },
      now,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      log: (message) => logger.log(`[lovp-bot] ${message}`),
    },
    reminderOptions,
  );

  let watcher: ReportWatcher | undefined;
  let stopBroadcasting: (() => void) | undefined;
  let stopped = false;
  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  let readIndexed!: () => void;
  const firstIndex = new Promise<void>((resolve) => (readIndexed = resolve));
  const ready = (async () => {
    try {
      const outcomes = await library.scan();
      logOutcomes(logger, outcomes.filter((o) => o.kind === 'rejected'));
    } catch (err) {
      throw new Error(`cannot read the reports in ${reports.description}: ${(err as Error).message}`);
    }
    // No reports at all is no change either: the empty index replaces the stand-in.
    if (knowledge.current === STILL_LOADING && !knowledge.building) knowledge.refresh([...library.meetings]);
    // The first answers come first: announcements, the pending items and the watcher start once the index answers
    // (at a thousand reports they would take the processor from it for seconds).
    await Promise.race([knowledge.settled(), stopRequested]);
    if (stopped) return;
    readIndexed();
    catchUp();
    stopTracking = library.onChange(catchUp);
    watcher = watchReports(library, { rescanMs: config.reportPollSeconds * 1000, ...options.watch, onOutcomes: (outcomes) => logOutcomes(logger, outcomes) });
    const attached = broadcaster.attach(library).then(
      (detach) => (stopped ? detach() : void (stopBroadcasting = detach)),
      (err) => {
        if (!stopped) throw err;
      },
    );
    // Stopping does not wait for the first announcements: at thousands of reports they take long.
    await Promise.race([attached, stopRequested]);
    if (stopped) return;
    if (options.scheduleReminders !== false) reminders.start();
    logger.log(`[lovp-bot] ${library.meetings.length} meetings from ${reports.description}; state in ${description}`);
    if (options.scheduleReminders !== false) {
      logger.log(`[lovp-bot] reminders "${reminders.options.cron}" (${reminders.options.timeZone}), next ${reminders.nextRun()?.toISOString() ?? 'never'}`);
    }
  })();
  // Whoever awaits `ready` hears about a failure; stop() must not.
  ready.catch(() => undefined);

  let listening = false;
  let stopping: Promise<void> | undefined;
  return {
    config,
    storage: storage.inner,
    library,
    knowledge,
    pending,
    subscriptions,
    broadcaster,
    reminders,
    server,
    listen(port = config.port, host = config.host || undefined) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        const ready = () => {
          listening = true;
          const address = server.address() as AddressInfo;
          resolve(`http://${host ?? 'localhost'}:${address.port}`);
        };
        if (host) server.listen(port, host, ready);
        else server.listen(port, ready);
      });
    },
    ready,
    indexed: firstIndex,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        requestStop();
        reminders.stop();
        // First: a parse in progress ends now, and so does a scan (or a start) waiting for it.
        await parser.close();
        await ready.catch(() => undefined);
        await watcher?.close();
        stopBroadcasting?.();
        // An announcement in progress may finish, if it can soon: one waiting for pending items at thousands of
        // reports cannot, and is cut short (recorded as failed, tried again after the next start).
        await Promise.race([broadcaster.idle(), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
        stopTracking();
        await broadcaster.idle();
        knowledge.close();
        if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return stopping;
    },
  };
}
