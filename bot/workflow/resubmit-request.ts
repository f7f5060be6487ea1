import type { ChangeRequest, PlannedOperation, Requester } from '../domain';
import { checkApprover } from '../policy/check-request';
import type { WorkflowDeps } from './deps';
import { isOwner } from './guards';
import type { ResubmitOutcome } from './outcomes';
import { planChange } from './plan-change';
import { recordStep } from './record-step';
import { resumableHosts } from '../requests/recovered-outcomes';
import { submitForApproval } from './submit-for-approval';

/**
 * "Submit again" on an expired request (one click), or a new round after the hosts drifted from what
 * was approved: the same operations on the same hosts, checked against the policy again, previewed
 * again (so approvers see the state now), and, when approvers are needed and the justification is
 * known, sent straight to the approvals channel. The old request stays as it was, linked to the new.
 *
 * Resume, after a restart left a run interrupted: the same, for the hosts found not done or unknown
 * only. The requester or an approver of the old request may click it; the new request is still the
 * requester's, so it needs the same approvals as any other (an approver who resumes can then approve).
 */
export async function resubmitRequest(
  deps: WorkflowDeps,
  input: { requestId: string; actor: Requester; reason?: 'expired' | 'drift' | 'resume' },
): Promise<ResubmitOutcome> {
  const old = await deps.store.get(input.requestId);
  if (!old) return { kind: 'not-found' };
  const resume = input.reason === 'resume';
  if (!(resume ? mayResume(deps, old, input.actor) : isOwner(old, input.actor)))
    return { kind: 'not-yours', request: old };
  const allowed =
    input.reason === 'drift'
      ? old.state === 'superseded'
      : resume
        ? old.state === 'failed' && remaining(old).length > 0
        : old.state === 'expired';
  if (!allowed || old.approval?.resubmittedAs) return { kind: 'not-resubmittable', request: old };

  const planned = await planChange(deps, {
    requester: resume ? old.requester : input.actor,
    text: old.text,
    operations: resume ? remaining(old) : old.operations,
    conversation: old.conversation,
    resubmitOf: old.id,
    ...(old.approval?.justification ? { justification: old.approval.justification } : {}),
    ...(old.cardActivityId ? { cardActivityId: old.cardActivityId } : {}),
    ...(old.undoes ? { undoes: old.undoes } : {}),
  });
  if (planned.kind !== 'planned' && planned.kind !== 'nothing-to-do') return planned;
  await deps.store.setResubmittedAs(old.id, planned.request.id);
  await recordStep(
    deps,
    {
      kind: 'request.resubmitted',
      requestId: old.id,
      actor: input.reason === 'drift' ? 'bot' : input.actor.oid,
      data: { as: planned.request.id, reason: input.reason ?? 'expired' },
    },
    'warn',
  );
  const request = planned.request;
  const approval = request.approval;
  if (
    planned.kind === 'planned' &&
    approval &&
    approval.needed > 0 &&
    (!approval.justificationRequired || approval.justification)
  ) {
    return submitForApproval(deps, {
      requestId: request.id,
      fingerprint: request.fingerprint,
      actor: resume ? old.requester : input.actor,
      justification: approval.justification,
    });
  }
  return planned;
}

/** The old request's operations on the hosts the recovery left not done or unknown, nothing else. */
function remaining(old: ChangeRequest): PlannedOperation[] {
  const open = new Set(resumableHosts(old.outcome ?? []).map((host) => host.toLowerCase()));
  return old.operations
    .map((operation) => ({ ...operation, targets: operation.targets.filter((t) => open.has(t.toLowerCase())) }))
    .filter((operation) => operation.targets.length > 0);
}

/** The requester, or someone who could approve the old request (same tenant, the roles, not a guest). */
function mayResume(deps: WorkflowDeps, old: ChangeRequest, actor: Requester): boolean {
  if (isOwner(old, actor)) return true;
  const roles = old.approval?.roles ?? [];
  return roles.length > 0 && checkApprover(deps.policy, actor, old.requester, roles).ok;
}
