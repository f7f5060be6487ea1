import { type ChannelChoice, chosenChannel } from './choose-channel';
import type { WorkflowDeps } from './deps';
import type { ChannelOutcome } from './outcomes';

/**
 * "@bot use this channel for approvals": an admin, in a team channel of an allowed tenant, chooses where
 * approval cards go. The channel's conversation reference is stored and the choice is audited (the audit
 * comes first: if it cannot be written, nothing is stored).
 */
export async function setApprovalsChannel(deps: WorkflowDeps, input: ChannelChoice): Promise<ChannelOutcome> {
  const channel = chosenChannel(deps, input, 'the approvals channel', 'approvers work');
  if ('kind' in channel) return channel;
  await deps.audit.append({
    kind: 'settings.approvals_channel',
    requestId: '-',
    actor: input.actor.oid,
    data: { name: channel.name },
  });
  await deps.settings.setApprovalsChannel(channel);
  return { kind: 'set', purpose: 'approvals', channel };
}
