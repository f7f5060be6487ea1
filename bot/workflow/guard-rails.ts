import type { ChangeRequest, PlannedOperation } from '../domain';
import type { ApprovalNeed } from '../policy/check-request';
import { describeWindow, inWindow } from '../policy/operation-rules';
import type { WorkflowDeps } from './deps';

const DAY_MS = 86_400_000;

/**
 * The limits that depend on history and time: at most one change per host in N days (counting
 * requests still in flight, so two grace resets cannot be approved side by side), and the change
 * window. Checked when a request is made, when it is submitted and again just before it runs.
 */
export async function checkGuardRails(
  deps: WorkflowDeps,
  need: Pick<ApprovalNeed, 'rateLimits' | 'windows'>,
  operations: PlannedOperation[],
  self?: string,
): Promise<{ ok: true } | { ok: false; code: 'rate_limited' | 'outside_window'; reason: string }> {
  const now = deps.clock.now();
  for (const window of need.windows) {
    if (!inWindow(window, now)) {
      return {
        ok: false,
        code: 'outside_window',
        reason: `This change may run only in its change window (${describeWindow(window)}).`,
      };
    }
  }
  for (const limit of need.rateLimits) {
    const since = new Date(now.getTime() - limit.days * DAY_MS).toISOString();
    for (const operation of operations.filter((op) => op.intent === limit.intent)) {
      for (const host of operation.targets) {
        const earlier = (await deps.store.changesOn(limit.intent, host, since)).filter(
          (request: ChangeRequest) => request.id !== self && !isAncestor(request, self),
        );
        const [last] = earlier;
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

/** A request re-submitted after expiry or drift does not count against its own successor. */
function isAncestor(request: ChangeRequest, self: string | undefined): boolean {
  return Boolean(self) && request.approval?.resubmittedAs === self;
}
