import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Requester } from '../domain';
import type { AdaptiveCard } from '../../cards/card-kit';
import { refusedCard } from '../../cards/message-cards';
import { type Identity, identify } from './identify';

export interface CardRouteOptions {
  /** Who clicked: the activity's identity by default; approval routes add the roster's member kind. */
  who?: (context: TurnContext) => Promise<Identity>;
  /** `clicker`: only the person who clicked sees the answer (the shared approval card stays as it is). */
  answer?: 'everyone' | 'clicker';
}

export type Failure = (error: unknown, where: string) => AdaptiveCard;

export type CardHandler = (context: TurnContext, user: Requester) => Promise<AdaptiveCard>;

/**
 * One skeleton for every card button: identify the clicker (a refusal card if that fails), run the
 * handler, and turn anything unexpected into the error card with a code and a correlation id.
 */
export function cardRoutes(app: Application<TurnState>, failure: Failure) {
  return (verb: string, where: string, handle: CardHandler, options: CardRouteOptions = {}): void => {
    app.adaptiveCards.actionExecute(verb, async (context) => {
      const reply = (card: AdaptiveCard): Promise<AdaptiveCard | string> | AdaptiveCard =>
        options.answer === 'clicker' ? answerClicker(context, card) : card;
      try {
        const who = options.who ? await options.who(context) : identify(context.activity);
        if (!who.ok) return reply(refusedCard(who.reason));
        return reply(await handle(context, who.user));
      } catch (error) {
        return reply(failure(error, where));
      }
    });
  };
}

/**
 * Sends the invoke response to the person who clicked only. The approval card everyone sees is
 * updated separately (by the workflow, through the notifier); a refusal or an approver's own view
 * must never replace it for the whole channel.
 */
export async function answerClicker(context: TurnContext, card: AdaptiveCard): Promise<string> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
  return ''; // teams-ai sees the invoke response is sent and adds nothing
}
