import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
import type { ChangeRequest } from '../../bot/domain';
import type { Notifier } from '../../bot/ports';
import { cardActivity } from '../../bot/app/create-app';
import { requestCard } from '../../cards/request-card';

/**
 * Updates a request's card in place after the turn that asked is over (proactive message through the
 * stored conversation reference). If the card's id is unknown, the card is posted as a new message.
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
}
