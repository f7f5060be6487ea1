import type { Requester } from '../domain';
import { rolesOf } from '../policy/policy';
import type { ApprovalsChannel } from '../ports';
import type { WorkflowDeps } from './deps';
import { refused, type Refused } from './outcomes';

/** Where an admin wrote "use this channel for …", as the Teams layer read it from the activity. */
export interface ChannelChoice {
  actor: Requester;
  conversationType: string | undefined;
  channelName: string;
  conversation: unknown;
}

/**
 * The checks both channel choices share: an allowed tenant, the admin role, a team channel. Returns
 * the channel to store, or the refusal. `what` names the choice in the refusal ("the approvals channel").
 */
export function chosenChannel(
  deps: Pick<WorkflowDeps, 'policy' | 'clock'>,
  input: ChannelChoice,
  what: string,
  where: string,
): ApprovalsChannel | Refused {
  if (!deps.policy.tenants.includes(input.actor.tenantId)) return refused('This bot does not serve your organisation.');
  if (!rolesOf(deps.policy, input.actor.oid).includes('admin')) {
    return refused(`Only an admin of the bot can choose ${what}.`);
  }
  if (input.conversationType !== 'channel') {
    return refused(`Write this in the team channel where ${where}, mentioning me.`);
  }
  return {
    conversation: input.conversation,
    name: input.channelName.slice(0, 128),
    setBy: input.actor.oid,
    setAt: deps.clock.now().toISOString(),
  };
}
