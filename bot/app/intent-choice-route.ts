import type { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import type { WorkflowDeps } from '../workflow/deps';
import { planRequest } from '../workflow/plan-request';
import type { AdaptiveCard } from '../../cards/card-kit';
import { noticeCard, refusedCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import { actionData, readChoiceData } from './card-data';
import { identify } from './identify';
import { planOutcomeCard } from './plan-outcome-card';

/**
 * "Which do you mean?": the reading picked on the card continues the same request. The card sends
 * only the text and which reading; the workflow parses the text again and takes the reading only if
 * its own parse offers it, so the card never decides operations, hosts or params. A question is
 * answered at once, a change gets its plan card, a missing host the "I need a little more" card.
 */
export function registerIntentChoiceRoute(
  app: Application<TurnState>,
  options: { deps: WorkflowDeps; failure: (error: unknown, where: string) => AdaptiveCard },
): void {
  const { deps, failure } = options;
  app.adaptiveCards.actionExecute(VERB.choose, async (context) => {
    try {
      const who = identify(context.activity);
      if (!who.ok) return refusedCard(who.reason);
      const data = readChoiceData(actionData(context.activity));
      if (!data) return noticeCard('I cannot read this button', 'The card data is not valid. Nothing was planned.');
      const outcome = await planRequest(deps, {
        text: data.text,
        requester: who.user,
        conversation: TurnContext.getConversationReference(context.activity),
        choice: data.choice,
      });
      // The plan replaces the choice card in place, so that card is the one later steps update.
      const replyTo = context.activity.replyToId;
      if ((outcome.kind === 'planned' || outcome.kind === 'nothing-to-do') && replyTo) {
        await deps.store.setCardActivityId(outcome.request.id, replyTo);
      }
      return planOutcomeCard(outcome, deps);
    } catch (error) {
      return failure(error, 'choose');
    }
  });
}
