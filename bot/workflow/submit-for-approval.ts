import type { ChangeRequest, Requester } from '../domain';
import type { ApprovalsChannel } from '../ports';
import { moveAudited } from '../requests/audited-move';
import { move } from '../requests/lifecycle';
import { alreadyDecided, checkDecision, type DecisionOutcome } from './decide-request';
import type { WorkflowDeps } from './deps';
import { readFreeText } from './free-text';
import { pendingApprovers } from './publish';
import { checkRateLimits } from './rate-limits';
import { recordStep } from './record-step';
import { checkPolicy } from './request-hosts';

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
