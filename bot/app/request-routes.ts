import { cancelRequest } from '../workflow/cancel-request';
import { confirmRequest } from '../workflow/confirm-request';
import type { WorkflowDeps } from '../workflow/deps';
import { recordRequestCard } from '../workflow/record-card';
import { resubmitRequest } from '../workflow/resubmit-request';
import { resumeRequest } from '../workflow/resume-request';
import { submitForApproval } from '../workflow/submit-for-approval';
import { noticeCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import {
  clickOf,
  readAskData,
  readChoiceData,
  readCompletionData,
  readDecision,
  readDecisionData,
  readRequestRef,
} from './card-data';
import type { ClickRoute } from './card-route';
import { askBelow, continueRequest } from './continue-request';
import { decisionCard, resumedByApproverCard, submitCard } from './render';
import type { StartRun } from './start-run';

const withJustification = (value: unknown) => readDecisionData(value, 'justification');

const UNREADABLE_PICKS = noticeCard('I cannot read this card', 'Pick from the lists, or write the request again.');
const UNREADABLE_CHOICE = noticeCard('I cannot read this button', 'The card data is not valid. Nothing was planned.');

/**
 * The requester's own cards: Confirm (the change then runs in the background), Cancel, "Ask for
 * approval" with the justification typed on the card, "Submit again" on an expired request, the
 * "I need a little more" answer and the "Which do you mean?" pick, and Resume on an interrupted run
 * (the requester's card or the approval card: the core checks who may). The stored plan decides; the card
 * only names it (and a pick is taken only if the core's own parse offers it).
 */
export function registerRequestRoutes(on: ClickRoute, deps: WorkflowDeps, startRun: StartRun): void {
  on(VERB.confirm, readDecision, async (data, user) =>
    decisionCard(startRun(await confirmRequest(deps, clickOf(data, user)))),
  );
  on(VERB.cancel, readDecision, async (data, user) => decisionCard(await cancelRequest(deps, clickOf(data, user))));
  on(VERB.submit, withJustification, async (data, user) =>
    submitCard(await submitForApproval(deps, { ...clickOf(data, user), justification: data.text })),
  );
  on(VERB.resubmit, readRequestRef, async ({ requestId }, user, context) => {
    const outcome = await resubmitRequest(deps, { requestId, actor: user });
    await recordRequestCard(deps, outcome, context.activity.replyToId, { replacing: requestId });
    return submitCard(outcome);
  });
  on(VERB.resume, readRequestRef, async ({ requestId }, user, context) => {
    const { outcome, byRequester } = await resumeRequest(deps, { requestId, actor: user });
    if (!byRequester) return resumedByApproverCard(outcome);
    await recordRequestCard(deps, outcome, context.activity.replyToId, { replacing: requestId });
    return submitCard(outcome);
  });
  on(
    VERB.complete,
    readCompletionData,
    ({ text, choice, ...completion }, user, context) =>
      continueRequest(deps, context, { text, requester: user, completion, ...(choice ? { choice } : {}) }),
    { unreadable: UNREADABLE_PICKS },
  );
  // Typed text and a button's text meet the same parser, policy and preview: a button only saves typing.
  on(VERB.ask, readAskData, ({ text }, user, context) => askBelow(deps, context, { text, requester: user }), {
    unreadable: UNREADABLE_CHOICE,
  });
  on(
    VERB.choose,
    readChoiceData,
    ({ text, choice }, user, context) => continueRequest(deps, context, { text, requester: user, choice }),
    { unreadable: UNREADABLE_CHOICE },
  );
}
