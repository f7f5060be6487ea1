import type { AuditLog } from './ports';

/**
 * Fault injection for the kill -9 tests (local lab mode only; readConfig refuses it otherwise):
 * `RDSBOT_CRASH_POINT=before:<audit kind>` or `after:<audit kind>` kills this process with SIGKILL
 * just before, or just after, the first audit record of that kind is made durable. The audit log
 * marks every step between approval and result, so each point is a real place a crash can land,
 * reached without timing luck. Nothing is cleaned up: that is the point.
 */
export function crashingAudit(audit: AuditLog, point: string): AuditLog {
  const [when, kind] = point.split(':') as ['before' | 'after', string];
  const die = (): never => {
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable: killed');
  };
  return {
    append: async (entry) => {
      if (when === 'before' && entry.kind === kind) die();
      const record = await audit.append(entry);
      if (when === 'after' && entry.kind === kind) die();
      return record;
    },
    query: (filter) => audit.query(filter),
  };
}
