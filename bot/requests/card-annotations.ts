import type { ChangeRequest } from '../domain';

// Changes to where a request is shown, not to what it is: every store applies them without a new version.

export const withCardActivityId =
  (activityId: string) =>
  (body: ChangeRequest): ChangeRequest => ({ ...body, cardActivityId: activityId });

/** Where the approval card was posted; a request with no approval channel is left as it is. */
export const withApprovalCardId =
  (activityId: string) =>
  (body: ChangeRequest): ChangeRequest =>
    body.approval?.channel
      ? { ...body, approval: { ...body.approval, channel: { ...body.approval.channel, activityId } } }
      : body;

export const published = ({ unpublished: _, ...body }: ChangeRequest): ChangeRequest => body;

export const withResubmittedAs =
  (newId: string) =>
  (body: ChangeRequest): ChangeRequest =>
    body.approval ? { ...body, approval: { ...body.approval, resubmittedAs: newId } } : body;
