import type { ChangeRequest } from '../bot/domain';
import { type AdaptiveCard, card, executeAction, heading, paragraph, plain } from './card-kit';
import { header, title } from './request-header';
import { VERB } from './verbs';

/** The cards of a request that ended without running: cancelled, rejected, expired, superseded. */

export function cancelledCard(request: ChangeRequest): AdaptiveCard {
  const why = request.approval?.voidReason ? ` (${plain(request.approval.voidReason)})` : '';
  return card([heading(`Cancelled: ${title(request)}`), ...header(request), paragraph(`Nothing was changed${why}.`)]);
}

export function rejectedCard(request: ChangeRequest): AdaptiveCard {
  return card([
    heading(`Rejected: ${title(request)}`, 'warning'),
    ...header(request),
    paragraph('Nothing was changed. Talk to the approver, then ask again if the change is still needed.'),
  ]);
}

/** Expired before it was confirmed or approved; one click submits it again (fresh preview). */
export function expiredCard(request: ChangeRequest): AdaptiveCard {
  const replaced = request.approval?.resubmittedAs;
  return card(
    [
      heading(`Expired: ${title(request)}`, 'warning'),
      ...header(request),
      paragraph(
        replaced
          ? `Nothing was changed. It was submitted again as request ${replaced}.`
          : `Nothing was changed: this ${request.approval?.needed ? 'request expired before enough approvers agreed' : 'plan expired before it was confirmed'}. Submit it again to get a fresh look at the hosts.`,
      ),
    ],
    replaced ? [] : [executeAction('Submit again', VERB.resubmit, { requestId: request.id }, 'positive')],
  );
}

/** The hosts changed after the approval: void, and a new request went out. */
export function supersededCard(request: ChangeRequest): AdaptiveCard {
  return card([
    heading(`Approval void: ${title(request)}`, 'warning'),
    ...header(request),
    paragraph(plain(request.failure ?? 'The hosts changed after the approval.')),
    ...(request.approval?.resubmittedAs
      ? [paragraph(`New request: ${request.approval.resubmittedAs}.`, { subtle: true })]
      : []),
  ]);
}
