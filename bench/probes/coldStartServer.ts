// Child process for the cold-start benchmark: starts the bot as index.ts does (config from the environment,
// knowledge base from DATA_DIR, restify server with the teams-ai app), optionally through the serialised index,
// listens on an ephemeral port and prints "READY <port> <cache>" once it can answer. The parent process posts
// the first question and stops the clock when the answer arrives.
// Usage: DATA_DIR=... [INDEX_CACHE_FILE=...] node dist/bench/probes/coldStartServer.js
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { KnowledgeBase } from '../../bot/answer/knowledgeBase';
import { loadBotConfig } from '../../bot/teams/config';
import { createServer } from '../../bot/teams/createServer';

async function main(): Promise<void> {
  const config = loadBotConfig({ ...process.env, PORT: '0' });
  const cacheFile = process.env.INDEX_CACHE_FILE || undefined;
  const { kb, cache } = await KnowledgeBase.fromDirectory(config.dataDir, { cacheFile });
  const server = createServer({ config, knowledgeBase: kb, storage: new MemoryStorage(), logger: { error: () => {} } });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`READY ${(server.address() as AddressInfo).port} ${cache} ${kb.meetings.length}\n`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
