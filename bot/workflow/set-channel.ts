import type { ApprovalsChannel, AuditKind, SettingsStore } from '../ports';
import { type ChannelChoice, chosenChannel } from './choose-channel';
import type { WorkflowDeps } from './deps';
import type { ChannelOutcome } from './outcomes';

export type ChannelPurpose = 'approvals' | 'alerts';

/** What differs between the channels an admin chooses: the words of a refusal, the audit kind, the setting. */
interface Purpose {
  what: string;
  where: string;
  auditKind: AuditKind;
  store(settings: SettingsStore, channel: ApprovalsChannel): Promise<void>;
}

const PURPOSES: Record<ChannelPurpose, Purpose> = {
  approvals: {
    what: 'the approvals channel',
    where: 'approvers work',
    auditKind: 'settings.approvals_channel',
    store: (settings, channel) => settings.setApprovalsChannel(channel),
  },
  alerts: {
    what: 'the alerts channel',
    where: 'admins work',
    auditKind: 'settings.alerts_channel',
    store: (settings, channel) => settings.setAlertsChannel(channel),
  },
};

/**
 * "@bot use this channel for approvals" (where approval cards go) or "… for alerts" (where alerts for
 * admins go, ADR 0024): an admin, in a team channel of an allowed tenant, chooses it. The channel's
 * conversation reference is stored and the choice is audited (the audit comes first: if it cannot be
 * written, nothing is stored).
 */
export async function setChannel(
  deps: WorkflowDeps,
  purpose: ChannelPurpose,
  input: ChannelChoice,
): Promise<ChannelOutcome> {
  const { what, where, auditKind, store } = PURPOSES[purpose];
  const channel = chosenChannel(deps, input, what, where);
  if ('kind' in channel) return channel;
  await deps.audit.append({ kind: auditKind, requestId: '-', actor: input.actor.oid, data: { name: channel.name } });
  await store(deps.settings, channel);
  return { kind: 'set', purpose, channel };
}
