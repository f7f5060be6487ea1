import type { Logger } from '../errors';
import type { AuditEntry, AuditLog, AuditQuery, AuditRecord, RecordForwarder } from '../ports';

/**
 * The audit log with each record, once written, handed to forwarders (a SIEM's syslog or file). A
 * forwarder never blocks or fails an append: it queues, and drops (counted) when its bound is reached.
 * Drops are logged when their count grows, at most once a minute.
 */
export class ForwardingAudit implements AuditLog {
  private reported = 0;
  private lastReport = 0;

  constructor(
    private readonly inner: AuditLog,
    private readonly forwarders: readonly RecordForwarder[],
    private readonly log: Logger,
  ) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const record = await this.inner.append(entry);
    for (const forwarder of this.forwarders) {
      try {
        forwarder.forward(record);
      } catch (error) {
        this.log.warn('an audit forwarder failed', { error: String(error) });
      }
    }
    this.reportDrops();
    return record;
  }

  query(filter: AuditQuery): Promise<AuditRecord[]> {
    return this.inner.query(filter);
  }

  private reportDrops(): void {
    const dropped = this.forwarders.reduce((sum, f) => sum + f.dropped, 0);
    if (dropped > this.reported && Date.now() - this.lastReport > 60_000) {
      this.log.warn('audit records not forwarded (the forwarder is slow or down)', { dropped });
      this.reported = dropped;
      this.lastReport = Date.now();
    }
  }
}
