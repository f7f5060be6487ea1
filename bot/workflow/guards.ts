import type { ChangeRequest, RequestState, Requester } from '../domain';
import { checkApprover } from '../policy/check-request';
import type { WorkflowDeps } from './deps';
import { expireRequest } from './expire-request';
import type { ApprovalOutcome, DecisionOutcome } from './outcomes';
import { recordStep } from './record-step';

/**
 * The checks every click shares, in one place: whose request it is, whether it is still fresh (state,
 * expiry, the plan the card showed), and whether an approver may decide it now.
 */

/** A click on a card: which request, the plan fingerprint the card showed, who clicked. */
export interface Click {
  requestId: string;
  fingerprint: string;
  actor: Requester;
}

export function isOwner(request: ChangeRequest, actor: Requester): boolean {
  return (
    request.requester.oid.toLowerCase() === actor.oid.toLowerCase() && request.requester.tenantId === actor.tenantId
  );
}

export function hasVoted(request: ChangeRequest, oid: string): boolean {
  return (request.approval?.votes ?? []).some((vote) => vote.oid.toLowerCase() === oid.toLowerCase());
}

function isOverdue(deps: WorkflowDeps, request: ChangeRequest): boolean {
  return deps.clock.now().getTime() > Date.parse(request.expiresAt);
}

/**
 * The requester's own clicks (Confirm, Ask for approval, Cancel): the request exists, is theirs, is in
 * a state the click applies to, has not expired (an overdue one is expired on the spot) and the card
 * carries the fingerprint of the plan shown.
 */
export async function checkOwnClick(
  deps: WorkflowDeps,
  click: Click,
  options: { ignoreExpiry?: boolean; states?: RequestState[] } = {},
): Promise<{ request: ChangeRequest } | DecisionOutcome> {
  const request = await deps.store.get(click.requestId);
  if (!request) return { kind: 'not-found' };
  if (!isOwner(request, click.actor)) return { kind: 'not-yours', request };
  if (!(options.states ?? ['pending']).includes(request.state)) return { kind: 'already-decided', request };
  if (!options.ignoreExpiry && isOverdue(deps, request)) {
    return { kind: 'expired', request: (await expireRequest(deps, request)) ?? request };
  }
  if (click.fingerprint !== request.fingerprint) return { kind: 'stale', request };
  return { request };
}

/** After a lost compare-and-set: the request as it is now. */
export async function alreadyDecided(deps: WorkflowDeps, id: string): Promise<DecisionOutcome & ApprovalOutcome> {
  const current = await deps.store.get(id);
  return current ? { kind: 'already-decided', request: current } : { kind: 'not-found' };
}

/**
 * An approver's click, every check on the server, in this order: the request exists; the approver is
 * of the requester's (allowed) tenant, not the requester, not a guest, and holds the approver role now;
 * the request is still waiting and not expired; the card shows the stored plan (fingerprint); this
 * approver has not voted yet. A refusal is audited.
 */
export async function checkApproverClick(
  deps: WorkflowDeps,
  click: Click,
): Promise<{ request: ChangeRequest } | ApprovalOutcome> {
  const request = await deps.store.get(click.requestId);
  if (!request?.approval || request.approval.needed === 0) {
    await auditDenied(deps, click, 'not_found');
    return { kind: 'not-found' };
  }
  const approver = checkApprover(deps.policy, click.actor, request.requester, request.approval.roles);
  if (!approver.ok) {
    await auditDenied(deps, click, approver.code);
    return { kind: 'refused', request, code: approver.code, reason: approver.reason };
  }
  if (request.state !== 'submitted') {
    if (hasVoted(request, click.actor.oid)) return { kind: 'already-voted', request };
    await auditDenied(deps, click, `state_${request.state}`);
    return { kind: 'already-decided', request };
  }
  if (isOverdue(deps, request)) {
    await auditDenied(deps, click, 'expired');
    return { kind: 'expired', request: (await expireRequest(deps, request)) ?? request };
  }
  if (click.fingerprint !== request.fingerprint) {
    await auditDenied(deps, click, 'fingerprint_mismatch');
    return { kind: 'stale', request };
  }
  if (hasVoted(request, click.actor.oid)) return { kind: 'already-voted', request };
  return { request };
}

/** Whether `actor` could approve `request` now (the same rules, without auditing a look). */
export function mayDecide(deps: WorkflowDeps, request: ChangeRequest, actor: Requester): boolean {
  return (
    request.state === 'submitted' &&
    !isOverdue(deps, request) &&
    Boolean(request.approval) &&
    checkApprover(deps.policy, actor, request.requester, request.approval?.roles ?? []).ok &&
    !hasVoted(request, actor.oid)
  );
}

async function auditDenied(deps: WorkflowDeps, click: Click, code: string): Promise<void> {
  await recordStep(
    deps,
    {
      kind: 'approval.denied',
      requestId: /^[A-Za-z0-9-]{1,64}$/.test(click.requestId) ? click.requestId : '-',
      actor: click.actor.oid,
      data: { code, tenant: click.actor.tenantId },
    },
    'warn',
  );
}
