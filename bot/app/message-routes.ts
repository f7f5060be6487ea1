import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Requester } from '../domain';
import { answerMessage } from '../workflow/answer-message';
import type { WorkflowDeps } from '../workflow/deps';
import { recordRequestCard } from '../workflow/record-card';
import { type ChannelPurpose, setChannel } from '../workflow/set-channel';
import type { AdaptiveCard } from '../../cards/card-kit';
import { helpCard, refusedCard } from '../../cards/message-cards';
import type { Failure } from './card-route';
import { cardActivity } from './card-activity';
import { CheckingCard } from './checking-card';
import { identify } from './identify';
import { storedReference } from './stored-reference';
import { channelCard, planOutcomeCard } from './render';

/** Where a channel is named on its activity ("Team / Channel"). */
function channelName(context: TurnContext): string {
  const data = context.activity.channelData as { channel?: { name?: unknown }; team?: { name?: unknown } } | undefined;
  const name = [data?.team?.name, data?.channel?.name].filter((part): part is string => typeof part === 'string');
  return name.join(' / ') || 'this channel';
}

/**
 * The approvals (or alerts) channel itself, not the thread the admin wrote in: a channel message's conversation id
 * ends in ";messageid=..." and posting there would reply in that thread. Without it, every approval
 * card is a new post in the channel.
 */
function channelReference(context: TurnContext): Partial<ConversationReference> {
  const reference = storedReference(context.activity);
  const id = reference.conversation?.id?.split(';')[0];
  return id && reference.conversation ? { ...reference, conversation: { ...reference.conversation, id } } : reference;
}

/**
 * Everything that is not a card button: the greeting when the bot is added, an unknown invoke, the
 * admin's "use this channel for approvals" (or "for alerts"), and every other message (registered last).
 */
export function registerMessageRoutes(
  app: Application<TurnState>,
  deps: WorkflowDeps,
  failure: Failure,
  checkingCardMs: number,
): void {
  /**
   * Identify the writer, answer with one card, then `after` with the sent card's id; failures as the
   * error card. When the work reads hosts slowly, a "Checking…" card goes first and the answer (or the
   * error card) replaces it.
   */
  const answer = async (
    context: TurnContext,
    where: string,
    work: (
      user: Requester,
      checking: CheckingCard,
    ) => Promise<{ card: AdaptiveCard; after?: (sentId: string | undefined) => Promise<void> }>,
  ): Promise<void> => {
    const who = identify(context.activity);
    if (!who.ok) {
      await context.sendActivity(cardActivity(refusedCard(who.reason)));
      return;
    }
    const checking = new CheckingCard(context, checkingCardMs, (error) =>
      deps.log.warn('the checking card could not be sent or replaced', { error: String(error) }),
    );
    try {
      const { card, after } = await work(who.user, checking);
      // Sent first and unconditionally: `after?.(await …)` would skip the send when there is no `after`.
      const sentId = await checking.answer(card);
      await after?.(sentId);
    } catch (error) {
      await checking.answer(failure(error, where));
    }
  };

  // Whoever adds the bot may hold no role: the welcome's examples are generic, not the inventory's.
  app.conversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id === context.activity.recipient?.id)) {
      await context.sendActivity(cardActivity(helpCard([], 'Hello! Tell me what is wrong in plain words.')));
    }
  });

  // Any other invoke (an unknown verb, a forged action): a clear answer instead of HTTP 501.
  app.activity(ActivityTypes.Invoke, async (context) => {
    const body = {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'This button is not one I know.',
    };
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  });

  // An admin, in a team channel: "@RDS Licensing Bot use this channel for approvals" (or "for alerts", ADR 0024).
  app.message(/\buse this channel for (approvals|alerts)\b/i, async (context) => {
    const purpose = /\bfor alerts\b/i.test(context.activity.text ?? '') ? 'alerts' : ('approvals' as ChannelPurpose);
    await answer(context, `${purpose} channel`, async (actor) => {
      const outcome = await setChannel(deps, purpose, {
        actor,
        conversationType: context.activity.conversation?.conversationType,
        channelName: channelName(context),
        conversation: channelReference(context),
      });
      return { card: channelCard(outcome) };
    });
  });

  // Registered last: every message with text that no route above took.
  app.activity(ActivityTypes.Message, async (context) => {
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    if (!text) return; // card submits and attachments without text are not requests
    await answer(context, 'plan', async (requester, checking) => {
      const conversation = storedReference(context.activity);
      const reading = (hosts: readonly string[]) => checking.reading(hosts);
      const outcome = await answerMessage(deps, { text, requester, conversation, reading });
      const card = planOutcomeCard(outcome, deps.inventory.hosts());
      return { card, after: (sentId) => recordRequestCard(deps, outcome, sentId) };
    });
  });
}
