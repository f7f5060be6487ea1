import { randomUUID } from 'node:crypto';

/**
 * An unexpected failure that reaches a user: a stable code and a correlation id they can quote,
 * never a stack trace or stderr. The cause stays in the log.
 */
export class BotError extends Error {
  readonly correlationId: string;

  constructor(
    readonly code: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = 'BotError';
    this.correlationId = randomUUID().slice(0, 8);
  }
}

/** The minimal logger the core needs; the composition root decides where lines go. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
