// Runs the bot over the seed reports in a process of its own (local mode) and prints its URL, so a load
// test can push it without sharing an event loop with the load generator.
import { startBot } from '../helpers/teamsBot';

startBot().then((bot) => {
  console.log(`LISTENING ${bot.url}`);
  process.on('SIGTERM', () => bot.close().then(() => process.exit(0)));
});
