import { operationDefinition } from '../catalogue';
import type { Host, PlannedOperation, Requester } from '../domain';
import { checkMember } from './check-member';
import { describeWindow, inWindow, ruleFor } from './operation-rules';
import {
  type ChangeWindow,
  heldByPilot,
  inGroup,
  limitsOf,
  membersWithRoles,
  type Policy,
  type Role,
  rolesOf,
} from './policy';

/** What a change request needs before it runs, worked out from the rules of all its operations. */
export interface ApprovalNeed {
  /** Distinct approvers besides the requester; 0 means the requester's own Confirm. */
  needed: number;
  roles: Role[];
  justificationRequired: boolean;
  ttlMinutes: number;
  windows: ChangeWindow[];
  /** Per operation: at most one change per host in this many days. */
  rateLimits: Array<{ intent: PlannedOperation['intent']; days: number }>;
}

export type PolicyDecision =
  | { allowed: true; approval?: ApprovalNeed }
  | { allowed: false; code: PolicyDenial; reason: string };

export type PolicyDenial =
  | 'tenant_not_allowed'
  | 'role_missing'
  | 'wrong_host_role'
  | 'not_available'
  | 'not_in_group'
  | 'lab_only'
  | 'too_many_hosts'
  | 'outside_window'
  | 'no_eligible_approvers'
  | 'pilot_mode';

const deny = (code: PolicyDenial, reason: string): PolicyDecision => ({ allowed: false, code, reason });

/**
 * May this requester ask for these operations on these hosts, and who must agree? Checked when the
 * request is made, when it is confirmed or approved, and again just before it runs (roles can be
 * revoked in between). Read-only operations are open to every role and need no approval.
 */
