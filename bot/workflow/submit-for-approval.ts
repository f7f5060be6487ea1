import type { ChangeRequest } from '../domain';
import type { ApprovalsChannel } from '../ports';
import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { readFreeText } from './free-text';
import { alreadyDecided, checkOwnClick, type Click } from './guards';
import { refused, type SubmitOutcome } from './outcomes';
import { pendingApprovers } from './publish';
import { checkRateLimits } from './rate-limits';
import { checkPolicy } from './request-hosts';

/**
 * The requester's "Ask for approval": the plan (checked like a Confirm: theirs, pending, not expired,
 * the fingerprint shown) goes to the approvals channel with the justification. The clock for the
 * approvals starts now. Audited before the card is posted; if the card cannot be posted the request
 * is cancelled and the requester told, so nothing waits on a card nobody can see.
 */
export async function submitForApproval(
  deps: WorkflowDeps,
  input: Click & { justification?: unknown },
): Promise<SubmitOutcome> {
  const checked = await checkOwnClick(deps, input);
  if ('kind' in checked) return checked;
  const { request } = checked;
  const approval = request.approval;
  if (!approval || approval.needed === 0) {
    return refused('This change needs no approver: use Confirm.', { request });
  }
  const justification = readFreeText(input.justification);
  if (input.justification !== undefined && input.justification !== '' && !justification) {
    return { kind: 'needs-justification', request };
  }
  if (approval.justificationRequired && !justification) return { kind: 'needs-justification', request };

  const policy = checkPolicy(deps, input.actor, request);
  if (!policy.allowed) return refused(policy.reason, { request, code: policy.code });
  const rails = await checkRateLimits(deps, policy.approval, request.operations, request.id);
  if (!rails.ok) return refused(rails.reason, { request, code: rails.code });
  const channel = await deps.settings.getApprovalsChannel();
  if (!channel)
    return refused('No approvals channel is set up: ask an admin.', { request, code: 'no_approvals_channel' });

  const now = deps.clock.now();
  const submitted = await move(deps, request, 'submit', {
    patch: {
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + approval.ttlMinutes * 60_000).toISOString(),
      approval: {
        ...approval,
        ...(justification ? { justification } : {}),
        channel: { conversation: channel.conversation, name: channel.name },
      },
    },
    from: 'pending',
    record: (moved) => ({
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
    refusal:
      'The audit log is not taking records now (an admin must look at it), so the request was not sent for approval.',
  });
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
    const cancelled = await move(deps, current, 'cancel', {
      patch: {
        updatedAt: deps.clock.now().toISOString(),
        approval: {
          ...(current.approval as NonNullable<ChangeRequest['approval']>),
          voidReason: 'the approval card could not be posted',
        },
      },
      from: 'submitted', // as posted: if an approver was quicker, the compare-and-set finds it moved on
      record: () => ({
        kind: 'request.cancelled',
        requestId: submitted.id,
        actor: 'bot',
        data: { reason: 'approval card not posted' },
      }),
    });
    return refused(
      'I could not post the approval card in the approvals channel (is the bot still in that team?). Nothing was changed; ask an admin.',
      { request: cancelled ?? current, code: 'approval_card_not_posted' },
    );
  }
}
