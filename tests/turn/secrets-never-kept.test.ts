import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { pinoLogger } from '../../adapters/pino/pino-logger';
import { VERB } from '../../cards/verbs';
import {
  actionsOf,
  alex,
  APPROVERS_CHANNEL,
  cardText,
  createTurnHarness,
  isaiah,
  megan,
} from '../support/turn-harness';

/** Planted secrets, one of each shape, each with a marker that must appear nowhere afterwards. */
const CANARIES = {
  password: 'password=CANARY-pw-7731',
  spoken: 'the admin password is CANARY-spoken-7732',
  connection: 'Server=sql01;User Id=sa;Password=CANARY-conn-7733;',
  bearer: 'Bearer CANARYbearer7734abcdef',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJDQU5BUlkiOiI3NzM1In0.CANARYjwt7735',
  storage: 'AccountKey=CANARY-key-7736==',
  url: 'https://svc:CANARY-url-7737@files.fabrikam.com/share',
};
const MARKERS = [
  'CANARY-pw',
  'CANARY-spoken',
  'CANARY-conn',
  'CANARYbearer',
  'CANARYjwt',
  'CANARY-key',
  'CANARY-url',
  'eyJDQU5BUlki',
];
let tried = 0;
let kept = 0;
/** The markers in `text`; every one found counts as a secret kept. */
const found = (text: string | undefined) => {
  const hits = MARKERS.filter((marker) => (text ?? '').includes(marker));
  kept += hits.length;
  return hits;
};

describe('secrets pasted into the bot are never kept', () => {
  afterAll(() => console.log(`secrets: ${tried} planted, ${kept} kept anywhere`));

  it('keeps no planted secret in the database, the cards or the audit, and audits the redaction by kind', async () => {
    const bot = createTurnHarness();
    const shown: unknown[] = [];
    await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
    // In the message text, in a client reset and in a change that needs an approval.
    for (const canary of Object.values(CANARIES)) {
      shown.push(...(await bot.say(`reset the client license on PC-042 (${canary})`)));
      tried += 1;
    }
    const [plan] = await bot.say(`set RDSH01 to per user, ${CANARIES.spoken}`);
    shown.push(plan);
    // In the justification, and in the display name of the one who asks.
    const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
    shown.push((await bot.click(VERB.submit, { ...submit?.data, justification: `INC-9 ${CANARIES.password}` })).value);
    const named = { ...alex, name: `Alex ${CANARIES.bearer}` };
    shown.push(...(await bot.say('reset the client license on PC-043', named)));
    // In a reason to reject.
    shown.push(
      (
        await bot.click(
          VERB.reject,
          { requestId: submit?.data.requestId, reason: `no, ${CANARIES.storage}` },
          megan,
          APPROVERS_CHANNEL,
        )
      ).value,
    );
    tried += 3;

    expect(shown.flatMap((card) => found(JSON.stringify(card)))).toEqual([]);
    expect(bot.timeline.flatMap((step) => found(JSON.stringify(step.card)))).toEqual([]);
    expect(found(JSON.stringify(bot.notifier))).toEqual([]);
    // The database file and its journal, byte for byte.
    const folder = dirname(bot.databaseFile);
    for (const file of readdirSync(folder))
      expect(found(readFileSync(`${folder}/${file}`).toString('latin1'))).toEqual([]);
    const redactions = (await bot.store.query({ limit: 200 })).filter((record) => record.kind === 'request.redacted');
    expect(redactions.length).toBeGreaterThanOrEqual(Object.keys(CANARIES).length);
    expect(new Set(redactions.flatMap((record) => record.data.kinds as string[]))).toEqual(
      new Set(['secret value', 'token', 'url credentials']),
    );
    expect(cardText(plan)).toContain('the admin password is \\[redacted\\]');
  });

  it('keeps no planted secret in a log line, and the line stays JSON', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const log = pinoLogger(sink);
    log.error('turn failed', { error: `Error: login failed, ${CANARIES.connection}`, nested: { url: CANARIES.url } });
    log.warn('odd token', { header: `Authorization: ${CANARIES.bearer}`, jwt: CANARIES.jwt });
    log.info('a field named for its secret', {
      password: 'CANARY-pw-by-name',
      headers: { authorization: 'CANARY-url-h' },
    });
    tried += 5;
    expect(lines.flatMap(found)).toEqual([]);
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(['error', 'warn', 'info']);
    expect(JSON.parse(lines[2] ?? '{}')).toMatchObject({
      message: 'a field named for its secret',
      password: '[redacted]',
    });
  });
});
