import type { TeamsAdapter } from '@microsoft/teams-ai';
import { type ConversationReference, TeamsInfo, type TurnContext } from 'botbuilder';
import type { ChangeRequest } from '../../bot/domain';
import type { ApprovalsChannel, Notifier } from '../../bot/ports';
import { cardActivity } from '../../bot/app/create-app';
import { approvalCard } from '../../cards/approval-card';
import { requestCard } from '../../cards/request-card';

/**
 * Shows requests after the turn that asked is over (proactive messages through stored conversation
 * references): the requester's card in their chat, and the approval card in the approvals channel.
 */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async updateRequestCard(request: ChangeRequest): Promise<void> {
    const reference = request.conversation as Partial<ConversationReference>;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      const activity = cardActivity(requestCard(request));
      if (request.cardActivityId) {
        await context.updateActivity({ ...activity, id: request.cardActivityId });
      } else {
        await context.sendActivity(activity);
      }
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
        const userIds = await teamsUserIds(context, approvers);
        const sent = await context.sendActivity(cardActivity(approvalCard(request, { decide: false, userIds })));
        id = sent?.id;
      },
    );
    return id;
  }

  async updateApprovalCard(request: ChangeRequest, approvers: string[]): Promise<void> {
    const channel = request.approval?.channel;
    if (!channel?.activityId) return;
    const activityId = channel.activityId;
    await this.adapter.continueConversationAsync(
      this.botAppId,
      channel.conversation as Partial<ConversationReference>,
      async (context) => {
        const userIds = await teamsUserIds(context, approvers);
        await context.updateActivity({
          ...cardActivity(approvalCard(request, { decide: false, userIds })),
          id: activityId,
        });
      },
    );
  }
}

/**
 * Teams user ids (MRIs) of these Entra users, for `refresh.userIds`. Teams resolves a member by object
 * id; someone it cannot find (not in the team, or no roster here) just gets no automatic refresh.
 */
async function teamsUserIds(context: TurnContext, oids: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const oid of oids.slice(0, 60)) {
    try {
      const member = await TeamsInfo.getMember(context, oid);
      if (member?.id) ids.push(member.id);
    } catch {
      // not in this team, or the roster cannot be read: the card still shows its status to everyone
    }
  }
  return ids;
}
