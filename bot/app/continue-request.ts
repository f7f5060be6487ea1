import type { TurnContext } from 'botbuilder';
import type { Requester } from '../domain';
import { answerMessage } from '../workflow/answer-message';
import type { IntentChoice } from '../workflow/choose-intent';
import type { Completion } from '../workflow/complete-parse';
import type { WorkflowDeps } from '../workflow/deps';
import { recordRequestCard } from '../workflow/record-card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { cardActivity } from './card-activity';
import { planOutcomeCard } from './render';
import { storedReference } from './stored-reference';

/**
 * A request continued from a click on one of its own cards ("I need a little more", "Which do you
 * mean?"): answered again with what was picked, and the answer replaces the clicked card in place, so
 * that card is the one later steps of the request update.
 */
export async function continueRequest(
  deps: WorkflowDeps,
  context: TurnContext,
  input: { text: string; requester: Requester; completion?: Completion; choice?: IntentChoice },
): Promise<AdaptiveCard> {
  const outcome = await answerMessage(deps, {
    ...input,
    conversation: storedReference(context.activity),
  });
  await recordRequestCard(deps, outcome, context.activity.replyToId);
  return planOutcomeCard(outcome, deps.inventory.hosts());
}

/**
 * A request asked from a button in words (a fix, a suggestion, Retry): answered as a new message, so
 * the card the button sits on stays readable; that new message is the one later steps update.
 */
export async function askBelow(
  deps: WorkflowDeps,
  context: TurnContext,
  input: { text: string; requester: Requester },
): Promise<string> {
  const outcome = await answerMessage(deps, { ...input, conversation: storedReference(context.activity) });
  const sent = await context.sendActivity(cardActivity(planOutcomeCard(outcome, deps.inventory.hosts())));
  await recordRequestCard(deps, outcome, sent?.id);
  return 'Answered below.';
}
