import { Writable } from 'node:stream';
import { pinoLogger } from '../../../adapters/pino/pino-logger';
import { rememberSecret } from '../../../bot/secrets/configured-secrets';
import { redactSecrets } from '../../../bot/secrets/redact-secrets';

/** A canary with no name or shape a pattern could catch: only remembering its value redacts it. */
const CANARY = 'CANARYcfg7751qwertyuiop';

describe("the bot's own configured secrets", () => {
  beforeAll(() => rememberSecret(CANARY));

  it('are redacted by value and audited by kind', () => {
    expect(redactSecrets(`upstream said: ${CANARY} is not valid`)).toEqual({
      text: 'upstream said: [redacted secret] is not valid',
      kinds: ['configured secret'],
    });
  });

  it('never reach a log line, in the message fields or nested', () => {
    const lines: string[] = [];
    const log = pinoLogger(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    log.error('token request failed', { error: `AADSTS7000215: ${CANARY}`, detail: { body: [CANARY] } });
    expect(lines.join('')).not.toContain(CANARY);
    expect(lines.join('')).toContain('token request failed');
  });

  it('are not remembered when too short to replace safely', () => {
    rememberSecret('abc');
    expect(redactSecrets('abc').text).toBe('abc');
  });
});
