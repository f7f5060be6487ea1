import { type TurnContext, TurnContext as Turn } from 'botbuilder';
import type { WorkflowDeps } from '../workflow/deps';
import type { IntentChoice } from '../workflow/choose-intent';
import { type Completion, planRequest } from '../workflow/plan-request';
import type { AdaptiveCard } from '../../cards/card-kit';
import type { Requester } from '../domain';
import { planOutcomeCard } from './plan-outcome-card';

/**
 * A request continued from a click on one of its own cards ("I need a little more", "Which do you
 * mean?"): planned again with what was picked, and the answer replaces the clicked card in place, so
 * that card is the one later steps of the request update.
 */
export async function continueRequest(
  deps: WorkflowDeps,
  context: TurnContext,
  input: { text: string; requester: Requester; completion?: Completion; choice?: IntentChoice },
): Promise<AdaptiveCard> {
  const outcome = await planRequest(deps, { ...input, conversation: Turn.getConversationReference(context.activity) });
  const replyTo = context.activity.replyToId;
  if ((outcome.kind === 'planned' || outcome.kind === 'nothing-to-do') && replyTo) {
    await deps.store.setCardActivityId(outcome.request.id, replyTo);
  }
  return planOutcomeCard(outcome, deps);
}
