import type { ChangeRequest } from '../bot/domain';
import { clockTime } from './approval-facts';
import { type AdaptiveCard, card, type CardElement, executeAction, paragraph, plain } from './card-kit';
import { previewSection, resultSection } from './host-report';
import { recoveredSection, resumeActions, resumeNote } from './recovered-run';
import { header, title } from './request-header';
import { groupedSections } from './host-groups';
import { VERB } from './verbs';

export interface ApprovalView {
  /** Approve / Reject for this viewer: only for someone who may approve it now. */
  decide: boolean;
  /** Teams user ids (MRIs) of the eligible approvers: their clients fetch their own view (refresh). */
  userIds?: string[];
  /** Approvers to @mention when the card is first posted, so Teams notifies them. */
  mentions?: Array<{ id: string; name: string }>;
}

function status(request: ChangeRequest): { text: string; color?: 'good' | 'warning' | 'attention' | 'accent' } {
  const approval = request.approval;
  switch (request.state) {
    case 'submitted':
      return { text: `Approval needed (${approval?.votes.length ?? 0} of ${approval?.needed ?? 1})`, color: 'accent' };
    case 'confirmed':
    case 'running':
      return { text: 'Approved, running', color: 'accent' };
    case 'succeeded':
      return { text: 'Approved and done', color: 'good' };
    case 'failed':
      return { text: 'Approved, failed', color: 'attention' };
    case 'rejected':
      return { text: 'Rejected', color: 'warning' };
    case 'expired':
      return { text: 'Expired', color: 'warning' };
    case 'cancelled':
      return { text: 'Cancelled by the requester', color: 'warning' };
    case 'superseded':
      return { text: 'Void: the hosts changed', color: 'warning' };
    case 'pending':
      return { text: 'Not submitted' };
  }
}

/**
 * The card in the approvals channel. Everyone sees the same status card; eligible approvers' Teams
 * clients refresh it (Universal Actions, `refresh.userIds`) and get Approve / Reject from the bot,
 * which checks again on every click. After a decision or expiry the card shows the outcome to all.
 */
export function approvalCard(request: ChangeRequest, view: ApprovalView): AdaptiveCard {
  const data = { requestId: request.id, fingerprint: request.fingerprint };
  const waiting = request.state === 'submitted';
  const { text, color } = status(request);
  const outcomes = request.outcome ?? [];
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${text}: ${title(request)}`,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      ...(color ? { color } : {}),
    },
    ...header(request),
    ...(outcomes.length > 0
      ? groupedSections(outcomes, (outcome) => (outcome.recovery ? recoveredSection(outcome) : resultSection(outcome)))
      : groupedSections(request.preview, previewSection)),
  ];
  if (request.failure) body.push(paragraph(plain(request.failure), { color: 'attention' }));
  body.push(...resumeNote(request));
  if (waiting) {
    body.push(
      paragraph(
        `Expires at ${clockTime(request.expiresAt)}. ${view.decide ? 'You can approve or reject it.' : 'Only eligible approvers (not the requester) can decide it.'}`,
        { subtle: true },
      ),
    );
  }
  const actions: CardElement[] =
    waiting && view.decide
      ? [
          executeAction('Approve', VERB.approve, data, 'positive'),
          {
            type: 'Action.ShowCard',
            title: 'Reject',
            card: {
              type: 'AdaptiveCard',
              body: [
                {
                  type: 'Input.Text',
                  id: 'reason',
                  label: 'Why (the requester sees this)',
                  isMultiline: true,
                  maxLength: 300,
                  isRequired: true,
                  errorMessage: 'Give a reason (3 to 300 characters).',
                },
              ],
              actions: [executeAction('Reject', VERB.reject, data, 'destructive')],
            },
          },
        ]
      : resumeActions(request);
  const mentions = waiting ? (view.mentions ?? []).slice(0, 20) : [];
  if (mentions.length > 0) {
    const tag = (name: string): string => `<at>${name.replace(/[<>]/g, '')}</at>`;
    body.push(paragraph(`For approval: ${mentions.map((m) => tag(m.name)).join(', ')}`));
  }
  const result = card(body, actions);
  if (mentions.length > 0) {
    result.msteams = {
      entities: mentions.map((m) => ({
        type: 'mention' as const,
        text: `<at>${m.name.replace(/[<>]/g, '')}</at>`,
        mentioned: { id: m.id, name: m.name },
      })),
    };
  }
  if (waiting) {
    result.refresh = {
      action: { type: 'Action.Execute', title: 'Refresh', verb: VERB.refresh, data: { requestId: request.id } },
      ...(view.userIds && view.userIds.length > 0 ? { userIds: view.userIds.slice(0, 60) } : {}),
    };
  }
  return result;
}
