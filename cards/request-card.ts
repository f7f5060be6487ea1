import { CLIENT_RESET_NEXT_STEPS } from '../bot/catalogue/client-reset-license-cache';
import type { ChangeRequest } from '../bot/domain';
import { clockTime } from './approval-facts';
import {
  type AdaptiveCard,
  bullets,
  card,
  type CardElement,
  executeAction,
  heading,
  paragraph,
  plain,
} from './card-kit';
import { backupEntry, previewSection, resultSection } from './host-report';
import { recoveredSection, resumeActions, resumeNote } from './recovered-run';
import { cancelledCard, expiredCard, rejectedCard, supersededCard } from './request-end-cards';
import { header, needsApprovers, title, who } from './request-header';
import { groupedSections } from './host-groups';
import { VERB } from './verbs';

export { cancelledCard, expiredCard, rejectedCard, supersededCard } from './request-end-cards';
export { header, title } from './request-header';

/**
 * The plan: per host what is there now and what will change. The requester confirms it, or, for a
 * change that needs approvers, asks for approval (with a justification) from this card.
 */
export function planCard(request: ChangeRequest, notice?: string): AdaptiveCard {
  const data = { requestId: request.id, fingerprint: request.fingerprint };
  const changeable = request.preview.some((outcome) => outcome.report?.changed && !outcome.report.refused);
  const body: CardElement[] = [
    ...(notice ? [paragraph(notice, { color: 'attention' })] : []),
    heading(title(request)),
    ...header(request),
    ...groupedSections(request.preview, previewSection),
  ];
  if (!needsApprovers(request)) {
    body.push(
      paragraph(`The bot backs up each key before deleting it. This plan expires at ${clockTime(request.expiresAt)}.`, {
        subtle: true,
      }),
    );
    return card(
      body,
      changeable
        ? [executeAction('Confirm', VERB.confirm, data, 'positive'), executeAction('Cancel', VERB.cancel, data)]
        : [executeAction('Cancel', VERB.cancel, data)],
    );
  }
  const required = request.approval?.justificationRequired ?? false;
  body.push(
    paragraph(
      `This change needs ${who(request)}. The bot backs up what it changes first and checks the hosts again just before it runs. This plan expires at ${clockTime(request.expiresAt)}.`,
      { subtle: true },
    ),
  );
  if (changeable) {
    body.push({
      type: 'Input.Text',
      id: 'justification',
      label: required ? 'Justification (required: why, ticket number)' : 'Justification (why, ticket number)',
      isMultiline: true,
      maxLength: 300,
      isRequired: required,
      errorMessage: 'Say why this change is needed (3 to 300 characters).',
    });
  }
  return card(
    body,
    changeable
      ? [executeAction('Ask for approval', VERB.submit, data, 'positive'), executeAction('Cancel', VERB.cancel, data)]
      : [executeAction('Cancel', VERB.cancel, data)],
  );
}

/** The requester's card while approvers decide: where it waits, who agreed so far, until when. */
export function submittedCard(request: ChangeRequest): AdaptiveCard {
  const data = { requestId: request.id, fingerprint: request.fingerprint };
  return card(
    [
      heading(`Waiting for approval: ${title(request)}`, 'accent'),
      ...header(request),
      paragraph(
        `Sent to ${plain(request.approval?.channel?.name ?? 'the approvals channel')}. Needs ${who(request)} by ${clockTime(request.expiresAt)}; after that it expires and you can submit it again with one click.`,
      ),
      ...groupedSections(request.preview, previewSection),
    ],
    [executeAction('Cancel request', VERB.cancel, data, 'destructive')],
  );
}

/** Shown from the click (or the last approval) until the last host answers. */
export function runningCard(request: ChangeRequest): AdaptiveCard {
  return card([
    heading(`${needsApprovers(request) ? 'Approved, running' : 'Running'}: ${title(request)}`, 'accent'),
    ...header(request),
    paragraph(
      needsApprovers(request)
        ? 'Checking the hosts are as the approvers saw them, then backing up and applying the change. This card updates when it is done.'
        : 'Backing up and applying the change on each host. This card updates when it is done.',
    ),
    ...progressLines(request),
  ]);
}

