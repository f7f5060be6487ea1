import type { KeyObject } from 'node:crypto';
import type { Logger } from '../errors';
import type {
  AuditEntry,
  AuditHeadSource,
  AuditKind,
  AuditLog,
  AuditQuery,
  AuditRecord,
  CheckpointSink,
  Clock,
} from '../ports';
import { checkpointHash, FIRST_CHECKPOINT, keyIdOf, signCheckpoint } from './checkpoint';

export interface CheckpointPolicy {
  /** A checkpoint after this many records at most. */
  everyRecords: number;
  /** And at least this often while records keep coming (ms). */
  everyMs: number;
  /** Changes stop when no sink took a checkpoint for this many records… */
  failClosedAfterRecords: number;
  /** …or for this long with records not covered (ms). */
  failClosedAfterMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
  everyRecords: 100,
  everyMs: 5 * 60_000,
  failClosedAfterRecords: 500,
  failClosedAfterMs: 30 * 60_000,
};

/** An approval and an execution are anchored at once: those are the records someone would most want gone. */
const ANCHORED: ReadonlySet<AuditKind> = new Set(['request.approved', 'execution.started', 'execution.finished']);

/** Thrown by `append` when the log has gone uncovered too long: the workflow then stops changes. */
export class CheckpointsNotTaken extends Error {
  constructor(records: number, sinks: string[]) {
    super(`no checkpoint sink (${sinks.join(', ')}) has taken a checkpoint for ${records} records`);
    this.name = 'CheckpointsNotTaken';
  }
}

/**
 * The audit log with signed checkpoints of its head (ADR 0017): after N records, at every approval and
 * execution, every T minutes and at close. A checkpoint is signed while the writer holds the log's write
 * lock, so two processes on one file chain their checkpoints in one line. When no sink takes one for K
 * records or T' minutes, appends fail, which stops plans, approvals and runs (they must be audited);
 * reads go on, since their records are best effort.
 */
export class CheckpointingAudit implements AuditLog {
  private uncovered = 0;
  private lastTaken: number;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly keyId: string;

  constructor(
    private readonly inner: AuditLog,
    private readonly head: AuditHeadSource,
    private readonly key: KeyObject,
    private readonly sinks: readonly CheckpointSink[],
    private readonly policy: CheckpointPolicy,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Told each time no sink took a checkpoint that was due (the alerts of ADR 0024). */
    private readonly missed: (detail: { uncovered: number; sinks: string }) => void = () => undefined,
  ) {
    this.keyId = keyIdOf(key);
    this.lastTaken = clock.now().getTime();
    this.timer = setInterval(() => this.uncovered > 0 && void this.checkpoint(), policy.everyMs);
    this.timer.unref();
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.overdue() && !(await this.checkpoint())) {
      throw new CheckpointsNotTaken(
        this.uncovered,
        this.sinks.map((s) => s.name),
      );
    }
    const record = await this.inner.append(entry);
    this.uncovered += 1;
    if (this.uncovered >= this.policy.everyRecords || ANCHORED.has(entry.kind)) await this.checkpoint();
    return record;
  }

  query(filter: AuditQuery): Promise<AuditRecord[]> {
    return this.inner.query(filter);
  }

  /** Signs the head and hands it to every sink; true when at least one took it. */
  async checkpoint(): Promise<boolean> {
    try {
      const taken = await this.head.atHead((head) => {
        const [primary] = this.sinks;
        const last = primary?.last();
        if (head.seq === 0 || (last && last.seq === head.seq && last.head === head.hash)) return 1;
        const body = {
          logId: head.logId,
          seq: head.seq,
          head: head.hash,
          time: this.clock.now().toISOString(),
          keyId: this.keyId,
          prev: last ? checkpointHash(last) : FIRST_CHECKPOINT,
        };
        const signed = signCheckpoint(body, this.key);
        let took = 0;
        for (const sink of this.sinks) {
          try {
            sink.write(signed);
            took += 1;
          } catch (error) {
            this.log.error('a checkpoint sink did not take the checkpoint', { sink: sink.name, error: String(error) });
          }
        }
        return took;
      });
      if (taken === 0) return this.notTaken();
      this.uncovered = 0;
      this.lastTaken = this.clock.now().getTime();
      return true;
    } catch (error) {
      this.log.error('could not take an audit checkpoint', { error: String(error) });
      return this.notTaken();
    }
  }

  private notTaken(): false {
    this.missed({ uncovered: this.uncovered, sinks: this.sinks.map((s) => s.name).join(', ') });
    return false;
  }

  /** A clean stop leaves the log at rest covered up to its head. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    // Always: another process on the same file may have appended since the last checkpoint.
    await this.checkpoint();
  }

  private overdue(): boolean {
    if (this.uncovered === 0) return false;
    return (
      this.uncovered >= this.policy.failClosedAfterRecords ||
      this.clock.now().getTime() - this.lastTaken >= this.policy.failClosedAfterMs
    );
  }
}
