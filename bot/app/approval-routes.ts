import type { TurnContext } from 'botbuilder';
import { approveRequest } from '../workflow/approve-request';
import type { WorkflowDeps } from '../workflow/deps';
import { rejectRequest } from '../workflow/reject-request';
import { viewApproval } from '../workflow/view-approval';
import { noticeCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import { clickOf, readDecision, readDecisionData, readRequestRef } from './card-data';
import type { CardRouteOptions, ClickRoute } from './card-route';
import { identify } from './identify';
import type { MemberKind } from './member-kind';
import { approvalOutcomeCard, approvalViewCard } from './render';
import type { StartRun } from './start-run';

const withReason = (value: unknown) => readDecisionData(value, 'reason');

/**
 * The approvals channel: Approve, Reject (with a reason) and the Universal Actions refresh that gives
 * each eligible approver their own buttons. Every click is decided by the core from the stored request,
 * and every answer goes to the clicker only: the card the channel sees is updated by the core.
 */
export function registerApprovalRoutes(
  on: ClickRoute,
  deps: WorkflowDeps,
  options: { startRun: StartRun; memberKind: MemberKind },
): void {
  const approver = async (context: TurnContext) => {
    const who = identify(context.activity);
    if (!who.ok) return who;
    return { ok: true as const, user: { ...who.user, userType: await options.memberKind(context) } };
  };
  const asApprover: CardRouteOptions = { who: approver, answer: 'clicker' };
  const unknown: CardRouteOptions = {
    ...asApprover,
    unreadable: noticeCard('Unknown request', 'I have no record of this request.'),
  };

  on(
    VERB.approve,
    readDecision,
    async (data, user) => approvalOutcomeCard(options.startRun(await approveRequest(deps, clickOf(data, user)))),
    asApprover,
  );
  on(
    VERB.reject,
    withReason,
    async (data, user) => approvalOutcomeCard(await rejectRequest(deps, { ...clickOf(data, user), reason: data.text })),
    asApprover,
  );
  on(
    VERB.refresh,
    readRequestRef,
    async ({ requestId }, user, context) =>
      approvalViewCard(await viewApproval(deps, { requestId, actor: user }), context.activity.from?.id),
    unknown,
  );
}
