import type { Requester } from '../domain';
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
  const request = await deps.store.get(input.requestId);
  if (!request?.approval) return { kind: 'not-found' };
  return { kind: 'view', request, canDecide: mayDecide(deps, request, input.actor) };
}
