import type { DecisionOutcome } from '../workflow/decide-request';
import type { SubmitOutcome } from '../workflow/submit-for-approval';
import type { ResubmitOutcome } from '../workflow/resubmit-request';
import type { AdaptiveCard } from '../../cards/card-kit';
import { noticeCard, refusedCard } from '../../cards/message-cards';
import { planCard, requestCard } from '../../cards/request-card';

/** A decision on a requester's card that could not reach the core: who clicked, or what the card said. */
export type ClickOutcome = DecisionOutcome | { kind: 'refused-identity'; reason: string } | { kind: 'bad-payload' };

/** The requester's card after "Ask for approval" or "Submit again". */
export function resubmitCard(outcome: SubmitOutcome | ResubmitOutcome): AdaptiveCard {
  switch (outcome.kind) {
    case 'submitted':
      return requestCard(outcome.request);
    case 'needs-justification':
      return {
        ...planCard(outcome.request),
        body: [
          noticeCard('Say why first', 'This change needs a justification (3 to 300 characters) for the approvers.')
            .body[0],
          ...planCard(outcome.request).body,
        ],
      } as AdaptiveCard;
    case 'not-resubmittable':
    case 'planned':
    case 'nothing-to-do':
      return requestCard(outcome.request);
    case 'refused':
      return refusedCard(outcome.reason);
    case 'help':
    case 'not-licensing':
    case 'unclear':
    case 'choose':
    case 'needs':
    case 'advice':
    case 'status':
    case 'report':
    case 'audit':
      return noticeCard('Nothing to submit', 'Write the request again.');
    default:
      return decisionCard(outcome);
  }
}

export function decisionCard(outcome: ClickOutcome): AdaptiveCard {
  switch (outcome.kind) {
    case 'confirmed':
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
    case 'refused-identity':
      return refusedCard(outcome.reason);
    case 'bad-payload':
      return noticeCard('I cannot read this button', 'The card data is not valid. Nothing was changed.');
    case 'not-found':
      return noticeCard('Unknown request', 'I have no record of this request. Nothing was changed.');
  }
}
