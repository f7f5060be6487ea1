import type { ApprovalVote, ChangeRequest } from '../domain';
import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { alreadyDecided, checkApproverClick, type Click } from './guards';
import type { ApprovalOutcome } from './outcomes';
import { publish } from './publish';

/**
 * One approver's yes: a compare-and-set that adds the vote, and moves the request to `confirmed` when
 * it has enough distinct approvers. Two approvers at once: one CAS wins, the other re-reads and is
 * checked again (a second vote on a one-approver request finds it decided). Audited fail-closed: if
 * the audit fails the request fails and nothing runs.
 */
export async function approveRequest(deps: WorkflowDeps, click: Click): Promise<ApprovalOutcome> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const checked = await checkApproverClick(deps, click);
    if ('kind' in checked) return checked;
    const { request } = checked;
    const approval = request.approval as NonNullable<ChangeRequest['approval']>;
    const vote: ApprovalVote = { oid: click.actor.oid, name: click.actor.name, at: deps.clock.now().toISOString() };
    const votes = [...approval.votes, vote];
    const enough = votes.length >= approval.needed;
    const next = await move(deps, request, enough ? 'approve' : 'vote', {
      patch: {
        updatedAt: vote.at,
        approval: { ...approval, votes },
        ...(enough ? { decidedBy: click.actor.oid } : {}),
      },
      from: 'submitted',
      record: (moved) => ({
        kind: 'request.approved',
        requestId: moved.id,
        actor: click.actor.oid,
        data: { fingerprint: moved.fingerprint, votes: votes.length, needed: approval.needed },
      }),
      refusal:
        'The audit log is not taking records now (an admin must look at it), so the approval was not recorded and nothing runs.',
    });
    if (!next) continue; // someone else decided or voted meanwhile: check again from the top
    await publish(deps, next);
    return { kind: enough ? 'approved' : 'vote-recorded', request: next };
  }
  return alreadyDecided(deps, click.requestId);
}
