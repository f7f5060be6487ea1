import { operationDefinition } from '../catalogue';
import type { Host, PlannedOperation, Requester } from '../domain';
import { rolesOf, type Policy } from './policy';

export type PolicyDecision =
  | { allowed: true; approval: 'none' | 'requester' }
  | { allowed: false; code: PolicyDenial; reason: string };

export type PolicyDenial =
  | 'tenant_not_allowed'
  | 'role_missing'
  | 'wrong_host_role'
  | 'not_available'
  | 'needs_approver';

/**
 * May this requester ask for these operations on these hosts, and who must agree?
 * This version lets helpdesk staff confirm their own client-cache resets; operations that
 * need an approver are refused with the reason until the approval workflow exists.
 */
export function checkRequest(
  policy: Policy,
  requester: Requester,
  operations: PlannedOperation[],
  hosts: ReadonlyMap<string, Host>,
): PolicyDecision {
  if (!policy.tenants.includes(requester.tenantId)) {
    return { allowed: false, code: 'tenant_not_allowed', reason: 'This bot does not serve your organisation.' };
  }
  const roles = rolesOf(policy, requester.oid);
  const changes = operations.some((operation) => operationDefinition(operation.intent).changesState);
  // Reading state is open to every role; asking for a change is for helpdesk staff and admins.
  const allowed = changes ? ['helpdesk', 'admin'] : ['helpdesk', 'approver', 'admin'];
  if (!roles.some((role) => allowed.includes(role))) {
    return {
      allowed: false,
      code: 'role_missing',
      reason: changes
        ? 'Only helpdesk staff can ask for changes. Ask an admin to add you to the helpdesk role.'
        : 'Only helpdesk staff, approvers and admins can read host state. Ask an admin for a role.',
    };
  }
  let approval: 'none' | 'requester' = 'none';
  for (const operation of operations) {
    const definition = operationDefinition(operation.intent);
    const needsApprover = definition.approval === 'one-approver' || definition.approval === 'two-approvers';
    if (!definition.available && !needsApprover) {
      return {
        allowed: false,
        code: 'not_available',
        reason: `"${definition.title}" is not available in this version yet.`,
      };
    }
    for (const name of operation.targets) {
      const host = hosts.get(name);
      if (definition.runsOn && host?.role !== definition.runsOn) {
        return {
          allowed: false,
          code: 'wrong_host_role',
          reason: `${name} is a ${host?.role ?? 'unknown'}; "${definition.title}" runs on a ${definition.runsOn}.`,
        };
      }
    }
    if (needsApprover) {
      // Approvals in chat come with the approval workflow; until then the reason says what is missing.
      return {
        allowed: false,
        code: 'needs_approver',
        reason: `"${definition.title}" needs ${definition.approval === 'two-approvers' ? 'two approvers' : 'an approver'}, and approving in chat is not available in this version yet.`,
      };
    }
    if (definition.approval === 'requester') approval = 'requester';
  }
  return { allowed: true, approval };
}
