import pino, { type DestinationStream } from 'pino';
import type { Logger } from '../../bot/errors';
import { redactFields } from '../../bot/secrets/redact-secrets';

/**
 * Fields that carry a secret by their name, wherever they sit: censored by pino's path redaction
 * whatever their content. Secrets inside other strings (a pasted password in an error message) are
 * caught by the content redaction, applied to every field first.
 */
const SECRET_PATHS = [
  'password',
  'secret',
  'token',
  'authorization',
  'clientSecret',
  'privateKeyPem',
  'BOT_PASSWORD',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
  '*.clientSecret',
  '*.privateKeyPem',
  '*.headers.authorization',
];

/**
 * The bot's log: JSON lines through pino (level, time, message, then the fields), to stdout unless
 * told otherwise. Written synchronously: a bot killed with SIGKILL loses no line it had written.
 */
export function pinoLogger(destination: DestinationStream = pino.destination({ fd: 1, sync: true })): Logger {
  const log = pino(
    {
      base: { service: 'rds-licensing-bot' },
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  const write = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) =>
    log[level](redactFields(fields ?? {}) as Record<string, unknown>, message);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
