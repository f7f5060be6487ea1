import { AdaptiveCardActionExecuteResponseType, Application, type TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import {
  ActivityTypes,
  CardFactory,
  type ConversationReference,
  MemoryStorage,
  MessageFactory,
  type TurnContext,
  TurnContext as Turn,
} from 'botbuilder';
import type { Requester } from '../domain';
import { cancelRequest, confirmRequest } from '../workflow/decide-request';
import type { WorkflowDeps } from '../workflow/deps';
import { planRequest } from '../workflow/plan-request';
import { runRequest } from '../workflow/run-request';
import { setApprovalsChannel } from '../workflow/set-approvals-channel';
import { submitForApproval } from '../workflow/submit-for-approval';
import { resubmitRequest } from '../workflow/resubmit-request';
import { type AdaptiveCard } from '../../cards/card-kit';
import { helpCard, noticeCard, refusedCard } from '../../cards/message-cards';
import { runningCard } from '../../cards/request-card';
import { VERB } from '../../cards/verbs';
import type { BackgroundWork } from './background';
import { actionData, readCompletionData, readDecisionData, readRequestRef } from './card-data';
import { registerApprovalRoutes } from './approval-routes';
import { cardRoutes } from './card-route';
import { continueRequest } from './continue-request';
import { failureCard } from './failure-card';
import { identify } from './identify';
import { registerIntentChoiceRoute } from './intent-choice-route';
import { localMemberKind, type MemberKind } from './member-kind';
import { planOutcomeCard } from './plan-outcome-card';
import { type ClickOutcome, decisionCard, resubmitCard } from './render-decisions';

export interface AppOptions {
  deps: WorkflowDeps;
  background: BackgroundWork;
  /** Tells guests from members when they approve (Teams roster; none in local mode). */
  memberKind?: MemberKind;
  /** The real adapter (HTTP); absent under TestAdapter. */
  adapter?: TeamsAdapter;
  botAppId?: string;
}

export function cardActivity(card: AdaptiveCard): ReturnType<typeof MessageFactory.attachment> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * The Teams layer: teams-ai routes that turn activities into use-case calls and outcomes into cards.
 * Nothing here decides anything; identity, policy and state live in the core.
 */
export function createApp(options: AppOptions): Application<TurnState> {
  const { deps, background } = options;
  const app = new Application<TurnState>({
    storage: new MemoryStorage(),
    startTypingTimer: false,
    ...(options.adapter ? { adapter: options.adapter, botAppId: options.botAppId ?? '' } : {}),
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });

  const failure = failureCard(deps.log);
  const route = cardRoutes(app, failure);

  /** Confirm and Cancel on the requester's own card: the stored plan decides, the card only names it. */
  const decide = async (context: TurnContext, user: Requester, use: typeof confirmRequest): Promise<ClickOutcome> => {
    const data = readDecisionData(actionData(context.activity));
    if (!data) return { kind: 'bad-payload' };
    return use(deps, { requestId: data.requestId, fingerprint: data.fingerprint, actor: user });
  };

  route(VERB.confirm, 'confirm', async (context, user) => {
    const outcome = await decide(context, user, confirmRequest);
    if (outcome.kind !== 'confirmed') return decisionCard(outcome);
    const request = outcome.request;
    background.start(() => runRequest(deps, request));
    return runningCard(request);
  });

  route(VERB.cancel, 'cancel', async (context, user) => decisionCard(await decide(context, user, cancelRequest)));

  // "Ask for approval", with the justification typed on the plan card.
  route(VERB.submit, 'submit', async (context, user) => {
    const data = readDecisionData(actionData(context.activity), 'justification');
    if (!data) return decisionCard({ kind: 'bad-payload' });
    const outcome = await submitForApproval(deps, {
      requestId: data.requestId,
      fingerprint: data.fingerprint,
      actor: user,
      justification: data.text,
    });
    return resubmitCard(outcome);
  });

  // "Submit again" on an expired request: one click, a fresh preview, straight to the approvers.
  route(VERB.resubmit, 'resubmit', async (context, user) => {
    const ref = readRequestRef(actionData(context.activity));
    if (!ref) return decisionCard({ kind: 'bad-payload' });
    const outcome = await resubmitRequest(deps, { requestId: ref.requestId, actor: user });
    const replyTo = context.activity.replyToId;
    if ('request' in outcome && outcome.request && replyTo && outcome.request.id !== ref.requestId) {
      await deps.store.setCardActivityId(outcome.request.id, replyTo);
    }
    return resubmitCard(outcome);
  });

  registerApprovalRoutes(app, { deps, background, memberKind: options.memberKind ?? localMemberKind, failure });

  // The answer to "I need a little more": the same request, completed with what the user picked.
  route(VERB.complete, 'complete', async (context, user) => {
    const data = readCompletionData(actionData(context.activity));
    if (!data) return noticeCard('I cannot read this card', 'Pick from the lists, or write the request again.');
    const { text, choice, ...completion } = data;
    return continueRequest(deps, context, { text, requester: user, completion, ...(choice ? { choice } : {}) });
  });

  registerIntentChoiceRoute(route, deps);

  app.conversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id === context.activity.recipient?.id)) {
      await context.sendActivity(cardActivity(helpCard('Hello! Tell me what is wrong in plain words.')));
    }
  });

  // Any other invoke (an unknown verb, a forged action): a clear answer instead of HTTP 501.
  app.activity(ActivityTypes.Invoke, async (context) => {
    await context.sendActivity({
      type: 'invokeResponse',
      value: {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'This button is not one I know.',
        },
      },
    });
  });

  // An admin, in a team channel: "@RDS Licensing Bot use this channel for approvals".
  app.message(/\buse this channel for approvals\b/i, async (context) => {
    const who = identify(context.activity);
    if (!who.ok) {
      await context.sendActivity(cardActivity(refusedCard(who.reason)));
      return;
    }
    const channelData = context.activity.channelData as
      | { channel?: { name?: unknown }; team?: { name?: unknown } }
      | undefined;
    const name = [channelData?.team?.name, channelData?.channel?.name]
      .filter((part): part is string => typeof part === 'string')
      .join(' / ');
    try {
      const outcome = await setApprovalsChannel(deps, {
        actor: who.user,
        conversationType: context.activity.conversation?.conversationType,
        channelName: name || 'this channel',
        conversation: channelReference(context),
      });
      await context.sendActivity(
        cardActivity(
          outcome.kind === 'set'
            ? noticeCard(
                'Approvals go here',
                `Approval requests will be posted in ${outcome.channel.name}. Only approvers can decide them.`,
              )
            : refusedCard(outcome.reason),
        ),
      );
    } catch (error) {
      await context.sendActivity(cardActivity(failure(error, 'approvals channel')));
    }
  });

  // Registered last: every message with text that no route above took.
  app.activity(ActivityTypes.Message, async (context) => {
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    if (!text) return; // card submits and attachments without text are not requests
    const who = identify(context.activity);
    if (!who.ok) {
      await context.sendActivity(cardActivity(refusedCard(who.reason)));
      return;
    }
    try {
      const outcome = await planRequest(deps, {
        text,
        requester: who.user,
        conversation: Turn.getConversationReference(context.activity),
      });
      const sent = await context.sendActivity(cardActivity(planOutcomeCard(outcome, deps)));
      if ((outcome.kind === 'planned' || outcome.kind === 'nothing-to-do') && sent?.id) {
        await deps.store.setCardActivityId(outcome.request.id, sent.id);
      }
    } catch (error) {
      await context.sendActivity(cardActivity(failure(error, 'plan')));
    }
  });

  return app;
}

/**
 * The approvals channel itself, not the thread the admin wrote in: a channel message's conversation id
 * ends in ";messageid=..." and posting there would reply in that thread. Without it, every approval
 * card is a new post in the channel.
 */
function channelReference(context: TurnContext): Partial<ConversationReference> {
  const reference = Turn.getConversationReference(context.activity);
  const id = reference.conversation?.id?.split(';')[0];
  return id && reference.conversation ? { ...reference, conversation: { ...reference.conversation, id } } : reference;
}
