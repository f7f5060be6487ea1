import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import * as restify from 'restify';
import { BotError, type Logger } from '../../bot/errors';
import { hasDuplicateKeys } from '../json/duplicate-keys';
import { withGenericErrors } from './generic-errors';
import { localChatUrl } from './local-reply';
import { checkInboundToken, type GateOptions } from './token-gate';

/** Largest activity accepted; Teams messages are far smaller (cards are capped near 100 KB). */
const MAX_BODY_BYTES = 256 * 1024;

function isActivity(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { type?: unknown }).type === 'string'
  );
}

/**
 * The HTTP front: POST /api/messages into the Teams adapter, and GET /health. Bodies are JSON only
 * and capped. A failing turn is logged with a correlation id and answered 500 with that id only:
 * exception text never leaves the process (botbuilder would put err.message in the body).
 */
/** Set when the bot shuts down: new activities get 503 with Retry-After, so the channel tries again later. */
export interface Intake {
  draining: boolean;
}

export function createServer(
  app: Application<TurnState>,
  adapter: TeamsAdapter,
  log: Logger,
  intake: Intake = { draining: false },
  /** Teams mode: the token must vouch for the activity (token-gate.ts). */
  gate?: GateOptions,
  /** Local mode: replies go to the local chat only (local-reply.ts). */
  local?: { chatUrl?: string },
): restify.Server {
  const server = restify.createServer({ name: 'rds-licensing-bot', handleUncaughtExceptions: false });
  // JSON only: the Bot Framework sends nothing else, so no other body parser is offered to callers.
  // (its body reader takes maxBodySize, which the type definitions leave out)
  server.use(
    restify.plugins.jsonBodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
    } as restify.plugins.JsonBodyParserOptions),
  );
  server.post('/api/messages', async (req, res) => {
    if (intake.draining) {
      res.header('Retry-After', '10');
      res.send(503, { code: 'shutting_down', message: 'The bot is restarting; try again in a moment.' });
      return;
    }
    if (!/^application\/json(;|$)/i.test(req.header('content-type') ?? '')) {
      res.send(415, { code: 'unsupported_media_type', message: 'Activities are application/json.' });
      return;
    }
    if (!isActivity(req.body)) {
      res.send(400, { code: 'bad_request', message: 'Expected a Bot Framework activity.' });
      return;
    }
    const raw = (req as { rawBody?: unknown }).rawBody;
    if (typeof raw === 'string' && hasDuplicateKeys(raw)) {
      log.warn('refused an activity with duplicate JSON keys', {
        activityType: String((req.body as { type: string }).type),
      });
      res.send(400, { code: 'bad_request', message: 'The activity has an object with the same key twice.' });
      return;
    }
    if (local && !localChatUrl((req.body as { serviceUrl?: unknown }).serviceUrl, local.chatUrl)) {
      log.warn('refused an activity whose reply URL is not the local chat');
      res.send(403, { code: 'forbidden', message: 'In local mode the bot answers the local chat only.' });
      return;
    }
    if (gate) {
      const vouched = checkInboundToken(req.header('authorization'), req.body as { serviceUrl?: unknown }, gate);
      if (!vouched.ok) {
        log.warn('refused an activity at the token gate', { why: vouched.why });
        res.send(401, { code: 'unauthorized', message: 'Unauthorized.' });
        return;
      }
    }
    let turnStarted = false;
    await adapter.process(req, withGenericErrors(res, () => turnStarted) as never, async (context) => {
      turnStarted = true;
      try {
        await app.run(context);
      } catch (error) {
        // The same scheme as the error card's: a BotError's code and correlation id, in the log and the answer.
        const failure = new BotError('internal_error', 'Something went wrong.', { cause: error });
        log.error('turn failed', {
          code: failure.code,
          correlationId: failure.correlationId,
          activityType: context.activity.type,
          error: String(error),
        });
        throw new Error(`internal_error (correlation id ${failure.correlationId})`);
      }
    });
  });
  // Probes (load balancers, the Agents Playground's start-up wait) check the endpoint with GET/HEAD.
  const probe: restify.RequestHandler = (_req, res, next) => {
    res.send(200, { ok: true, post: 'Bot Framework activities' });
    next();
  };
  server.get('/api/messages', probe);
  server.head('/api/messages', probe);
  server.get('/health', (_req, res, next) => {
    res.send(intake.draining ? 503 : 200, { ok: !intake.draining });
    next();
  });
  return server;
}
