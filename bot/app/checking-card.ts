import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card-kit';
import { checkingCard } from '../../cards/message-cards';
import { cardActivity } from './card-activity';

/**
 * The first answer when hosts are slow (issue 11): a "Checking 3 hosts…" card, sent only if reading the
 * hosts takes longer than `afterMs` (a warm read answers well before, and one card is better than two),
 * then replaced in place by the real answer. If the channel refuses the update, the answer is sent as
 * a new message, so it is never lost.
 */
export class CheckingCard {
  private timer: NodeJS.Timeout | undefined;
  private sent: Promise<string | undefined> | undefined;

  constructor(
    private readonly context: TurnContext,
    private readonly afterMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The workflow is about to read these hosts. Only the first read of a message arms the card. */
  reading(hosts: readonly string[]): void {
    if (this.timer || this.sent || hosts.length === 0) return;
    this.timer = setTimeout(() => {
      this.sent = this.context.sendActivity(cardActivity(checkingCard(hosts))).then(
        (response) => response?.id,
        (error: unknown) => {
          this.onError(error);
          return undefined;
        },
      );
    }, this.afterMs);
  }

  /** Sends the answer, in place of the checking card when one went out; gives the answer's activity id. */
  async answer(card: AdaptiveCard): Promise<string | undefined> {
    clearTimeout(this.timer);
    const id = await this.sent;
    if (id) {
      try {
        await this.context.updateActivity({ ...cardActivity(card), id });
        return id;
      } catch (error) {
        this.onError(error);
      }
    }
    return (await this.context.sendActivity(cardActivity(card)))?.id;
  }
}
