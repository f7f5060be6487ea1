import { operationDefinition } from '../bot/catalogue';
import { CLIENT_RESET_NEXT_STEPS } from '../bot/catalogue/client-reset-license-cache';
import type { ChangeRequest } from '../bot/domain';
import {
  type AdaptiveCard,
  bullets,
  card,
  container,
  executeAction,
  facts,
  heading,
  paragraph,
  plain,
} from './card-kit';
import { previewSection, resultSection } from './host-report';
import { VERB } from './verbs';

function title(request: ChangeRequest): string {
  return request.operations
    .map((operation) => `${operationDefinition(operation.intent).title} on ${operation.targets.join(', ')}`)
    .join('; ');
}

function header(request: ChangeRequest): AdaptiveCard['body'] {
  return [
    facts([
      ['Requested by', plain(request.requester.name)],
      ['Request', request.id],
    ]),
    paragraph(`“${plain(request.text)}”`, { subtle: true }),
  ];
}

/** The plan: per host what is there now and what will change, with Confirm / Cancel for the requester. */
export function planCard(request: ChangeRequest): AdaptiveCard {
  const data = { requestId: request.id, fingerprint: request.fingerprint };
  const changeable = request.preview.some((outcome) => outcome.report?.changed);
  return card(
    [
      heading(title(request)),
      ...header(request),
      ...request.preview.map((outcome) => container(previewSection(outcome))),
      paragraph(
        `The bot backs up each key before deleting it. This plan expires at ${request.expiresAt.slice(11, 16)} UTC.`,
        { subtle: true },
      ),
    ],
    changeable
      ? [executeAction('Confirm', VERB.confirm, data, 'positive'), executeAction('Cancel', VERB.cancel, data)]
      : [executeAction('Cancel', VERB.cancel, data)],
  );
}

/** Shown from the click until the last host answers. */
export function runningCard(request: ChangeRequest): AdaptiveCard {
  return card([
    heading(`Running: ${title(request)}`, 'accent'),
    ...header(request),
    paragraph('Backing up and applying the change on each host. This card updates when it is done.'),
  ]);
}

/** Per host what was deleted, where the backup is, and what to tell the user next. */
export function resultCard(request: ChangeRequest): AdaptiveCard {
  const outcomes = request.outcome ?? [];
  const ok = request.state === 'succeeded';
  const interrupted = outcomes.some((outcome) => outcome.error?.code === 'interrupted');
  const headline = ok
    ? `Done: ${title(request)}`
    : interrupted
      ? `Interrupted: ${title(request)}`
      : `Failed: ${title(request)}`;
  const anyChanged = outcomes.some((outcome) => outcome.report?.changed && !outcome.report.whatIf);
  return card([
    heading(headline, ok ? 'good' : 'attention'),
    ...header(request),
    ...outcomes.map((outcome) =>
      container(outcome.error?.code === 'interrupted' ? previewInterrupted(outcome) : resultSection(outcome)),
    ),
    ...(outcomes.length === 0 ? [paragraph('Nothing ran on any host.', { color: 'attention' })] : []),
    ...(anyChanged ? [heading('Tell the user'), bullets(CLIENT_RESET_NEXT_STEPS)] : []),
  ]);
}

function previewInterrupted(outcome: ChangeRequest['preview'][number]): AdaptiveCard['body'] {
  return [paragraph(`**${outcome.host}**: interrupted. ${outcome.error?.message ?? ''}`, { color: 'warning' })];
}

/** Nothing to change anywhere: answered at once, no buttons. */
export function nothingToDoCard(request: ChangeRequest): AdaptiveCard {
  return card([
    heading(`No change needed: ${title(request)}`, 'good'),
    ...header(request),
    ...request.preview.map((outcome) => container(previewSection(outcome))),
    paragraph('If the user still gets a licensing error, check the session host events for 1003/1004.', {
      subtle: true,
    }),
  ]);
}

export function cancelledCard(request: ChangeRequest): AdaptiveCard {
  return card([heading(`Cancelled: ${title(request)}`), ...header(request), paragraph('Nothing was changed.')]);
}

/** A request that finished at planning time: every host answered and none needed a change. */
function isNothingToDo(request: ChangeRequest): boolean {
  const outcomes = request.outcome ?? [];
  return (
    request.state === 'succeeded' && outcomes.length > 0 && outcomes.every((outcome) => outcome.report?.whatIf === true)
  );
}

/** The card for a request in whatever state it is now (used for in-place updates). */
export function requestCard(request: ChangeRequest): AdaptiveCard {
  switch (request.state) {
    case 'pending':
      return planCard(request);
    case 'confirmed':
    case 'running':
      return runningCard(request);
    case 'cancelled':
      return cancelledCard(request);
    case 'succeeded':
    case 'failed':
      return isNothingToDo(request) ? nothingToDoCard(request) : resultCard(request);
  }
}
