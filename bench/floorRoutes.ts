// The two floors the bot is measured against, added to a bot server by the benchmarks only (never by production
// code): /bench/echo, an echo bot through the same TeamsAdapter (what any bot costs), and /bench/http, a bare
// restify route that answers the same JSON shape without the adapter (what HTTP costs).
import type { TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';

// The bot's own route reads its body itself (bot/teams/readJsonBody.ts); the floors use restify's parser.
export function addFloorRoutes(server: restify.Server, adapter: TeamsAdapter): void {
  server.post('/bench/echo', restify.plugins.bodyParser(), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await context.sendActivity({ type: 'message', text: context.activity.text ?? '' });
    });
  });
  server.post('/bench/http', restify.plugins.bodyParser(), async (req, res) => {
    res.send(200, { activities: [{ type: 'message', text: String((req.body as { text?: string })?.text ?? '') }] });
  });
}
