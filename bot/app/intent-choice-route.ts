import type { Application, TurnState } from '@microsoft/teams-ai';
import type { WorkflowDeps } from '../workflow/deps';
import type { AdaptiveCard } from '../../cards/card-kit';
import { noticeCard, refusedCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import { actionData, readChoiceData } from './card-data';
import { identify } from './identify';
import { continueRequest } from './continue-request';

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
      return await continueRequest(deps, context, { text: data.text, requester: who.user, choice: data.choice });
    } catch (error) {
      return failure(error, 'choose');
    }
  });
}
