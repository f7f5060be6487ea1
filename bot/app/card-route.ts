import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Requester } from '../domain';
import type { MemberCheck } from '../policy/check-member';
import type { AdaptiveCard } from '../../cards/card-kit';
import { refusedCard } from '../../cards/message-cards';
import { actionData } from './card-data';
import { type Identity, identify } from './identify';
import { BAD_BUTTON } from './render';

export interface CardRouteOptions {
  /** Who clicked: the activity's identity by default; approval routes add the roster's member kind. */
  who?: (context: TurnContext) => Promise<Identity>;
  /** `clicker`: only the person who clicked sees the answer (the shared approval card stays as it is). */
  answer?: 'everyone' | 'clicker';
  /** The answer when the card data cannot be read (by default "I cannot read this button"). */
  unreadable?: AdaptiveCard;
}

export type Failure = (error: unknown, where: string) => AdaptiveCard;

/**
 * A click handled: what the card carried (already validated), who clicked, and the activity. The
 * answer replaces the clicked card, or, as a string, shows as a short message and leaves it as it was
 * (a button that posted its answer as a new message: the card it sits on stays readable).
 */
export type ClickHandler<D> = (data: D, user: Requester, context: TurnContext) => Promise<AdaptiveCard | string>;

/**
 * The one skeleton of every card button, so that each route is one line: identify the clicker (a
 * refusal card if that fails), check they are someone the bot serves (tenant and a role), read the
 * card's data (an unreadable payload is answered before any use case runs), run the use case and
 * render its outcome, and turn anything unexpected into the error card with a code and a correlation id.
 */
export function clickRoutes(app: Application<TurnState>, failure: Failure, member: (user: Requester) => MemberCheck) {
  return <D>(
    verb: string,
    read: (value: unknown) => D | undefined,
    handle: ClickHandler<D>,
    options: CardRouteOptions = {},
  ): void => {
    app.adaptiveCards.actionExecute(verb, async (context) => {
      const reply = (card: AdaptiveCard): Promise<AdaptiveCard | string> | AdaptiveCard =>
        options.answer === 'clicker' ? answerClicker(context, card) : card;
      try {
        const who = options.who ? await options.who(context) : identify(context.activity);
        if (!who.ok) return reply(refusedCard(who.reason));
        // Before the card's data is read or any request looked up: someone the bot does not serve gets
        // the refusal alone, shown to them only (the card stays as it is for everyone else).
        const allowed = member(who.user);
        if (!allowed.ok) return answerClicker(context, refusedCard(allowed.reason));
        const data = read(actionData(context.activity));
        if (data === undefined) return reply(options.unreadable ?? BAD_BUTTON);
        const answer = await handle(data, who.user, context);
        return typeof answer === 'string' ? answer : reply(answer);
      } catch (error) {
        return reply(failure(error, verb));
      }
    });
  };
}

export type ClickRoute = ReturnType<typeof clickRoutes>;

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
