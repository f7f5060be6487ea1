import type { ApprovalVote, ChangeRequest, Requester } from '../domain';
import type { ApprovalsChannel } from '../ports';
import { checkApprover } from '../policy/check-request';
import { alreadyDecided, checkDecision, type DecisionOutcome } from './decide-request';
import type { WorkflowDeps } from './deps';
import { expireRequest } from './expire-requests';
import { checkRateLimits } from './rate-limits';
import { pendingApprovers, publish } from './publish';
import { checkPolicy } from './request-hosts';
import { recordStep } from './record-step';
import { moveAudited } from '../requests/audited-move';
import { move } from '../requests/lifecycle';

/** Free text people type (a justification, a reason to reject): shown and audited, never executed. */
const FREE_TEXT = /^[^\p{Cc}\p{Cf}\p{Co}\p{Cs}]{3,300}$/u;

export function readFreeText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  return FREE_TEXT.test(text) ? text : undefined;
}

export type SubmitOutcome =
  | DecisionOutcome
  | { kind: 'submitted'; request: ChangeRequest }
  | { kind: 'needs-justification'; request: ChangeRequest };

/**
 * The requester's "Ask for approval": the plan (checked like a Confirm: theirs, pending, not expired,
 * the fingerprint shown) goes to the approvals channel with the justification. The clock for the
 * approvals starts now. Audited before the card is posted; if the card cannot be posted the request
 * is cancelled and the requester told, so nothing waits on a card nobody can see.
 */
export async function submitForApproval(
  deps: WorkflowDeps,
  input: { requestId: string; fingerprint: string; actor: Requester; justification?: unknown },
): Promise<SubmitOutcome> {
  const checked = await checkDecision(deps, input);
  if ('kind' in checked) return checked;
  const { request } = checked;
  const approval = request.approval;
  if (!approval || approval.needed === 0) {
    return { kind: 'refused', request, reason: 'This change needs no approver: use Confirm.' };
  }
  const justification = readFreeText(input.justification);
  if (input.justification !== undefined && input.justification !== '' && !justification) {
    return { kind: 'needs-justification', request };
  }
  if (approval.justificationRequired && !justification) return { kind: 'needs-justification', request };

  const policy = checkPolicy(deps, input.actor, request);
  if (!policy.allowed) return { kind: 'refused', request, reason: policy.reason };
  const rails = await checkRateLimits(deps, policy.approval, request.operations, request.id);
  if (!rails.ok) return { kind: 'refused', request, reason: rails.reason };
  const channel = await deps.settings.getApprovalsChannel();
  if (!channel) return { kind: 'refused', request, reason: 'No approvals channel is set up: ask an admin.' };

  const now = deps.clock.now();
  const submitted = await moveAudited(
    deps,
    request,
    'submit',
    {
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + approval.ttlMinutes * 60_000).toISOString(),
      approval: {
        ...approval,
        ...(justification ? { justification } : {}),
        channel: { conversation: channel.conversation, name: channel.name },
      },
    },
    'pending',
    (moved) => ({
      kind: 'request.submitted',
      requestId: moved.id,
      actor: input.actor.oid,
      data: {
        fingerprint: moved.fingerprint,
        justification: justification ?? null,
        channel: channel.name,
        expiresAt: moved.expiresAt,
      },
    }),
    'The audit log cannot be written, so the request was not sent for approval.',
  );
  if (!submitted) return alreadyDecided(deps, request.id);
  return postApprovalCard(deps, submitted, channel);
}

async function postApprovalCard(
  deps: WorkflowDeps,
  submitted: ChangeRequest,
  channel: ApprovalsChannel,
): Promise<SubmitOutcome> {
  try {
    const activityId = await deps.notifier.postApprovalCard(submitted, channel, pendingApprovers(deps, submitted));
    if (activityId) await deps.store.setApprovalCardId(submitted.id, activityId);
    const posted = (await deps.store.get(submitted.id)) ?? submitted;
    return { kind: 'submitted', request: posted };
  } catch (error) {
    deps.log.error('could not post the approval card', { requestId: submitted.id, error: String(error) });
    const current = (await deps.store.get(submitted.id)) ?? submitted;
    const cancelled = await move(
      deps.store,
      current,
      'cancel',
      {
        updatedAt: deps.clock.now().toISOString(),
        approval: {
          ...(current.approval as NonNullable<ChangeRequest['approval']>),
          voidReason: 'the approval card could not be posted',
        },
      },
      'submitted', // as posted: if an approver was quicker, the compare-and-set finds it moved on
    );
    await recordStep(
      deps,
      {
        kind: 'request.cancelled',
        requestId: submitted.id,
        actor: 'bot',
        data: { reason: 'approval card not posted' },
      },
      'warn',
    );
    return {
      kind: 'refused',
      request: cancelled ?? current,
      reason:
        'I could not post the approval card in the approvals channel (is the bot still in that team?). Nothing was changed; ask an admin.',
    };
  }
}

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
