import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ChangeRequest } from '../domain';
import { approveRequest, type ApprovalOutcome, rejectRequest, viewApproval } from '../workflow/approve-request';
import type { WorkflowDeps } from '../workflow/deps';
import { runRequest } from '../workflow/run-request';
import { type AdaptiveCard, paragraph } from '../../cards/card-kit';
import { approvalCard } from '../../cards/approval-card';
import { noticeCard, refusedCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import type { BackgroundWork } from './background';
import { actionData, readDecisionData, readRequestRef } from './card-data';
import { identify } from './identify';
import type { MemberKind } from './member-kind';

/**
 * Sends the invoke response to the person who clicked only. The approval card everyone sees is
 * updated separately (by the workflow, through the notifier); a refusal or an approver's own view
 * must never replace it for the whole channel.
 */
async function answerClicker(context: TurnContext, card: AdaptiveCard): Promise<string> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
  return ''; // teams-ai sees the invoke response is sent and adds nothing
}

/** The status card with a line for the clicker on top ("You asked for this change..."). */
function withNote(
  request: ChangeRequest,
  note: string,
  color: 'good' | 'warning' | 'attention' = 'warning',
): AdaptiveCard {
  const card = approvalCard(request, { decide: false });
  return { ...card, body: [paragraph(note, { color }), ...card.body] };
}

function outcomeCard(outcome: ApprovalOutcome): AdaptiveCard {
  switch (outcome.kind) {
    case 'approved':
      return withNote(outcome.request, 'Approved. The bot checks the hosts again and runs the change now.', 'good');
    case 'vote-recorded':
      return withNote(
        outcome.request,
        `Your approval is recorded. It still needs ${(outcome.request.approval?.needed ?? 0) - (outcome.request.approval?.votes.length ?? 0)} more.`,
        'good',
      );
    case 'rejected':
      return withNote(outcome.request, 'Rejected. The requester sees your reason.');
    case 'denied':
      return withNote(outcome.request, outcome.reason);
    case 'already-voted':
      return withNote(outcome.request, 'You have already approved this request.');
    case 'already-decided':
      return withNote(outcome.request, 'This request is already decided. Nothing else was changed.');
    case 'expired':
      return withNote(
        outcome.request,
        'This request has expired. Nothing was changed; the requester can submit it again.',
      );
    case 'stale':
      return withNote(
        outcome.request,
        'This card is out of date: it does not show the stored plan. Nothing was changed.',
      );
    case 'needs-reason':
      return withNote(outcome.request, 'Give a reason to reject (3 to 300 characters). Nothing was changed.');
    case 'not-found':
      return noticeCard('Unknown request', 'I have no record of this request. Nothing was changed.');
  }
}

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
    failure: (error: unknown, where: string) => AdaptiveCard;
  },
): void {
  const { deps, background, memberKind, failure } = options;

  const approver = async (context: TurnContext) => {
    const who = identify(context.activity);
    if (!who.ok) return who;
    return { ok: true as const, user: { ...who.user, userType: await memberKind(context) } };
  };

  const decide = (verb: string, use: typeof approveRequest, text?: 'reason') => {
    app.adaptiveCards.actionExecute(verb, async (context) => {
      try {
        const who = await approver(context);
        if (!who.ok) return answerClicker(context, refusedCard(who.reason));
        const data = readDecisionData(actionData(context.activity), text);
        if (!data) {
          return answerClicker(
            context,
            noticeCard('I cannot read this button', 'The card data is not valid. Nothing was changed.'),
          );
        }
        const outcome = await use(deps, {
          requestId: data.requestId,
          fingerprint: data.fingerprint,
          actor: who.user,
          reason: data.text,
        });
        if (outcome.kind === 'approved') {
          const request = outcome.request;
          background.start(() => runRequest(deps, request));
        }
        return answerClicker(context, outcomeCard(outcome));
      } catch (error) {
        return answerClicker(context, failure(error, verb));
      }
    });
  };
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
