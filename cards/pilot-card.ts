import { operationDefinition } from '../bot/catalogue';
import type { HostOutcome, PlannedOperation } from '../bot/domain';
import { type AdaptiveCard, card, heading, paragraph } from './card-kit';
import { groupedSections, hostList } from './host-groups';
import { previewSection } from './host-report';

/**
 * Pilot mode's answer to a change: the same per-host preview a plan shows (so the admin can judge what
 * the bot would do), with no Confirm or approval button, and the sentence that says why.
 */
export function pilotCard(
  reason: string,
  operations: readonly PlannedOperation[],
  preview: readonly HostOutcome[],
): AdaptiveCard {
  const title = operations
    .map((operation) => `${operationDefinition(operation.intent).title} on ${hostList(operation.targets)}`)
    .join('; ');
  return card([
    paragraph(reason, { color: 'warning' }),
    heading(`Preview only: ${title}`),
    ...groupedSections(preview, previewSection),
    paragraph('This is what the change would do. The bot changed nothing.', { subtle: true }),
  ]);
}
