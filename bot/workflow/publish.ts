import type { ChangeRequest } from '../domain';
import { membersWithRoles } from '../policy/policy';
import type { WorkflowDeps } from './deps';

/** Who may still approve this request: the roles it needs, not the requester, not someone who voted. */
export function pendingApprovers(deps: WorkflowDeps, request: ChangeRequest): string[] {
  const approval = request.approval;
  if (request.state !== 'submitted' || !approval) return [];
  const excluded = new Set(
    [request.requester.oid, ...approval.votes.map((vote) => vote.oid)].map((oid) => oid.toLowerCase()),
  );
  return membersWithRoles(deps.policy, approval.roles)
    .map((member) => member.oid)
    .filter((oid) => !excluded.has(oid.toLowerCase()));
}

/**
 * Shows a request's new state everywhere it is on screen: the requester's card in their chat and,
 * for approval requests, the card in the approvals channel. A failed update is logged, never fatal:
 * the stored request is the truth and `request.status` shows it.
 */
export async function publish(deps: WorkflowDeps, request: ChangeRequest): Promise<void> {
  await deps.notifier.updateRequestCard(request).catch((error: unknown) => {
    deps.log.warn('could not update the requester card', { requestId: request.id, error: String(error) });
  });
  if (request.approval?.channel?.activityId) {
    await deps.notifier.updateApprovalCard(request, pendingApprovers(deps, request)).catch((error: unknown) => {
      deps.log.warn('could not update the approval card', { requestId: request.id, error: String(error) });
    });
  }
}
