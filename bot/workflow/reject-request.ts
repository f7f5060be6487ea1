import type { ChangeRequest } from '../domain';
import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { readFreeText } from './free-text';
import { alreadyDecided, checkApproverClick, type Click } from './guards';
import type { ApprovalOutcome } from './outcomes';
import { publish } from './publish';

/** An approver's no, with a reason the requester sees. Same checks as an approval; one CAS. */
export async function rejectRequest(deps: WorkflowDeps, click: Click & { reason?: unknown }): Promise<ApprovalOutcome> {
  const checked = await checkApproverClick(deps, click);
  if ('kind' in checked) return checked;
  const { request } = checked;
  const reason = readFreeText(click.reason);
  if (!reason) return { kind: 'needs-reason', request };
  const at = deps.clock.now().toISOString();
  const approval = request.approval as NonNullable<ChangeRequest['approval']>;
  const rejected = await move(deps, request, 'reject', {
    patch: {
      updatedAt: at,
      decidedBy: click.actor.oid,
      approval: { ...approval, rejection: { oid: click.actor.oid, name: click.actor.name, at, reason } },
    },
    from: 'submitted',
    record: (moved) => ({ kind: 'request.rejected', requestId: moved.id, actor: click.actor.oid, data: { reason } }),
  });
  if (!rejected) return alreadyDecided(deps, request.id);
  await publish(deps, rejected);
  return { kind: 'rejected', request: rejected };
}
