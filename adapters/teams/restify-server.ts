import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import * as restify from 'restify';

/** Largest activity accepted; Teams messages are far smaller (cards are capped near 100 KB). */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The HTTP front: POST /api/messages into the Teams adapter, and GET /health. Bodies are parsed as
 * JSON only and capped; errors never leave the process as stack traces.
 */
export function createServer(app: Application<TurnState>, adapter: TeamsAdapter): restify.Server {
  const server = restify.createServer({ name: 'rds-licensing-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res as never, async (context) => {
      await app.run(context);
    });
  });
  server.get('/health', (_req, res, next) => {
    res.send(200, { ok: true });
    next();
  });
  return server;
}
