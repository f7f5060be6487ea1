import type { PlannedOperation } from '../domain';
import type { ApprovalNeed } from '../policy/check-request';
import type { WorkflowDeps } from './deps';

const DAY_MS = 86_400_000;

/**
 * The limit that depends on history: at most one change per host in N days, counting requests still in
 * flight (so two grace resets cannot be approved side by side) but not `self`. Checked when a request is
 * made, when it is submitted and again just before it runs, each time right after the policy check
 * (which covers roles and the change window).
 */
export async function checkRateLimits(
  deps: WorkflowDeps,
  need: Pick<ApprovalNeed, 'rateLimits'> | undefined,
  operations: PlannedOperation[],
  self?: string,
): Promise<{ ok: true } | { ok: false; code: 'rate_limited'; reason: string }> {
  const now = deps.clock.now();
  for (const limit of need?.rateLimits ?? []) {
    const since = new Date(now.getTime() - limit.days * DAY_MS).toISOString();
    for (const operation of operations.filter((op) => op.intent === limit.intent)) {
      for (const host of operation.targets) {
        const [last] = (await deps.store.changesOn(limit.intent, host, since)).filter((request) => request.id !== self);
        if (last) {
          const when =
            last.state === 'succeeded' || last.state === 'failed'
              ? `was done on ${last.updatedAt.slice(0, 10)}`
              : 'is already waiting or running';
          return {
            ok: false,
            code: 'rate_limited',
            reason: `${host}: this change ${when} (request ${last.id}). It is allowed at most once every ${limit.days} days per host.`,
          };
        }
      }
    }
  }
  return { ok: true };
}
