import type { Requester } from '../domain';
import { type Policy, rolesOf } from './policy';

export type MemberCheck = { ok: true } | { ok: false; code: 'tenant_not_allowed' | 'role_missing'; reason: string };

/**
 * The first check of every message and every read, before anything is parsed or any host or request
 * is looked at: a tenant the bot serves and at least one role. Whoever fails it learns nothing about
 * the inventory (no host names, no suggestions, no request details), only whom to ask.
 */
export function checkMember(policy: Policy, requester: Requester): MemberCheck {
  if (!policy.tenants.includes(requester.tenantId)) {
    return { ok: false, code: 'tenant_not_allowed', reason: 'This bot does not serve your organisation.' };
  }
  if (rolesOf(policy, requester.oid).length === 0) {
    return {
      ok: false,
      code: 'role_missing',
      reason:
        'Only helpdesk staff, approvers and admins can use this bot. Ask an admin to add you to the helpdesk role.',
    };
  }
  return { ok: true };
}
