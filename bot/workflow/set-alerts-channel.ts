import { type ChannelChoice, chosenChannel } from './choose-channel';
import type { WorkflowDeps } from './deps';
import type { ChannelOutcome } from './outcomes';

/**
 * "@bot use this channel for alerts": an admin chooses where the bot posts alerts for admins (ADR 0024),
 * with the same checks as the approvals channel. Audited first: if the record cannot be written,
 * nothing is stored.
 */
export async function setAlertsChannel(deps: WorkflowDeps, input: ChannelChoice): Promise<ChannelOutcome> {
  const channel = chosenChannel(deps, input, 'the alerts channel', 'admins work');
  if ('kind' in channel) return channel;
  await deps.audit.append({
    kind: 'settings.alerts_channel',
    requestId: '-',
    actor: input.actor.oid,
    data: { name: channel.name },
  });
  await deps.settings.setAlertsChannel(channel);
  return { kind: 'set', purpose: 'alerts', channel };
}
