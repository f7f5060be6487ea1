import type { TeamsAdapter } from '@microsoft/teams-ai';
import { CardFactory, type ConversationReference, MessageFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChangeRequest } from '../../bot/domain';
import type { Alert, AlertsChannel, ApprovalsChannel, Notifier } from '../../bot/ports';
import { LatestWins } from './latest-wins';

/**
 * The cards a proactive message carries, built by the composition root: an adapter renders no card of
 * its own and imports neither cards/ nor bot/app/.
 */
export interface ProactiveCards {
  request(request: ChangeRequest): object;
  approval(request: ChangeRequest, view: { userIds: string[]; mentions?: Array<{ id: string; name: string }> }): object;
  alert(alert: Alert): object;
}

function cardActivity(card: object): ReturnType<typeof MessageFactory.attachment> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * Shows requests after the turn that asked is over (proactive messages through stored conversation
 * references): the requester's card in their chat, the approval card in the approvals channel, and
 * alerts in the alerts channel.
 */
export class TeamsNotifier implements Notifier {
  private readonly updates = new LatestWins();

  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly cards: ProactiveCards,
  ) {}

  async updateRequestCard(request: ChangeRequest): Promise<void> {
    const reference = request.conversation as Partial<ConversationReference>;
    const send = () =>
      this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        const activity = cardActivity(this.cards.request(request));
        if (request.cardActivityId) {
          await context.updateActivity({ ...activity, id: request.cardActivityId });
        } else {
          await context.sendActivity(activity);
        }
      });
    await (request.cardActivityId ? this.updates.update(`request:${request.cardActivityId}`, send) : send());
  }

  async tellRequester(request: ChangeRequest, text: string): Promise<void> {
    const reference = request.conversation as Partial<ConversationReference>;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await context.sendActivity(MessageFactory.text(text));
    });
  }

  async postApprovalCard(
    request: ChangeRequest,
    channel: ApprovalsChannel,
    approvers: string[],
  ): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(
      this.botAppId,
      channel.conversation as Partial<ConversationReference>,
      async (context) => {
        const members = await teamsMembers(context, approvers);
        const userIds = members.map((member) => member.id);
        // The first post mentions the approvers so Teams notifies them; updates do not mention again.
        const sent = await context.sendActivity(
          cardActivity(this.cards.approval(request, { userIds, mentions: members })),
        );
        id = sent?.id;
      },
    );
    return id;
  }

  async postAlert(channel: AlertsChannel, alert: Alert): Promise<void> {
    await this.adapter.continueConversationAsync(
      this.botAppId,
      channel.conversation as Partial<ConversationReference>,
      async (context) => {
        await context.sendActivity(cardActivity(this.cards.alert(alert)));
      },
    );
  }

  async updateApprovalCard(request: ChangeRequest, approvers: string[]): Promise<void> {
    const channel = request.approval?.channel;
    if (!channel?.activityId) return;
    const activityId = channel.activityId;
    await this.updates.update(`approval:${activityId}`, () =>
      this.adapter.continueConversationAsync(
        this.botAppId,
        channel.conversation as Partial<ConversationReference>,
        async (context) => {
          const userIds = (await teamsMembers(context, approvers)).map((member) => member.id);
          await context.updateActivity({
            ...cardActivity(this.cards.approval(request, { userIds })),
            id: activityId,
          });
        },
      ),
    );
  }
}

/**
 * Teams ids (MRIs) and names of these Entra users, for `refresh.userIds` and mentions. Teams resolves a
 * member by object id; someone it cannot find (not in the team, or no roster here) just gets no
 * automatic refresh and no mention.
 */
async function teamsMembers(context: TurnContext, oids: string[]): Promise<Array<{ id: string; name: string }>> {
  const members: Array<{ id: string; name: string }> = [];
  for (const oid of oids.slice(0, 60)) {
    try {
      const member = await TeamsInfo.getMember(context, oid);
      if (member?.id) members.push({ id: member.id, name: member.name || oid });
    } catch {
      // not in this team, or the roster cannot be read: the card still shows its status to everyone
    }
  }
  return members;
}
