import type { Requester } from '../domain';
import { checkMember } from '../policy/check-member';
import type { WorkflowDeps } from './deps';
import { mayDecide } from './guards';
import type { ApprovalView } from './outcomes';

/**
 * What one person sees on the approval card (the Universal Actions refresh): Approve / Reject only if
 * they could approve it now; everyone else sees the status.
 */
export async function viewApproval(
  deps: WorkflowDeps,
  input: { requestId: string; actor: Requester },
): Promise<ApprovalView> {
  // A refresh from someone the bot does not serve: as if there were no such request.
  if (!checkMember(deps.policy, input.actor).ok) return { kind: 'not-found' };
  const request = await deps.store.get(input.requestId);
  if (!request?.approval) return { kind: 'not-found' };
  return { kind: 'view', request, canDecide: mayDecide(deps, request, input.actor) };
}
