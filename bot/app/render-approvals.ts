import type { ChangeRequest } from '../domain';
import type { ApprovalOutcome } from '../workflow/approve-request';
import { type AdaptiveCard, paragraph } from '../../cards/card-kit';
import { approvalCard } from '../../cards/approval-card';
import { noticeCard } from '../../cards/message-cards';

/** The status card with a line for the clicker on top ("You asked for this change..."). */
function withNote(
  request: ChangeRequest,
  note: string,
  color: 'good' | 'warning' | 'attention' = 'warning',
): AdaptiveCard {
  const card = approvalCard(request, { decide: false });
  return { ...card, body: [paragraph(note, { color }), ...card.body] };
}

export function approvalOutcomeCard(outcome: ApprovalOutcome): AdaptiveCard {
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
