import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { alreadyDecided, checkOwnClick, type Click } from './guards';
import type { DecisionOutcome } from './outcomes';

/**
 * Cancel a pending plan or a request waiting for approvers (requester only). Also a compare-and-set:
 * cancelling twice is harmless.
 */
export async function cancelRequest(deps: WorkflowDeps, click: Click): Promise<DecisionOutcome> {
  const checked = await checkOwnClick(deps, click, { ignoreExpiry: true, states: ['pending', 'submitted'] });
  if ('kind' in checked) return checked;
  const cancelled = await move(deps, checked.request, 'cancel', {
    patch: { decidedBy: click.actor.oid, updatedAt: deps.clock.now().toISOString() },
    record: (moved) => ({ kind: 'request.cancelled', requestId: moved.id, actor: click.actor.oid, data: {} }),
  });
  if (!cancelled) return alreadyDecided(deps, checked.request.id);
  // A request waiting for approvers is on the approvals channel too: that card loses its buttons.
  if (cancelled.approval?.channel?.activityId) {
    await deps.notifier.updateApprovalCard(cancelled, []).catch((error: unknown) => {
      deps.log.warn('could not update the approval card', { requestId: cancelled.id, error: String(error) });
    });
  }
  return { kind: 'cancelled', request: cancelled };
}