/** "12 of 40 hosts done, 1 failed", and which hosts wait for another request to finish with them. */
function progressLines(request: ChangeRequest): CardElement[] {
  const progress = request.progress;
  if (!progress) return [];
  const failed = progress.failed > 0 ? `, ${progress.failed} failed` : '';
  const lines = [paragraph(`${progress.done} of ${progress.total} hosts done${failed}.`, {})];
  if (progress.waitingFor.length > 0)
    lines.push(
      paragraph(
        `Waiting for ${progress.waitingFor.join(', ')}: another request is changing ${progress.waitingFor.length === 1 ? 'it' : 'them'}; this one goes next.`,
        { color: 'warning' },
      ),
    );
  return lines;
}

function nextSteps(request: ChangeRequest): CardElement[] {
  const outcomes = request.outcome ?? [];
  const anyChanged = outcomes.some((outcome) => outcome.report?.changed && !outcome.report.whatIf);
  const clientReset = request.operations.some((operation) => operation.intent === 'client.reset_license_cache');
  return anyChanged && clientReset ? [heading('Tell the user'), bullets(CLIENT_RESET_NEXT_STEPS)] : [];
}

/** Per host what changed, where the backup is, and what to tell the user next. */
export function resultCard(request: ChangeRequest): AdaptiveCard {
  const outcomes = request.outcome ?? [];
  const ok = request.state === 'succeeded';
  const recovered = outcomes.some((outcome) => outcome.recovery);
  const headline = ok
    ? `Done${recovered ? ' (checked after a restart)' : ''}: ${title(request)}`
    : recovered
      ? `Interrupted: ${title(request)}`
      : `Failed: ${title(request)}`;
  return card(
    [
      heading(headline, ok ? undefined : 'attention'),
      ...header(request, outcomes.flatMap(backupEntry)),
      ...groupedSections(outcomes, (outcome) =>
        outcome.recovery ? recoveredSection(outcome) : resultSection(outcome),
      ),
      ...(outcomes.length === 0 ? [paragraph('Nothing ran on any host.', { color: 'attention' })] : []),
      ...(request.failure ? [paragraph(plain(request.failure), { color: 'attention' })] : []),
      ...resumeNote(request),
      ...nextSteps(request),
    ],
    resumeActions(request),
  );
}

/** Nothing to change anywhere (or a host refused, e.g. Group Policy owns the value): answered at once, no buttons. */
export function nothingToDoCard(request: ChangeRequest): AdaptiveCard {
  const refused = request.preview.some((outcome) => outcome.report?.refused);
  return card([
    refused
      ? heading(`Cannot change: ${title(request)}`, 'warning')
      : heading(`No change needed: ${title(request)}`, 'good'),
    ...header(request),
    ...groupedSections(request.preview, previewSection),
    paragraph(
      refused
        ? 'Nothing was changed and nothing needs approving.'
        : 'If users still get a licensing error, check the session host events for 1003/1004.',
      { subtle: true },
    ),
  ]);
}

/** A request that finished at planning time: every host answered and none needed a change. */
function isNothingToDo(request: ChangeRequest): boolean {
  const outcomes = request.outcome ?? [];
  return (
    request.state === 'succeeded' &&
    outcomes.length > 0 &&
    outcomes.every((outcome) => outcome.report?.whatIf === true && !outcome.recovery)
  );
}

/** The requester's card for a request in whatever state it is now (used for in-place updates). */
export function requestCard(request: ChangeRequest): AdaptiveCard {
  switch (request.state) {
    case 'pending':
      return planCard(request);
    case 'submitted':
      return submittedCard(request);
    case 'confirmed':
    case 'running':
      return runningCard(request);
    case 'cancelled':
      return cancelledCard(request);
    case 'rejected':
      return rejectedCard(request);
    case 'expired':
      return expiredCard(request);
    case 'superseded':
      return supersededCard(request);
    case 'succeeded':
    case 'failed':
      return isNothingToDo(request) ? nothingToDoCard(request) : resultCard(request);
  }
}
