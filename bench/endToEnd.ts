// End-to-end answer latency through POST /api/messages of the real server (createServer, local mode, no auth),
// next to two floors on the same restify server (bench/floorRoutes.ts): an echo bot through the same TeamsAdapter
// and a bare restify route. A second server with every answer computed beforehand splits the bot's cost into the
// Teams side and the search.
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import type { KnowledgeBase } from '../bot/answer/knowledgeBase';
import type { KnowledgeSource } from '../bot/answer/knowledgeSource';
import { loadConfig } from '../bot/config';
import { createAdapter } from '../bot/teams/createAdapter';
import { createServer } from '../bot/teams/createServer';
import { personalMessage, postActivity } from './activities';
import { addFloorRoutes } from './floorRoutes';
import { percentiles, type Percentiles } from './stats';

export interface EndToEndLatency {
  bot: Percentiles;
  /** The same bot with every answer computed beforehand: what the Teams side costs without the search. */
  precomputed: Percentiles;
  echo: Percentiles;
  http: Percentiles;
  /** Requests that did not get a 200 with a reply, per route. */
  failures: Record<Route, number>;
}

type Route = 'bot' | 'precomputed' | 'echo' | 'http';
const ROUTES: Route[] = ['bot', 'precomputed', 'echo', 'http'];

export async function measureEndToEnd(kb: KnowledgeBase, questions: string[], repetitions: number): Promise<EndToEndLatency> {
  const config = loadConfig({ PORT: '0' });
  const adapter = createAdapter(config);
  const errors: unknown[] = [];
  const logger = { error: (_m: string, err?: unknown) => errors.push(err) };
  const server = createServer({ config, knowledgeBase: kb, storage: new MemoryStorage(), adapter, logger });
  addFloorRoutes(server, adapter);
  const answers = new Map(questions.map((q) => [q, kb.ask(q)]));
  const precomputed: KnowledgeSource = { meetings: kb.meetings, ask: (q) => answers.get(q) ?? kb.ask(q) };
  const second = createServer({ config, knowledgeBase: precomputed, storage: new MemoryStorage(), logger });
  const listen = (s: typeof server) => new Promise<string>((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
  const base = await listen(server);
  const routes: Record<Route, string> = {
    bot: `${base}/api/messages`,
    precomputed: `${await listen(second)}/api/messages`,
    echo: `${base}/bench/echo`,
    http: `${base}/bench/http`,
  };
  const samples: Record<Route, number[]> = { bot: [], precomputed: [], echo: [], http: [] };
  const failures: Record<Route, number> = { bot: 0, precomputed: 0, echo: 0, http: 0 };
  try {
    for (let r = -1; r < repetitions; r++) { // r = -1 warms up connections, JIT and caches
      for (const q of questions) {
        for (const route of ROUTES) {
          const activity = personalMessage(q);
          const start = performance.now();
          const reply = await postActivity(routes[route], activity);
          const elapsed = performance.now() - start;
          if (r < 0) continue;
          samples[route].push(elapsed);
          if (reply.status !== 200 || !reply.text) failures[route]++;
        }
      }
    }
  } finally {
    await Promise.all([server, second].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
  failures.bot += errors.length;
  return { bot: percentiles(samples.bot), precomputed: percentiles(samples.precomputed), echo: percentiles(samples.echo), http: percentiles(samples.http), failures };
}
