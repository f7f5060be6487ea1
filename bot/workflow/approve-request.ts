import type { ApprovalVote, ChangeRequest, Requester } from '../domain';
import { checkApprover } from '../policy/check-request';
import { readFreeText } from './free-text';
import type { WorkflowDeps } from './deps';
import { expireRequest } from './expire-requests';
import { publish } from './publish';
import { recordStep } from './record-step';
import { moveAudited } from '../requests/audited-move';
import { move } from '../requests/lifecycle';

export type ApprovalOutcome =
  | { kind: 'approved'; request: ChangeRequest }
  | { kind: 'vote-recorded'; request: ChangeRequest }
  | { kind: 'rejected'; request: ChangeRequest }
  | { kind: 'denied'; request: ChangeRequest; code: string; reason: string }
  | { kind: 'already-voted'; request: ChangeRequest }
  | { kind: 'already-decided'; request: ChangeRequest }
  | { kind: 'expired'; request: ChangeRequest }
  | { kind: 'stale'; request: ChangeRequest }
  | { kind: 'needs-reason'; request: ChangeRequest }
  | { kind: 'not-found' };

export interface ApproverDecision {
  requestId: string;
  fingerprint: string;
  actor: Requester;
  /** Reject only: why. */
  reason?: unknown;
}

/**
 * Every check on the server, in this order: the request exists; the approver is of the requester's
 * (allowed) tenant, not the requester, not a guest, and holds the approver role now; the request is
 * still waiting and not expired; the card shows the stored plan (fingerprint); this approver has not
 * voted yet. A refusal is audited.
 */
async function checkApproval(
  deps: WorkflowDeps,
  decision: ApproverDecision,
): Promise<{ request: ChangeRequest } | ApprovalOutcome> {
  const request = await deps.store.get(decision.requestId);
  if (!request?.approval || request.approval.needed === 0) {
    await auditDenied(deps, decision, 'not_found');
    return { kind: 'not-found' };
  }
  const approver = checkApprover(deps.policy, decision.actor, request.requester, request.approval.roles);
  if (!approver.ok) {
    await auditDenied(deps, decision, approver.code);
    return { kind: 'denied', request, code: approver.code, reason: approver.reason };
  }
  if (request.state !== 'submitted') {
    if (hasVoted(request, decision.actor.oid)) return { kind: 'already-voted', request };
    await auditDenied(deps, decision, `state_${request.state}`);
    return { kind: 'already-decided', request };
  }
  if (deps.clock.now().getTime() > Date.parse(request.expiresAt)) {
    await auditDenied(deps, decision, 'expired');
    return { kind: 'expired', request: (await expireRequest(deps, request)) ?? request };
  }
  if (decision.fingerprint !== request.fingerprint) {
    await auditDenied(deps, decision, 'fingerprint_mismatch');
    return { kind: 'stale', request };
  }
  if (hasVoted(request, decision.actor.oid)) return { kind: 'already-voted', request };
  return { request };
}

function hasVoted(request: ChangeRequest, oid: string): boolean {
  return (request.approval?.votes ?? []).some((vote) => vote.oid.toLowerCase() === oid.toLowerCase());
}

async function auditDenied(deps: WorkflowDeps, decision: ApproverDecision, code: string): Promise<void> {
  await recordStep(
    deps,
    {
      kind: 'approval.denied',
      requestId: /^[A-Za-z0-9-]{1,64}$/.test(decision.requestId) ? decision.requestId : '-',
      actor: decision.actor.oid,
      data: { code, tenant: decision.actor.tenantId },
    },
    'warn',
  );
}

/**
 * One approver's yes: a compare-and-set that adds the vote, and moves the request to `confirmed` when
 * it has enough distinct approvers. Two approvers at once: one CAS wins, the other re-reads and is
 * checked again (a second vote on a one-approver request finds it decided). Audited after the CAS;
 * if the audit fails the request fails and nothing runs.
 */
export async function approveRequest(deps: WorkflowDeps, decision: ApproverDecision): Promise<ApprovalOutcome> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const checked = await checkApproval(deps, decision);
    if ('kind' in checked) return checked;
    const { request } = checked;
    const approval = request.approval as NonNullable<ChangeRequest['approval']>;
    const vote: ApprovalVote = {
      oid: decision.actor.oid,
      name: decision.actor.name,
      at: deps.clock.now().toISOString(),
    };
    const votes = [...approval.votes, vote];
    const enough = votes.length >= approval.needed;
    const next = await moveAudited(
      deps,
      request,
      enough ? 'approve' : 'vote',
      {
        updatedAt: vote.at,
        approval: { ...approval, votes },
        ...(enough ? { decidedBy: decision.actor.oid } : {}),
      },
      'submitted',
      (moved) => ({
        kind: 'request.approved',
        requestId: moved.id,
        actor: decision.actor.oid,
        data: { fingerprint: moved.fingerprint, votes: votes.length, needed: approval.needed },
      }),
      'The audit log cannot be written, so the approval was not recorded and nothing runs.',
    );
    if (!next) continue; // someone else decided or voted meanwhile: check again from the top
    await publish(deps, next);
    return { kind: enough ? 'approved' : 'vote-recorded', request: next };
  }
  const current = await deps.store.get(decision.requestId);
  return current ? { kind: 'already-decided', request: current } : { kind: 'not-found' };
}

/** An approver's no, with a reason the requester sees. Same checks as an approval; one CAS. */
export async function rejectRequest(deps: WorkflowDeps, decision: ApproverDecision): Promise<ApprovalOutcome> {
  const checked = await checkApproval(deps, decision);
  if ('kind' in checked) return checked;
  const { request } = checked;
  const reason = readFreeText(decision.reason);
  if (!reason) return { kind: 'needs-reason', request };
  const at = deps.clock.now().toISOString();
  const approval = request.approval as NonNullable<ChangeRequest['approval']>;
  const rejected = await move(
    deps.store,
    request,
    'reject',
    {
      updatedAt: at,
      decidedBy: decision.actor.oid,
      approval: { ...approval, rejection: { oid: decision.actor.oid, name: decision.actor.name, at, reason } },
    },
    'submitted',
  );
  if (!rejected) {
    const current = await deps.store.get(request.id);
    return current ? { kind: 'already-decided', request: current } : { kind: 'not-found' };
  }
  await recordStep(deps, {
    kind: 'request.rejected',
    requestId: rejected.id,
    actor: decision.actor.oid,
    data: { reason },
  });
  await publish(deps, rejected);
  return { kind: 'rejected', request: rejected };
}

/**
 * What one person sees on the approval card (the Universal Actions refresh): Approve / Reject only if
 * they could approve it now; everyone else sees the status.
 */
export async function viewApproval(
  deps: WorkflowDeps,
  input: { requestId: string; actor: Requester },
): Promise<{ request: ChangeRequest; canDecide: boolean } | undefined> {
  const request = await deps.store.get(input.requestId);
  if (!request?.approval) return undefined;
  const canDecide =
    request.state === 'submitted' &&
    deps.clock.now().getTime() <= Date.parse(request.expiresAt) &&
    checkApprover(deps.policy, input.actor, request.requester, request.approval.roles).ok &&
    !hasVoted(request, input.actor.oid);
  return { request, canDecide };
}
