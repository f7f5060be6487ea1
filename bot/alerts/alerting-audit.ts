import type { AuditEntry, AuditLog, AuditQuery, AuditRecord } from '../ports';
import type { AlertRaiser } from './alerts';

/**
 * The audit log as the workflow sees it, raising `audit_fail_closed` when an append fails (ADR 0024):
 * a log that cannot take a record stops every change (no audit, no change), so admins must hear of it
 * and not only the requester. The error still reaches the caller, which refuses as before.
 */
export class AlertingAudit implements AuditLog {
  constructor(
    private readonly inner: AuditLog,
    private readonly alerts: AlertRaiser,
  ) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    try {
      return await this.inner.append(entry);
    } catch (error) {
      // The record's kind and the error's class, never its data (which may hold a user's text).
      const name = error instanceof Error ? error.name : 'Error';
      void this.alerts.raise('audit_fail_closed', { kind: entry.kind, error: name });
      throw error;
    }
  }

  query(filter: AuditQuery): Promise<AuditRecord[]> {
    return this.inner.query(filter);
  }
}
