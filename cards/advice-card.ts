import { ADVICE } from '../bot/catalogue/advice';
import type { Intent } from '../bot/domain';
import { type AdaptiveCard, bullets, card, heading, paragraph } from './card-kit';

/** An explanation instead of an action: why, and the supported way. */
export function adviceCard(intent: Intent): AdaptiveCard {
  const advice = ADVICE[intent];
  if (!advice) return card([heading('I cannot help with that'), paragraph('There is no advice for this request.')]);
  return card([
    heading(advice.title, 'warning'),
    paragraph(advice.answer),
    heading('What to do instead'),
    bullets(advice.steps),
  ]);
}
