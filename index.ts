// Starts the LOVP bot: POST /api/messages and GET /healthz on PORT, the watched reports folder, summary cards
// and reminders. Settings: see .env.example. The parts are put together in bot/composeBot.ts.
import 'dotenv/config';
import { composeBot } from './bot/composeBot';
import { loadConfig } from './bot/config';

const STOP_DEADLINE_MS = 5000;

async function main(): Promise<void> {
  // The settings are read once, here, and handed to every part.
  const bot = await composeBot({ config: loadConfig(process.env) });
  // Listening before the reports are read: until then questions get "still loading", /healthz answers.
  const url = await bot.listen();
  const mode = bot.config.localMode ? 'local mode, no authentication' : `app ${bot.config.microsoftAppId}`;
  console.log(`[lovp-bot] listening on ${url}/api/messages (${mode})`);

  let stopping = false;
  bot.ready.then(
    () => console.log('[lovp-bot] ready'),
    (err) => {
      if (stopping) return;
      console.error('[lovp-bot] failed to start:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );

  const shutdown = (signal: NodeJS.Signals) => {
    stopping = true;
    console.log(`[lovp-bot] ${signal}: stopping`);
    // Whatever is still running (a connector call, a slow disk), the process ends within a few seconds.
    setTimeout(() => {
      console.error(`[lovp-bot] not stopped after ${STOP_DEADLINE_MS} ms; exiting`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        console.error('[lovp-bot] could not stop cleanly:', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error('[lovp-bot] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
