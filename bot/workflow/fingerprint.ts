import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-chain';
import type { HostOutcome, PlannedOperation } from '../domain';

/**
 * Binds a confirmation to the exact plan shown: the operations, their hosts and what the preview
 * found there. A card carrying another fingerprint confirms nothing.
 */
export function planFingerprint(operations: PlannedOperation[], preview: HostOutcome[]): string {
  const seen = preview.map((outcome) => ({
    host: outcome.host,
    status: outcome.status,
    changed: outcome.report?.changed ?? null,
    items: outcome.report?.items ?? null,
    error: outcome.error?.code ?? null,
  }));
  return createHash('sha256').update(canonicalJson({ operations, seen })).digest('hex').slice(0, 32);
}
