import type { AuditEntry } from '../ports';
import type { WorkflowDeps } from './deps';

/**
 * Audits a step that has already happened or that changes nothing (a refusal, an expiry, a host result):
 * if the audit log cannot be written, the failure is logged, not thrown. Steps that must not happen
 * unaudited (a plan, a confirmation, an approval, "started") append directly and stop on failure.
 */
export async function recordStep(
  deps: WorkflowDeps,
  entry: AuditEntry,
  level: 'warn' | 'error' = 'error',
): Promise<void> {
  try {
    await deps.audit.append(entry);
  } catch (error) {
    deps.log[level](`could not audit ${entry.kind}`, { requestId: entry.requestId, error: String(error) });
  }
}
