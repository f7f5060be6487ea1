import { operationDefinition } from '../catalogue';
import type { ChangeRequest } from '../domain';
import { membersWithRoles } from '../policy/policy';
import type { WorkflowDeps } from './deps';

/** Who may still approve this request: the roles it needs, not the requester, not someone who voted. */
export function pendingApprovers(deps: WorkflowDeps, request: ChangeRequest): string[] {
  const approval = request.approval;
  if (request.state !== 'submitted' || !approval) return [];
  const excluded = new Set(
    [request.requester.oid, ...approval.votes.map((vote) => vote.oid)].map((oid) => oid.toLowerCase()),
  );
  return membersWithRoles(deps.policy, approval.roles)
    .map((member) => member.oid)
    .filter((oid) => !excluded.has(oid.toLowerCase()));
}

/**
 * Shows a request's new state everywhere it is on screen: the requester's card in their chat and,
 * for approval requests, the card in the approvals channel. A failed update is logged, never fatal:
 * the stored request is the truth and `request.status` shows it.
 */
export async function publish(deps: WorkflowDeps, request: ChangeRequest): Promise<void> {
  // With instances sharing a database, only the newest version of a card goes out (CardVersions).
  const inOrder = (card: string, send: () => Promise<void>): Promise<unknown> =>
    deps.cards ? deps.cards.sendIfNewest(`${request.id}:${card}`, request.version, send) : send();
  await inOrder('requester', () => deps.notifier.updateRequestCard(request)).catch((error: unknown) => {
    deps.log.warn('could not update the requester card', { requestId: request.id, error: String(error) });
  });
  if (request.approval?.channel?.activityId) {
    await inOrder('approval', () => deps.notifier.updateApprovalCard(request, pendingApprovers(deps, request))).catch(
      (error: unknown) => {
        deps.log.warn('could not update the approval card', { requestId: request.id, error: String(error) });
      },
    );
  }
  const news = requesterNews(request);
  if (news) {
    await deps.notifier.tellRequester(request, news).catch((error: unknown) => {
      deps.log.warn('could not notify the requester', { requestId: request.id, error: String(error) });
    });
  }
}

/**
 * What the requester hears about a request that waited for approvers, once it is decided: the card
 * above changes silently, so a one-line message makes Teams notify them. Nothing for their own clicks.
 */
export function requesterNews(request: ChangeRequest): string | undefined {
  const approval = request.approval;
  if (!approval || approval.needed === 0) return undefined;
  const what = `your request ${request.id} (${request.operations.map((o) => `${operationDefinition(o.intent).title.toLowerCase()} on ${o.targets.join(', ')}`).join('; ')})`;
  const by = approval.votes.map((vote) => vote.name).join(' and ');
  switch (request.state) {
    case 'succeeded':
      return `Done: ${what}, approved by ${by}. The card above has the details.`;
    case 'failed':
      return `Failed: ${what}${by ? `, approved by ${by}` : ''}. The card above says why.`;
    case 'rejected':
      return `Rejected by ${approval.rejection?.name ?? 'an approver'}: ${what}. Reason: ${approval.rejection?.reason ?? '-'}`;
    case 'expired':
      return `Expired: ${what} was not approved in time. "Submit again" on the card sends it once more.`;
    case 'superseded':
      return `The hosts changed after ${by} approved ${what}, so that approval is void; a new approval request went out.`;
    default:
      return undefined;
  }
}
