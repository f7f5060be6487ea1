import type { ChangeRequest, Host } from '../domain';
import type {
  ApprovalOutcome,
  ApprovalView,
  ChannelOutcome,
  DecisionOutcome,
  PlanOutcome,
  ResubmitOutcome,
  SubmitOutcome,
} from '../workflow/outcomes';
import { adviceCard } from '../../cards/advice-card';
import { approvalCard } from '../../cards/approval-card';
import { type AdaptiveCard, paragraph } from '../../cards/card-kit';
import { intentChoiceCard } from '../../cards/intent-choice-card';
import { auditCard, helpCard, needsCard, noticeCard, refusedCard } from '../../cards/message-cards';
import { pilotCard } from '../../cards/pilot-card';
import { reportCard } from '../../cards/report-card';
import { notUnderstoodCard, unreachableCard } from '../../cards/answer-cards';
import { nothingToDoCard, planCard, requestCard, runningCard } from '../../cards/request-card';

/**
 * The only switch from the use cases' outcomes to cards, so the same outcome always looks the same
 * whichever route produced it. Nothing here decides: every kind was decided by the core.
 */

/** A click whose card data could not be read: refused before any use case ran. */
export const BAD_BUTTON = noticeCard('I cannot read this button', 'The card data is not valid. Nothing was changed.');

const UNKNOWN = noticeCard('Unknown request', 'I have no record of this request. Nothing was changed.');

/** A message answered (also the "I need a little more" answer and the "Which do you mean?" pick). */
export function planOutcomeCard(outcome: PlanOutcome, inventory: readonly Host[]): AdaptiveCard {
  switch (outcome.kind) {
    case 'help':
      return helpCard(inventory);
    case 'not-licensing':
      return notUnderstoodCard(
        inventory,
        'I can only help with Remote Desktop licensing, and I did not find a licensing request in that.',
      );
    case 'unclear':
      return notUnderstoodCard(inventory, 'That sounds like licensing, but I am not sure what you want me to do.');
    case 'unreachable':
      return unreachableCard(outcome.text, outcome.hosts);
    case 'choose':
      return intentChoiceCard(outcome.parse);
    case 'needs':
      return needsCard(outcome.parse, inventory, outcome.choice, outcome.dropped);
    case 'refused':
      return refusedCard(outcome.reason);
    case 'nothing-to-do':
      return nothingToDoCard(outcome.request);
    case 'planned':
      return planCard(outcome.request);
    case 'pilot':
      return pilotCard(outcome.reason, outcome.operations, outcome.preview);
    case 'advice':
      return adviceCard(outcome.intent);
    case 'status':
      return outcome.request
        ? requestCard(outcome.request)
        : noticeCard('No request yet', 'You have not asked me for anything yet.');
    case 'report':
      return reportCard(outcome.operations, outcome.outcomes, outcome.diagnoses);
    case 'audit':
      return auditCard(outcome.records, outcome.host, outcome.since);
  }
}

/** The requester's card after Confirm or Cancel. */
export function decisionCard(outcome: DecisionOutcome): AdaptiveCard {
  switch (outcome.kind) {
    case 'confirmed':
      return runningCard(outcome.request);
    case 'cancelled':
    case 'already-decided':
    case 'expired':
      return requestCard(outcome.request);
    case 'stale':
      return noticeCard('This card is out of date', 'The plan changed since this card was shown. Nothing was changed.');
    case 'not-yours':
      return noticeCard(
        'Not your request',
        `Only ${outcome.request.requester.name} can confirm or cancel this request.`,
      );
    case 'refused':
      return refusedCard(outcome.reason);
    case 'not-found':
      return UNKNOWN;
  }
}

