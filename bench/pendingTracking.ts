// Tracked pending items at scale (issue 11): how long the first build of all tracked items takes, how long one new
// report takes once they are built, and whether a question asked while the first "openstaand" is still building
// them waits. The question's latency is measured next to the same question on the idle server, in the same run.
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import type { Meeting } from '../bot/corpus/meeting';
import type { KnowledgeBase } from '../bot/answer/knowledgeBase';
import { extractAllPending } from '../bot/pending/extractPending';
import { ItemStore } from '../bot/pending/itemStore';
import { PendingTracker } from '../bot/pending/pendingTracker';
import { loadConfig } from '../bot/config';
import { createServer } from '../bot/teams/createServer';
import { TrackedPending } from '../bot/pending/trackedPending';
import { personalMessage, postActivity } from './activities';
import { median, percentiles, type Percentiles } from './stats';

export interface TrackingFigures {
  meetings: number;
  items: number;
  /** Reading every report for follow-ups, no tracking (the floor of a build). */
  extractMs: number;
  /** PendingTracker.syncNow over all reports: extraction and tracking, fresh tracker. */
  buildMs: number;
  /** One more report (the newest) into a tracker that holds all the others. */
  addOneMs: Percentiles;
  /** One report taken away again. */
  removeOneMs: Percentiles;
}

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export function measureTracking(meetings: readonly Meeting[], repetitions: number): TrackingFigures {
  const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  const extract: number[] = [];
  const build: number[] = [];
  let items = 0;
  for (let r = 0; r < repetitions; r++) {
    extract.push(time(() => extractAllPending([...sorted])));
    build.push(time(() => (items = new PendingTracker().syncNow(sorted).length)));
  }
  const tracker = new PendingTracker();
  const rest = sorted.slice(0, -1);
  tracker.syncNow(rest);
  const add: number[] = [];
  const remove: number[] = [];
  for (let r = 0; r < Math.max(5, repetitions * 3); r++) {
    add.push(time(() => tracker.syncNow(sorted)));
    remove.push(time(() => tracker.syncNow(rest)));
  }
  return { meetings: sorted.length, items, extractMs: median(extract), buildMs: median(build), addOneMs: percentiles(add), removeOneMs: percentiles(remove) };
}

export interface BusyQuestion {
  /** The question on the server with the tracked items built and nothing else going on. */
  idle: Percentiles;
  /** The same question sent 50 ms after the first "openstaand" of a fresh server (the build running). */
  duringOpenstaand: Percentiles;
  /** How long that first "openstaand" took (it waits for the build). */
  openstaand: Percentiles;
  failures: number;
}

const QUESTION = 'Wat is er afgesproken over vuurwerk?';

/** A question while the first "openstaand" builds the tracked items, next to the same question on an idle server. */
export async function measureBusyQuestion(kb: KnowledgeBase, runs: number): Promise<BusyQuestion> {
  const config = loadConfig({ PORT: '0' });
  const logger = { error: () => undefined };
  const idle: number[] = [];
  const during: number[] = [];
  const openstaand: number[] = [];
  let failures = 0;
  for (let r = 0; r < runs; r++) {
    // A fresh server each run: its first "openstaand" has every item still to build.
    const pending = new TrackedPending(() => kb.meetings, new ItemStore(new MemoryStorage()));
    const server = createServer({ config, knowledgeBase: kb, storage: new MemoryStorage(), pending, logger });
    const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`)));
    try {
      await postActivity(url, personalMessage(QUESTION)); // warm the connection and the answer path
      const started = performance.now();
      const list = postActivity(url, personalMessage('openstaand')).then((reply) => {
        openstaand.push(performance.now() - started);
        if (reply.status !== 200) failures++;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const asked = performance.now();
      const reply = await postActivity(url, personalMessage(QUESTION));
      during.push(performance.now() - asked);
      if (reply.status !== 200 || !reply.text) failures++;
      await list;
      // Now idle: everything is built.
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const again = await postActivity(url, personalMessage(QUESTION));
        idle.push(performance.now() - t);
        if (again.status !== 200 || !again.text) failures++;
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
  return { idle: percentiles(idle), duringOpenstaand: percentiles(during), openstaand: percentiles(openstaand), failures };
}
