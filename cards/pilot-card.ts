import type { HostOutcome, PlannedOperation } from '../bot/domain';
import { type AdaptiveCard, card, heading, paragraph } from './card-kit';
import { groupedSections } from './host-groups';
import { previewSection } from './host-report';
import { title } from './request-header';

/**
 * Pilot mode's answer to a change: the same per-host preview a plan shows (so the admin can judge what
 * the bot would do), with no Confirm or approval button, and the sentence that says why.
 */
export function pilotCard(
  reason: string,
  operations: PlannedOperation[],
  preview: readonly HostOutcome[],
): AdaptiveCard {
  return card([
    paragraph(reason, { color: 'warning' }),
    heading(`Preview only: ${title({ operations })}`),
    ...groupedSections(preview, previewSection),
    paragraph('This is what the change would do. The bot changed nothing.', { subtle: true }),
  ]);
}
