import { generateKeyPairSync } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyslogCheckpointSink, SyslogRecordForwarder } from '../../adapters/syslog/syslog-sinks';
import { SyslogTransport } from '../../adapters/syslog/syslog-transport';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { signedBy } from '../../bot/audit/checkpoint';
import { CheckpointingAudit } from '../../bot/audit/checkpointing-audit';
import { ForwardingAudit } from '../../bot/audit/forwarding-audit';
import { silentLogger } from '../../bot/errors';

const newStore = (): SqliteStore =>
  new SqliteStore(join(mkdtempSync(join(tmpdir(), 'rdsbot-syslog-')), 'bot.sqlite'), { now: () => new Date() });
const entry = (i: number) => ({
  kind: 'request.planned' as const,
  requestId: `r-${i}`,
  actor: 'oid',
  data: { text: `PC-${i}` },
});
/** The JSON message of an RFC 5424 line: everything after the structured data. */
const messageOf = (line: string): Record<string, unknown> => JSON.parse(line.slice(line.indexOf('] ') + 2));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('audit records forwarded to syslog', () => {
  it('sends each record over UDP as RFC 5424, facility log audit', async () => {
    const lines: string[] = [];
    const listener = createSocket('udp4').on('message', (message) => lines.push(message.toString()));
    await new Promise<void>((resolve) => listener.bind(0, '127.0.0.1', resolve));
    const store = newStore();
    const transport = new SyslogTransport({ protocol: 'udp', host: '127.0.0.1', port: listener.address().port });
    const audit = new ForwardingAudit(store, [new SyslogRecordForwarder(transport)], silentLogger);
    for (let i = 1; i <= 3; i++) await audit.append(entry(i));
    await until(() => lines.length === 3);
    expect(lines[0]).toMatch(
      /^<110>1 \d{4}-\d\d-\d\dT[\d:.]+Z \S+ rds-licensing-bot \d+ audit \[rdsbot@32473 seq="1" kind="request.planned"\] /,
    );
    expect(lines.map((line) => messageOf(line).seq)).toEqual([1, 2, 3]);
    transport.close();
    listener.close();
    store.close();
  });

  it('sends each record over TCP with its length in front (RFC 6587)', async () => {
    let received = '';
    const server = createServer((socket) => socket.on('data', (chunk) => (received += chunk.toString())));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const store = newStore();
    const transport = new SyslogTransport({
      protocol: 'tcp',
      host: '127.0.0.1',
      port: (server.address() as { port: number }).port,
    });
    const audit = new ForwardingAudit(store, [new SyslogRecordForwarder(transport)], silentLogger);
    for (let i = 1; i <= 3; i++) await audit.append(entry(i));
    await until(() => (received.match(/<110>1/g) ?? []).length === 3);
    const [length, rest] = [
      Number(received.slice(0, received.indexOf(' '))),
      received.slice(received.indexOf(' ') + 1),
    ];
    expect(Buffer.byteLength(rest.slice(0, length))).toBe(length);
    expect(messageOf(rest.slice(0, length)).seq).toBe(1);
    transport.close();
    server.close();
    store.close();
  });

  it('never holds up the bot when the listener stops reading: every record is kept, the overflow counted', async () => {
    const held: Socket[] = [];
    const stalled: Server = createServer((socket) => {
      socket.pause();
      held.push(socket);
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const store = newStore();
    const transport = new SyslogTransport(
      { protocol: 'tcp', host: '127.0.0.1', port: (stalled.address() as { port: number }).port },
      50,
    );
    const forwarder = new SyslogRecordForwarder(transport);
    const audit = new ForwardingAudit(store, [forwarder], silentLogger);
    const padding = 'x'.repeat(4000);
    for (let i = 1; i <= 2000; i++) await audit.append({ ...entry(i), data: { padding } });
    expect([...store.auditRecords()]).toHaveLength(2000);
    expect(forwarder.dropped).toBeGreaterThan(0);
    expect(transport.waiting).toBeLessThanOrEqual(50);
    transport.close();
    for (const socket of held) socket.destroy();
    stalled.close();
    store.close();
  });
});

describe('checkpoints sent to syslog', () => {
  it('arrive signed, beside the file copy', async () => {
    const lines: string[] = [];
    const listener = createSocket('udp4').on('message', (message) => lines.push(message.toString()));
    await new Promise<void>((resolve) => listener.bind(0, '127.0.0.1', resolve));
    const store = newStore();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const transport = new SyslogTransport({ protocol: 'udp', host: '127.0.0.1', port: listener.address().port });
    const audit = new CheckpointingAudit(
      store,
      store,
      privateKey,
      [new SyslogCheckpointSink(transport, 'udp://127.0.0.1')],
      { everyRecords: 2, everyMs: 3_600_000, failClosedAfterRecords: 10, failClosedAfterMs: 3_600_000 },
      { now: () => new Date() },
      silentLogger,
    );
    for (let i = 1; i <= 4; i++) await audit.append(entry(i));
    await until(() => lines.length >= 2);
    const checkpoint = messageOf(lines[1]!) as never;
    expect(lines[1]).toContain(' checkpoint [rdsbot@32473 seq="4"');
    expect(signedBy(checkpoint, publicKey)).toBe(true);
    transport.close();
    listener.close();
    store.close();
  });
});
