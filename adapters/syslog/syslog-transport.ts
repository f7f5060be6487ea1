import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { hostname } from 'node:os';
import { connect, type Socket } from 'node:net';

export interface SyslogTarget {
  protocol: 'udp' | 'tcp';
  host: string;
  port: number;
}

/** `udp://127.0.0.1:514`, `tcp://siem.example.org:6514`: how an admin writes a syslog target. */
export function parseSyslogUrl(url: string): SyslogTarget {
  const match = /^(udp|tcp):\/\/([^:/]+|\[[^\]]+\]):(\d{1,5})$/.exec(url.trim());
  if (!match) throw new Error(`${url} is not a syslog target (udp://host:port or tcp://host:port)`);
  return { protocol: match[1] as 'udp' | 'tcp', host: match[2]!.replace(/^\[|\]$/g, ''), port: Number(match[3]) };
}

/** RFC 5424 with facility 13 (log audit), severity 6 (informational); the message is one JSON object. */
export function syslogLine(
  msgId: string,
  structured: Record<string, string | number>,
  message: object,
  at: Date,
): string {
  const escape = (value: string | number): string => String(value).replace(/["\\\]]/g, (c) => `\\${c}`);
  const params = Object.entries(structured)
    .map(([key, value]) => `${key}="${escape(value)}"`)
    .join(' ');
  return `<110>1 ${at.toISOString()} ${hostname() || '-'} rds-licensing-bot ${process.pid} ${msgId} [rdsbot@32473 ${params}] ${JSON.stringify(message)}`;
}

/**
 * A syslog sender that never blocks its caller: lines wait in a bounded queue (oldest kept, newest
 * dropped and counted when full) and go out one at a time; TCP frames each with its length (RFC 6587
 * octet counting) and reconnects after an error. `healthy` is false while the target is known down.
 */
export class SyslogTransport {
  private readonly queue: string[] = [];
  private tcp: Socket | undefined;
  private udp: UdpSocket | undefined;
  private sending = false;
  dropped = 0;
  sent = 0;
  healthy = true;

  constructor(
    private readonly target: SyslogTarget,
    private readonly capacity = 10_000,
  ) {}

  send(line: string): boolean {
    if (this.queue.length >= this.capacity) {
      this.dropped += 1;
      return false;
    }
    this.queue.push(line);
    this.pump();
    return true;
  }

  get waiting(): number {
    return this.queue.length;
  }

  close(): void {
    this.tcp?.destroy();
    this.udp?.close();
    this.tcp = undefined;
    this.udp = undefined;
  }

  private pump(): void {
    if (this.sending) return;
    const line = this.queue[0];
    if (line === undefined) return;
    this.sending = true;
    const done = (error?: Error | null): void => {
      this.sending = false;
      this.healthy = !error;
      if (error) {
        this.tcp?.destroy();
        this.tcp = undefined;
        // Retried after a pause; the queue bounds what waits meanwhile.
        setTimeout(() => this.pump(), 1000).unref();
        return;
      }
      this.queue.shift();
      this.sent += 1;
      this.pump();
    };
    if (this.target.protocol === 'udp') {
      this.udp ??= createSocket(this.target.host.includes(':') ? 'udp6' : 'udp4').unref();
      this.udp.send(line, this.target.port, this.target.host, (error) => done(error));
      return;
    }
    const socket = this.tcp ?? this.openTcp();
    const bytes = Buffer.from(line);
    // write() returns false on a stalled reader; the callback then waits, and the queue holds the rest.
    socket.write(`${bytes.length} ${line}`, (error) => done(error));
  }

  private openTcp(): Socket {
    const socket = connect({ host: this.target.host, port: this.target.port });
    socket.unref();
    socket.setNoDelay(true);
    socket.on('error', () => {
      this.healthy = false;
    });
    socket.on('close', () => {
      if (this.tcp === socket) this.tcp = undefined;
    });
    this.tcp = socket;
    return socket;
  }
}
