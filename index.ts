// Starts the LOVP bot: loads the reports, then serves POST /api/messages and GET /healthz on PORT.
// Settings: see .env.example. The wiring lives in bot/teams/.
import 'dotenv/config';
import { MemoryStorage } from 'botbuilder';
import { KnowledgeBase } from './bot/knowledgeBase';
import { loadBotConfig } from './bot/teams/config';
import { createServer } from './bot/teams/createServer';

async function main(): Promise<void> {
  const config = loadBotConfig();
  const { kb, errors } = await KnowledgeBase.fromDirectory(config.dataDir);
  for (const error of errors) console.warn(`[lovp-bot] skipped report: ${error.message}`);
  // State store: the persistent one (bot/state) replaces this once it is wired in.
  const storage = new MemoryStorage();
  const server = createServer({ config, knowledgeBase: kb, storage });
  server.listen(config.port, () => {
    const mode = config.localMode ? 'local mode, no authentication' : `app ${config.microsoftAppId}`;
    console.log(`[lovp-bot] ${kb.meetings.length} meetings from ${config.dataDir}; listening on http://localhost:${config.port}/api/messages (${mode})`);
  });
}

main().catch((err) => {
  console.error('[lovp-bot] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
