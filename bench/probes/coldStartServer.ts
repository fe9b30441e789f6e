// Child process for the cold-start benchmark: starts the bot the way index.ts does (composeBot: the settings from
// the environment, the report library with its parse cache, the index in a worker loaded from the serialised index
// when it fits), listens on an ephemeral port and prints "READY <port> <cache> <meetings>" once the index is ready
// to answer (bot.indexed). The parent posts the first question and stops the clock when the answer arrives.
// Usage: DATA_DIR=... STATE_DIR=... [CACHE_DIR=...] node dist/bench/probes/coldStartServer.js
import { composeBot } from '../../bot/composeBot';
import { loadConfig } from '../../bot/config';

async function main(): Promise<void> {
  const bot = await composeBot({ config: loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }), scheduleReminders: false, logger: { log() {}, warn() {}, error: console.error } });
  const url = await bot.listen();
  // The first real answer: the reports are read and their index answers (announcements may still run).
  await bot.indexed;
  const index = bot.knowledge.current as { cache?: string };
  process.stdout.write(`READY ${new URL(url).port} ${index.cache ?? 'off'} ${bot.library.meetings.length}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