export function checkRequest(
  policy: Policy,
  requester: Requester,
  operations: PlannedOperation[],
  hosts: ReadonlyMap<string, Host>,
  now: Date = new Date(),
): PolicyDecision {
  // The tenant as checkMember judges it; a missing role is answered below with what was asked for.
  const member = checkMember(policy, requester);
  if (!member.ok && member.code === 'tenant_not_allowed') return deny(member.code, member.reason);
  const roles = rolesOf(policy, requester.oid);
  const changes = operations.filter((operation) => operationDefinition(operation.intent).changesState);
  // Someone without any role learns nothing about the hosts, not even their roles.
  if (roles.length === 0) {
    return changes.length > 0
      ? deny('role_missing', 'Only helpdesk staff can ask for changes. Ask an admin to add you to the helpdesk role.')
      : deny('role_missing', 'Only helpdesk staff, approvers and admins can read host state. Ask an admin for a role.');
  }
  // Every operation, reading or changing: it must be available and run on hosts of its role.
  for (const operation of operations) {
    const definition = operationDefinition(operation.intent);
    if (!definition.available)
      return deny('not_available', `"${definition.title}" is not available in this version yet.`);
    const readMax = limitsOf(policy).readMaxHosts;
    if (!definition.changesState && operation.targets.length > readMax) {
      return deny(
        'too_many_hosts',
        `A read covers at most ${readMax} hosts at once; this asks for ${operation.targets.length}. Split the request.`,
      );
    }
    for (const name of operation.targets) {
      const host = hosts.get(name);
      if (definition.runsOn && host?.role !== definition.runsOn) {
        return deny(
          'wrong_host_role',
          `${name} is a ${host?.role ?? 'unknown'}; "${definition.title}" runs on a ${definition.runsOn}.`,
        );
      }
    }
  }
  if (changes.length === 0) return { allowed: true };

  const need: ApprovalNeed = {
    needed: 0,
    roles: [],
    justificationRequired: false,
    ttlMinutes: 24 * 60,
    windows: [],
    rateLimits: [],
  };
  for (const operation of operations) {
    const definition = operationDefinition(operation.intent);
    if (!definition.changesState) continue;
    const rule = ruleFor(policy, operation.intent);
    if (!roles.some((role) => rule.requesters.includes(role))) {
      return deny('role_missing', `Only ${rule.requesters.join(' or ')} can ask to ${definition.title.toLowerCase()}.`);
    }
    if (operation.targets.length > rule.maxHosts) {
      return deny(
        'too_many_hosts',
        `"${definition.title}" may run on at most ${rule.maxHosts} hosts at once; this asks for ${operation.targets.length}. Split the request.`,
      );
    }
    for (const name of operation.targets) {
      const host = hosts.get(name) as Host;
      if (rule.requiredTag && !host.tags.includes(rule.requiredTag)) {
        return deny(
          'lab_only',
          `${name} is not a ${rule.requiredTag} host. "${definition.title}" is allowed on ${rule.requiredTag} hosts only: in production, fix the licensing instead (license server, mode, CALs).`,
        );
      }
      const groups = rule.groups;
      if (groups && !groups.some((group) => policy.groups?.[group] && inGroup(policy.groups[group], host))) {
        return deny(
          'not_in_group',
          `The policy does not allow "${definition.title}" on ${name} (groups: ${groups.join(', ')}).`,
        );
      }
    }
    if (rule.window && !inWindow(rule.window, now)) {
      return deny(
        'outside_window',
        `"${definition.title}" may run only in its change window (${describeWindow(rule.window)}). Ask again then.`,
      );
    }
    need.needed = Math.max(need.needed, rule.approvers);
    if (rule.approvers > 0 && !need.roles.includes(rule.approverRole)) need.roles.push(rule.approverRole);
    need.justificationRequired ||= rule.justification;
    need.ttlMinutes = Math.min(need.ttlMinutes, rule.ttlMinutes);
    if (rule.window) need.windows.push(rule.window);
    if (rule.perHostDays) need.rateLimits.push({ intent: operation.intent, days: rule.perHostDays });
  }
  // After every other rule, so a pilot answers what the live bot would (role, group, window) first.
  const held = heldByPilot(
    policy,
    changes.map((operation) => operation.intent),
  );
  if (held.length > 0) {
    const titles = held.map((intent) => `"${operationDefinition(intent).title}"`).join(', ');
    return deny(
      'pilot_mode',
      `This bot is in pilot mode: it reads and previews, but it changes nothing yet. Nothing was changed. An admin lifts pilot mode for ${titles} in the policy file.`,
    );
  }
  if (need.needed > 0) {
    const eligible = membersWithRoles(policy, need.roles).filter(
      (member) => member.oid.toLowerCase() !== requester.oid.toLowerCase(),
    );
    if (eligible.length < need.needed) {
      return deny(
        'no_eligible_approvers',
        `This change needs ${need.needed} approver${need.needed > 1 ? 's' : ''} (${need.roles.join(', ')}), but the policy names only ${eligible.length} besides you. Ask an admin to add approvers.`,
      );
    }
  }
  return { allowed: true, approval: need };
}

/** Whether this person may approve now: the roles, and never the requester. */
export function checkApprover(
  policy: Policy,
  approver: Requester,
  requester: Requester,
  roles: readonly Role[],
):
  | { ok: true }
  | {
      ok: false;
      code: 'tenant_not_allowed' | 'self_approval' | 'not_an_approver' | 'guest' | 'membership_unconfirmed';
      reason: string;
    } {
  if (!policy.tenants.includes(approver.tenantId) || approver.tenantId !== requester.tenantId) {
    return { ok: false, code: 'tenant_not_allowed', reason: 'Approvals come from the requester’s organisation only.' };
  }
  if (approver.oid.toLowerCase() === requester.oid.toLowerCase()) {
    return { ok: false, code: 'self_approval', reason: 'You asked for this change, so someone else must approve it.' };
  }
  if (approver.userType === 'guest') {
    return { ok: false, code: 'guest', reason: 'Guest accounts cannot approve changes.' };
  }
  if (approver.userType === 'unknown') {
    return {
      ok: false,
      // Not a guest: the roster could not be read. The audit record says which.
      code: 'membership_unconfirmed',
      reason: 'Teams could not confirm that you are a member of this organisation. Try again in a minute.',
    };
  }
  const held = rolesOf(policy, approver.oid);
  if (roles.length === 0 || !roles.every((role) => held.includes(role))) {
    return {
      ok: false,
      code: 'not_an_approver',
      reason: `Only people with the ${roles.join(' and ')} role can approve this.`,
    };
  }
  return { ok: true };
}
