import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/card-kit';

/** A message carrying one Adaptive Card. */
export function cardActivity(card: AdaptiveCard): ReturnType<typeof MessageFactory.attachment> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
