import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { alreadyDecided, checkOwnClick, type Click } from './guards';
import { type DecisionOutcome, refused } from './outcomes';
import { checkPolicy } from './request-hosts';

/**
 * Confirm a pending plan. Everything is checked here, on the server: the request exists and is still
 * pending, has not expired, the click carries the fingerprint of the plan shown, the clicker is the
 * requester and still holds the role. The move is one compare-and-set, audited fail-closed: if the
 * audit cannot be written the request fails and nothing runs.
 */
export async function confirmRequest(deps: WorkflowDeps, click: Click): Promise<DecisionOutcome> {
  const checked = await checkOwnClick(deps, click);
  if ('kind' in checked) return checked;
  const { request } = checked;
  if ((request.approval?.needed ?? 0) > 0) {
    return refused('This change needs approvers: use "Ask for approval" on the card.', { request });
  }
  const policy = checkPolicy(deps, click.actor, request);
  if (!policy.allowed) return refused(policy.reason, { request, code: policy.code });

  const confirmed = await move(deps, request, 'confirm', {
    patch: { decidedBy: click.actor.oid, updatedAt: deps.clock.now().toISOString() },
    from: 'pending',
    record: () => ({
      kind: 'request.confirmed',
      requestId: request.id,
      actor: click.actor.oid,
      data: { fingerprint: request.fingerprint },
    }),
  });
  if (!confirmed) return alreadyDecided(deps, request.id);
  return { kind: 'confirmed', request: confirmed };
}
