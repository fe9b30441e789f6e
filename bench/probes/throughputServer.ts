// Child process for the throughput benchmark: the bot server as index.ts builds it (createServer, local mode, no
// auth) over DATA_DIR, plus the echo floor on the same server (bench/floorRoutes.ts), so the load generator in
// the parent does not share an event loop with the bot. Prints "READY <port> - <meetings>" once it can answer.
// Usage: DATA_DIR=... node dist/bench/probes/throughputServer.js
import { loadKnowledge } from '../../bot/answer/loadKnowledge';
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { createAdapter } from '../../bot/teams/createAdapter';
import { createServer } from '../../bot/teams/createServer';
import { addFloorRoutes } from '../floorRoutes';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0' });
  const { kb } = await loadKnowledge(config.dataDir);
  const adapter = createAdapter(config);
  const server = createServer({ config, knowledgeBase: kb, storage: new MemoryStorage(), adapter, logger: { error: () => {} } });
  addFloorRoutes(server, adapter);
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`READY ${(server.address() as AddressInfo).port} - ${kb.meetings.length}\n`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
