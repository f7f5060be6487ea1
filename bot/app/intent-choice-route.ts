import type { WorkflowDeps } from '../workflow/deps';
import { noticeCard } from '../../cards/message-cards';
import { VERB } from '../../cards/verbs';
import { actionData, readChoiceData } from './card-data';
import type { cardRoutes } from './card-route';
import { continueRequest } from './continue-request';

/**
 * "Which do you mean?": the reading picked on the card continues the same request. The card sends
 * only the text and which reading; the workflow parses the text again and takes the reading only if
 * its own parse offers it, so the card never decides operations, hosts or params. A question is
 * answered at once, a change gets its plan card, a missing host the "I need a little more" card.
 */
export function registerIntentChoiceRoute(route: ReturnType<typeof cardRoutes>, deps: WorkflowDeps): void {
  route(VERB.choose, 'choose', async (context, user) => {
    const data = readChoiceData(actionData(context.activity));
    if (!data) return noticeCard('I cannot read this button', 'The card data is not valid. Nothing was planned.');
    return continueRequest(deps, context, { text: data.text, requester: user, choice: data.choice });
  });
}
