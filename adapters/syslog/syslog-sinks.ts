import type { SignedCheckpoint } from '../../bot/audit/checkpoint';
import type { AuditRecord, CheckpointSink, RecordForwarder } from '../../bot/ports';
import { syslogLine, type SyslogTransport } from './syslog-transport';

/**
 * Checkpoints to syslog (ADR 0017): a copy on another machine. A send only queues, so the sink says it
 * did not take a checkpoint while the target is known down or its queue is full; that is what the
 * fail-closed rule counts.
 */
export class SyslogCheckpointSink implements CheckpointSink {
  readonly name: string;

  constructor(
    private readonly transport: SyslogTransport,
    target: string,
  ) {
    this.name = `syslog ${target}`;
  }

  last(): SignedCheckpoint | undefined {
    return undefined;
  }

  write(checkpoint: SignedCheckpoint): void {
    if (!this.transport.healthy) throw new Error(`${this.name} is not answering`);
    const line = syslogLine('checkpoint', { seq: checkpoint.seq, logId: checkpoint.logId }, checkpoint, new Date());
    if (!this.transport.send(line)) throw new Error(`${this.name}: queue full`);
  }
}

/** Each audit record as written, to a SIEM over syslog; never waits for it. */
export class SyslogRecordForwarder implements RecordForwarder {
  constructor(private readonly transport: SyslogTransport) {}

  forward(record: AuditRecord): void {
    this.transport.send(syslogLine('audit', { seq: record.seq, kind: record.kind }, record, new Date()));
  }

  get dropped(): number {
    return this.transport.dropped;
  }

  close(): void {
    this.transport.close();
  }
}
