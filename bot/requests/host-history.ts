import type { ChangeRequest, Intent, RequestState } from '../domain';

/**
 * What a request's history means for one host: the rules the rate limit and "undo the last change"
 * rest on, in the core so that every store answers them the same way (a store only finds the
 * candidates: requests of these states with this operation).
 */

/** States of a request that still counts against a host's limit, or may have changed it. */
export const IN_FLIGHT: readonly RequestState[] = ['submitted', 'confirmed', 'running'];
export const FINISHED: readonly RequestState[] = ['succeeded', 'failed'];

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function aims(request: ChangeRequest, intent: Intent, host: string): boolean {
  return request.operations.some((op) => op.intent === intent && op.targets.some((target) => same(target, host)));
}

/** Whether the run really changed this host (not a preview, not a no-op). */
function changed(request: ChangeRequest, host: string, needsBackup: boolean): boolean {
  return (request.outcome ?? []).some(
    (outcome) =>
      same(outcome.host, host) &&
      Boolean(outcome.report?.changed) &&
      !outcome.report?.whatIf &&
      (!needsBackup || Boolean(outcome.report?.backup)),
  );
}

/**
 * Counts against the per-host limit: in flight for this operation and host, or finished after `since`
 * having changed the host.
 */
export function countsAgainstLimit(request: ChangeRequest, intent: Intent, host: string, since: string): boolean {
  if (!aims(request, intent, host)) return false;
  if (IN_FLIGHT.includes(request.state)) return true;
  return FINISHED.includes(request.state) && changed(request, host, false) && request.updatedAt >= since;
}

/** A finished request that changed one of these hosts and left a backup there (what "undo" restores). */
export function leftBackupOn(request: ChangeRequest, hosts: readonly string[]): boolean {
  return FINISHED.includes(request.state) && hosts.some((host) => changed(request, host, true));
}
