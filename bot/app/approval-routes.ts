import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { approveRequest, rejectRequest, viewApproval } from '../workflow/approve-request';
import type { WorkflowDeps } from '../workflow/deps';
import { runRequest } from '../workflow/run-request';
import { approvalCard } from '../../cards/approval-card';
import { noticeCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import type { BackgroundWork } from './background';
import { actionData, readDecisionData, readRequestRef } from './card-data';
import { answerClicker, cardRoutes, type Failure } from './card-route';
import { identify } from './identify';
import type { MemberKind } from './member-kind';
import { approvalOutcomeCard } from './render-approvals';

/**
 * The approvals channel: Approve, Reject (with a reason) and the Universal Actions refresh that gives
 * each eligible approver their own buttons. Every click is decided by the core from the stored request.
 */
export function registerApprovalRoutes(
  app: Application<TurnState>,
  options: {
    deps: WorkflowDeps;
    background: BackgroundWork;
    memberKind: MemberKind;
    failure: Failure;
  },
): void {
  const { deps, background, memberKind, failure } = options;

  const approver = async (context: TurnContext) => {
    const who = identify(context.activity);
    if (!who.ok) return who;
    return { ok: true as const, user: { ...who.user, userType: await memberKind(context) } };
  };

  const route = cardRoutes(app, failure);
  const decide = (verb: string, use: typeof approveRequest, text?: 'reason') =>
    route(
      verb,
      verb,
      async (context, user) => {
        const data = readDecisionData(actionData(context.activity), text);
        if (!data) return noticeCard('I cannot read this button', 'The card data is not valid. Nothing was changed.');
        const outcome = await use(deps, {
          requestId: data.requestId,
          fingerprint: data.fingerprint,
          actor: user,
          reason: data.text,
        });
        if (outcome.kind === 'approved') {
          const request = outcome.request;
          background.start(() => runRequest(deps, request));
        }
        return approvalOutcomeCard(outcome);
      },
      { who: approver, answer: 'clicker' },
    );
  decide(VERB.approve, approveRequest);
  decide(VERB.reject, rejectRequest, 'reason');

  // Universal Actions refresh: each viewer gets the card as it is for them (buttons only if they may decide).
  app.adaptiveCards.actionExecute(VERB.refresh, async (context) => {
    try {
      const who = await approver(context);
      const ref = readRequestRef(actionData(context.activity));
      const view = who.ok && ref ? await viewApproval(deps, { requestId: ref.requestId, actor: who.user }) : undefined;
      if (!view) return answerClicker(context, noticeCard('Unknown request', 'I have no record of this request.'));
      const self = context.activity.from?.id;
      return answerClicker(
        context,
        approvalCard(view.request, { decide: view.canDecide, ...(view.canDecide && self ? { userIds: [self] } : {}) }),
      );
    } catch (error) {
      return answerClicker(context, failure(error, 'refresh'));
    }
  });
}