/** The requester's card after "Ask for approval" or "Submit again". */
export function submitCard(outcome: SubmitOutcome | ResubmitOutcome): AdaptiveCard {
  switch (outcome.kind) {
    case 'submitted':
    case 'not-resubmittable':
    case 'planned':
    case 'nothing-to-do':
      return requestCard(outcome.request);
    case 'needs-justification': {
      const plan = planCard(outcome.request);
      const notice = noticeCard(
        'Say why first',
        'This change needs a justification (3 to 300 characters) for the approvers.',
      );
      return { ...plan, body: [...notice.body.slice(0, 1), ...plan.body] } as AdaptiveCard;
    }
    case 'help':
    case 'not-licensing':
    case 'unclear':
    case 'choose':
    case 'needs':
    case 'advice':
    case 'status':
    case 'report':
    case 'audit':
    case 'unreachable':
      return noticeCard('Nothing to submit', 'Write the request again.');
    case 'pilot':
      return pilotCard(outcome.reason, outcome.operations, outcome.preview);
    default:
      return decisionCard(outcome);
  }
}

/** An approver's Resume in the approvals channel: they see where the new request went. */
export function resumedByApproverCard(outcome: ResubmitOutcome): AdaptiveCard {
  if (!('request' in outcome) || !outcome.request) return submitCard(outcome);
  const request = outcome.request;
  switch (outcome.kind) {
    case 'submitted':
      return noticeCard(
        'Resumed',
        `Request ${request.id} plans the hosts not done again; its approval card is in this channel.`,
      );
    case 'planned':
      return noticeCard('Resumed', `Request ${request.id} plans the hosts not done again; the requester confirms it.`);
    case 'nothing-to-do':
      return noticeCard('Nothing left to do', `Request ${request.id} found every host in the requested state now.`);
    case 'not-yours':
      return noticeCard('Not yours to resume', 'Only the requester or an approver of this request can resume it.');
    default:
      return submitCard(outcome);
  }
}

/** The status card with a line for the clicker on top ("You asked for this change..."). */
function withNote(request: ChangeRequest, note: string, color: 'good' | 'warning' = 'warning'): AdaptiveCard {
  const card = approvalCard(request, { decide: false });
  return { ...card, body: [paragraph(note, { color }), ...card.body] };
}

/** What the approver who clicked sees (only they see it; the shared card is updated by the core). */
export function approvalOutcomeCard(outcome: ApprovalOutcome): AdaptiveCard {
  switch (outcome.kind) {
    case 'approved':
      return withNote(outcome.request, 'Approved. The bot checks the hosts again and runs the change now.', 'good');
    case 'vote-recorded': {
      const left = (outcome.request.approval?.needed ?? 0) - (outcome.request.approval?.votes.length ?? 0);
      return withNote(outcome.request, `Your approval is recorded. It still needs ${left} more.`, 'good');
    }
    case 'rejected':
      return withNote(outcome.request, 'Rejected. The requester sees your reason.');
    case 'refused':
      return outcome.request ? withNote(outcome.request, outcome.reason) : refusedCard(outcome.reason);
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
      return UNKNOWN;
  }
}

/** The approval card as one viewer may see it: buttons only for someone who may decide, addressed to them. */
export function approvalViewCard(view: ApprovalView, viewerId: string | undefined): AdaptiveCard {
  if (view.kind === 'not-found') return noticeCard('Unknown request', 'I have no record of this request.');
  const userIds = view.canDecide && viewerId ? { userIds: [viewerId] } : {};
  return approvalCard(view.request, { decide: view.canDecide, ...userIds });
}

export function channelCard(outcome: ChannelOutcome): AdaptiveCard {
  if (outcome.kind !== 'set') return refusedCard(outcome.reason);
  return outcome.purpose === 'alerts'
    ? noticeCard(
        'Alerts go here',
        `Alerts for admins (the audit log refusing records, missed checkpoints, hosts left unknown after a restart, hosts that stop answering) will be posted in ${outcome.channel.name}.`,
      )
    : noticeCard(
        'Approvals go here',
        `Approval requests will be posted in ${outcome.channel.name}. Only approvers can decide them.`,
      );
}
