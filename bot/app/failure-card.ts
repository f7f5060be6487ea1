import { BotError, type Logger } from '../errors';
import type { AdaptiveCard } from '../../cards/card-kit';
import { errorCard } from '../../cards/message-cards';

/**
 * An unexpected failure as the user sees it: a code and a correlation id, never a stack trace. The
 * cause goes to the log under the same correlation id.
 */
export function failureCard(log: Logger) {
  return (error: unknown, where: string): AdaptiveCard => {
    const known =
      error instanceof BotError ? error : new BotError('internal_error', 'Something went wrong.', { cause: error });
    log.error(`${where} failed`, {
      code: known.code,
      correlationId: known.correlationId,
      error: String(known.cause ?? error),
    });
    return errorCard(known.code, known.correlationId, known.userMessage);
  };
}
