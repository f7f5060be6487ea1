import type { Requester } from '../domain';
import type { WorkflowDeps } from './deps';
import { isOwner } from './guards';
import type { ResubmitOutcome } from './outcomes';
import { planChange } from './plan-change';
import { recordStep } from './record-step';
import { submitForApproval } from './submit-for-approval';

/**
 * "Submit again" on an expired request (one click), or a new round after the hosts drifted from what
 * was approved: the same operations on the same hosts, checked against the policy again, previewed
 * again (so approvers see the state now), and, when approvers are needed and the justification is
 * known, sent straight to the approvals channel. The old request stays as it was, linked to the new.
 */
export async function resubmitRequest(
  deps: WorkflowDeps,
  input: { requestId: string; actor: Requester; reason?: 'expired' | 'drift' },
): Promise<ResubmitOutcome> {
  const old = await deps.store.get(input.requestId);
  if (!old) return { kind: 'not-found' };
  if (!isOwner(old, input.actor)) return { kind: 'not-yours', request: old };
  const allowed = input.reason === 'drift' ? old.state === 'superseded' : old.state === 'expired';
  if (!allowed || old.approval?.resubmittedAs) return { kind: 'not-resubmittable', request: old };

  const planned = await planChange(deps, {
    requester: input.actor,
    text: old.text,
    operations: old.operations,
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
      actor: input.actor,
      justification: approval.justification,
    });
  }
  return planned;
}
