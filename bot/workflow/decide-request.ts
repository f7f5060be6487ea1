import type { ChangeRequest, RequestState, Requester } from '../domain';
import type { WorkflowDeps } from './deps';
import { expireRequest } from './expire-requests';
import { recordStep } from './record-step';
import { checkPolicy } from './request-hosts';
import { moveAudited } from '../requests/audited-move';
import { move } from '../requests/lifecycle';

/** The answer to a Confirm or Cancel click; every kind is an expected outcome rendered as a card. */
export type DecisionOutcome =
  | { kind: 'confirmed'; request: ChangeRequest }
  | { kind: 'cancelled'; request: ChangeRequest }
  | { kind: 'already-decided'; request: ChangeRequest }
  | { kind: 'expired'; request: ChangeRequest }
  | { kind: 'stale'; request: ChangeRequest }
  | { kind: 'not-yours'; request: ChangeRequest }
  | { kind: 'refused'; request: ChangeRequest; reason: string }
  | { kind: 'not-found' };

export interface Decision {
  requestId: string;
  fingerprint: string;
  actor: Requester;
}

/**
 * Confirm a pending plan. Everything is checked here, on the server: the request exists and is still
 * pending, has not expired, the click carries the fingerprint of the plan shown, the clicker is the
 * requester and still holds the role. The move itself is one compare-and-set, then audited; if the
 * audit cannot be written the request fails and nothing runs.
 */
export async function confirmRequest(deps: WorkflowDeps, decision: Decision): Promise<DecisionOutcome> {
  const checked = await checkDecision(deps, decision);
  if ('kind' in checked) return checked;
  const { request } = checked;
  if ((request.approval?.needed ?? 0) > 0) {
    return { kind: 'refused', request, reason: 'This change needs approvers: use "Ask for approval" on the card.' };
  }
  const policy = checkPolicy(deps, decision.actor, request);
  if (!policy.allowed) return { kind: 'refused', request, reason: policy.reason };

  const confirmed = await moveAudited(
    deps,
    request,
    'confirm',
    { decidedBy: decision.actor.oid, updatedAt: deps.clock.now().toISOString() },
    'pending',
    () => ({
      kind: 'request.confirmed',
      requestId: request.id,
      actor: decision.actor.oid,
      data: { fingerprint: request.fingerprint },
    }),
    'The audit log cannot be written, so nothing was changed.',
  );
  if (!confirmed) return alreadyDecided(deps, request.id);
  return { kind: 'confirmed', request: confirmed };
}

/**
 * Cancel a pending plan or a request waiting for approvers (requester only). Also a compare-and-set:
 * cancelling twice is harmless.
 */
export async function cancelRequest(deps: WorkflowDeps, decision: Decision): Promise<DecisionOutcome> {
  const checked = await checkDecision(deps, decision, { ignoreExpiry: true, states: ['pending', 'submitted'] });
  if ('kind' in checked) return checked;
  const cancelled = await move(deps.store, checked.request, 'cancel', {
    decidedBy: decision.actor.oid,
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!cancelled) return alreadyDecided(deps, checked.request.id);
  await recordStep(
    deps,
    { kind: 'request.cancelled', requestId: cancelled.id, actor: decision.actor.oid, data: {} },
    'warn',
  );
  // A request waiting for approvers is on the approvals channel too: that card loses its buttons.
  if (cancelled.approval?.channel?.activityId) {
    await deps.notifier.updateApprovalCard(cancelled, []).catch((error: unknown) => {
      deps.log.warn('could not update the approval card', { requestId: cancelled.id, error: String(error) });
    });
  }
  return { kind: 'cancelled', request: cancelled };
}

/**
 * The requester's own clicks (Confirm, Ask for approval, Cancel): the request exists, is theirs, is in
 * a state the click applies to, has not expired (an overdue one is expired on the spot) and the card
 * carries the fingerprint of the plan shown.
 */
export async function checkDecision(
  deps: WorkflowDeps,
  decision: Decision,
  options: { ignoreExpiry?: boolean; states?: RequestState[] } = {},
): Promise<{ request: ChangeRequest } | DecisionOutcome> {
  const request = await deps.store.get(decision.requestId);
  if (!request) return { kind: 'not-found' };
  if (
    request.requester.oid.toLowerCase() !== decision.actor.oid.toLowerCase() ||
    request.requester.tenantId !== decision.actor.tenantId
  ) {
    return { kind: 'not-yours', request };
  }
  if (!(options.states ?? ['pending']).includes(request.state)) return { kind: 'already-decided', request };
  if (!options.ignoreExpiry && deps.clock.now().getTime() > Date.parse(request.expiresAt)) {
    return { kind: 'expired', request: (await expireRequest(deps, request)) ?? request };
  }
  if (decision.fingerprint !== request.fingerprint) return { kind: 'stale', request };
  return { request };
}

export async function alreadyDecided(deps: WorkflowDeps, id: string): Promise<DecisionOutcome> {
  const current = await deps.store.get(id);
  return current ? { kind: 'already-decided', request: current } : { kind: 'not-found' };
}
