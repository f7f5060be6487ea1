import type { Requester } from '../domain';
import { rolesOf } from '../policy/policy';
import type { ApprovalsChannel } from '../ports';
import type { WorkflowDeps } from './deps';
import { type ChannelOutcome, refused } from './outcomes';

/**
 * "@bot use this channel for approvals": an admin, in a team channel of an allowed tenant, chooses where
 * approval cards go. The channel's conversation reference is stored and the choice is audited (the audit
 * comes first: if it cannot be written, nothing is stored).
 */
export async function setApprovalsChannel(
  deps: WorkflowDeps,
  input: { actor: Requester; conversationType: string | undefined; channelName: string; conversation: unknown },
): Promise<ChannelOutcome> {
  if (!deps.policy.tenants.includes(input.actor.tenantId)) return refused('This bot does not serve your organisation.');
  if (!rolesOf(deps.policy, input.actor.oid).includes('admin')) {
    return refused('Only an admin of the bot can choose the approvals channel.');
  }
  if (input.conversationType !== 'channel') {
    return refused('Write this in the team channel where approvers work, mentioning me.');
  }
  const channel: ApprovalsChannel = {
    conversation: input.conversation,
    name: input.channelName.slice(0, 128),
    setBy: input.actor.oid,
    setAt: deps.clock.now().toISOString(),
  };
  await deps.audit.append({
    kind: 'settings.approvals_channel',
    requestId: '-',
    actor: input.actor.oid,
    data: { name: channel.name },
  });
  await deps.settings.setApprovalsChannel(channel);
  return { kind: 'set', channel };
}
