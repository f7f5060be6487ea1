// Over 250 lines on purpose: the policy's whole decision table (who may ask what, on which hosts, when)
// as one list of cases.
import type { Host, PlannedOperation, Requester } from '../../../bot/domain';
import { checkApprover, checkRequest, type PolicyDecision } from '../../../bot/policy/check-request';
import { type HostGroup, inGroup, membersWithRoles, type Policy, rolesOf } from '../../../bot/policy/policy';

const TENANT = 'tenant-1';

const helpdesk: Requester = { oid: 'oid-helpdesk', name: 'Hana Helpdesk', tenantId: TENANT, userType: 'member' };
const approverA: Requester = { oid: 'oid-approver-a', name: 'Ada Approver', tenantId: TENANT, userType: 'member' };
const approverB: Requester = { oid: 'oid-approver-b', name: 'Ben Approver', tenantId: TENANT, userType: 'member' };
const admin: Requester = { oid: 'oid-admin', name: 'Ann Admin', tenantId: TENANT, userType: 'member' };
const nobody: Requester = { oid: 'oid-nobody', name: 'No Role', tenantId: TENANT, userType: 'member' };

function basePolicy(): Policy {
  return {
    tenants: [TENANT],
    roles: {
      helpdesk: [{ oid: helpdesk.oid, name: helpdesk.name }],
      approver: [
        { oid: approverA.oid, name: approverA.name },
        { oid: approverB.oid, name: approverB.name },
      ],
      admin: [{ oid: admin.oid, name: admin.name }],
    },
  };
}

function host(name: string, role: Host['role'], tags: string[] = []): Host {
  return { name, role, tags, users: [] };
}

const HOSTS: ReadonlyMap<string, Host> = new Map(
  [
    host('RDSH01', 'session-host'),
    host('RDSH02', 'session-host'),
    host('RDSH03', 'session-host'),
    host('XRDSH01', 'session-host'),
    host('LAB-RDSH01', 'session-host', ['lab']),
    host('LAB-RDSH02', 'session-host', ['lab']),
    host('PC-042', 'client'),
    host('LS1', 'license-server'),
  ].map((entry): [string, Host] => [entry.name, entry]),
);

function op(intent: PlannedOperation['intent'], ...targets: string[]): PlannedOperation {
  return { intent, targets, params: {} };
}

const setMode = (...targets: string[]): PlannedOperation => ({
  intent: 'rdsh.set_licensing_mode',
  targets,
  params: { mode: 'PerUser' },
});

function denial(decision: PolicyDecision): string | undefined {
  return decision.allowed ? undefined : decision.code;
}

/** 2026-11-27 is a Friday (UTC). */
const FRIDAY_NOON = new Date('2026-11-27T12:00:00Z');

describe('checkRequest: who may ask', () => {
  it('refuses someone from a tenant the policy does not list', () => {
    const stranger = { ...helpdesk, tenantId: 'tenant-2' };
    expect(denial(checkRequest(basePolicy(), stranger, [setMode('RDSH01')], HOSTS))).toBe('tenant_not_allowed');
  });

  it('refuses a change from someone with no role', () => {
    expect(denial(checkRequest(basePolicy(), nobody, [setMode('RDSH01')], HOSTS))).toBe('role_missing');
  });

  it('refuses a read-only operation from someone with no role', () => {
    expect(denial(checkRequest(basePolicy(), nobody, [op('rdsh.events', 'RDSH01')], HOSTS))).toBe('role_missing');
  });

  it.each([
    ['helpdesk', helpdesk],
    ['approver', approverA],
    ['admin', admin],
  ])('allows a read-only operation for the %s role without asking for approval', (_role, requester) => {
    expect(checkRequest(basePolicy(), requester, [op('rdsh.events', 'RDSH01')], HOSTS)).toEqual({ allowed: true });
  });

  it('refuses a change from someone who holds only a role the operation does not accept', () => {
    expect(denial(checkRequest(basePolicy(), approverA, [setMode('RDSH01')], HOSTS))).toBe('role_missing');
  });

  it('refuses a change from a role the policy leaves out of its requesters', () => {
    const policy: Policy = { ...basePolicy(), operations: { 'rdsh.set_licensing_mode': { requesters: ['admin'] } } };
    expect(denial(checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS))).toBe('role_missing');
    expect(checkRequest(policy, admin, [setMode('RDSH01')], HOSTS).allowed).toBe(true);
  });
});

describe('checkRequest: what approval a change needs', () => {
  it('asks one approver with the approver role when helpdesk sets the mode on a session host', () => {
    const decision = checkRequest(basePolicy(), helpdesk, [setMode('RDSH01')], HOSTS);
    expect(decision).toEqual({
      allowed: true,
      approval: {
        needed: 1,
        roles: ['approver'],
        justificationRequired: false,
        ttlMinutes: 30,
        windows: [],
        rateLimits: [],
      },
    });
  });

  it('needs no approver for a client cache reset', () => {
    const decision = checkRequest(basePolicy(), helpdesk, [op('client.reset_license_cache', 'PC-042')], HOSTS);
    expect(decision.allowed).toBe(true);
    expect(decision.allowed && decision.approval).toMatchObject({ needed: 0, roles: [] });
  });

  it('takes the most approvers and any justification across compound operations', () => {
    const decision = checkRequest(
      basePolicy(),
      helpdesk,
      [setMode('LAB-RDSH01'), op('rdsh.reset_grace_period', 'LAB-RDSH01')],
      HOSTS,
    );
    expect(decision.allowed).toBe(true);
    expect(decision.allowed && decision.approval).toEqual({
      needed: 2,
      roles: ['approver'],
      justificationRequired: true,
      ttlMinutes: 30,
      windows: [],
      rateLimits: [{ intent: 'rdsh.reset_grace_period', days: 120 }],
    });
  });

  it('takes a justification from any operation of a compound request, even the one needing fewer approvers', () => {
    const policy: Policy = {
      ...basePolicy(),
      operations: {
        'rdsh.restart_service': { justification: true, ttlMinutes: 15 },
        'rdsh.set_licensing_mode': { approvers: 2 },
      },
    };
    const decision = checkRequest(policy, helpdesk, [op('rdsh.restart_service', 'RDSH01'), setMode('RDSH01')], HOSTS);
    expect(decision.allowed && decision.approval).toMatchObject({
      needed: 2,
      justificationRequired: true,
      ttlMinutes: 15,
    });
  });

  it('asks approvers holding every role the operations name', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { ...basePolicy().roles, admin: [{ oid: approverA.oid }, { oid: admin.oid }] },
      operations: { 'rdsh.restart_service': { approverRole: 'admin' } },
    };
    const decision = checkRequest(policy, helpdesk, [setMode('RDSH01'), op('rdsh.restart_service', 'RDSH01')], HOSTS);
    expect(decision.allowed && decision.approval).toMatchObject({ needed: 1, roles: ['approver', 'admin'] });
  });

  it('reports the change window of the operations', () => {
    const window = { from: '09:00', to: '17:00' };
    const policy: Policy = { ...basePolicy(), operations: { 'rdsh.set_licensing_mode': { window } } };
    const decision = checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS, FRIDAY_NOON);
    expect(decision.allowed && decision.approval?.windows).toEqual([window]);
  });
});

describe('checkRequest: which hosts', () => {
  it('refuses a session host operation on a client', () => {
    expect(denial(checkRequest(basePolicy(), helpdesk, [setMode('PC-042')], HOSTS))).toBe('wrong_host_role');
  });

  it('refuses a host the inventory does not know', () => {
    expect(denial(checkRequest(basePolicy(), helpdesk, [setMode('GHOST')], HOSTS))).toBe('wrong_host_role');
  });

  it('refuses more hosts than the policy allows in one request', () => {
    const policy: Policy = { ...basePolicy(), operations: { 'rdsh.set_licensing_mode': { maxHosts: 2 } } };
    expect(denial(checkRequest(policy, helpdesk, [setMode('RDSH01', 'RDSH02', 'RDSH03')], HOSTS))).toBe(
      'too_many_hosts',
    );
  });

  it('allows exactly as many hosts as the policy allows', () => {
    const policy: Policy = { ...basePolicy(), operations: { 'rdsh.set_licensing_mode': { maxHosts: 2 } } };
    expect(checkRequest(policy, helpdesk, [setMode('RDSH01', 'RDSH02')], HOSTS).allowed).toBe(true);
  });

  describe('with host groups', () => {
    const policy: Policy = {
      ...basePolicy(),
      groups: { 'prod-rdsh': { names: ['RDSH*'] } },
      operations: { 'rdsh.set_licensing_mode': { groups: ['prod-rdsh'] } },
    };

    it('allows a host in one of the groups', () => {
      expect(checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS).allowed).toBe(true);
    });

    it('refuses a host outside the groups', () => {
      expect(denial(checkRequest(policy, helpdesk, [setMode('XRDSH01')], HOSTS))).toBe('not_in_group');
    });

    it('refuses every host when the group is not defined in the policy', () => {
      const missing: Policy = { ...policy, operations: { 'rdsh.set_licensing_mode': { groups: ['nowhere'] } } };
      expect(denial(checkRequest(missing, helpdesk, [setMode('RDSH01')], HOSTS))).toBe('not_in_group');
    });
  });

  it('refuses a grace reset on a host without the lab tag', () => {
    expect(denial(checkRequest(basePolicy(), helpdesk, [op('rdsh.reset_grace_period', 'RDSH01')], HOSTS))).toBe(
      'lab_only',
    );
  });

  it('allows a grace reset on a lab host with two approvers', () => {
    const decision = checkRequest(basePolicy(), helpdesk, [op('rdsh.reset_grace_period', 'LAB-RDSH01')], HOSTS);
    expect(decision.allowed && decision.approval).toMatchObject({ needed: 2, justificationRequired: true });
  });

  it('refuses a grace reset when any one of its hosts lacks the lab tag', () => {
    expect(
      denial(checkRequest(basePolicy(), helpdesk, [op('rdsh.reset_grace_period', 'LAB-RDSH01', 'RDSH01')], HOSTS)),
    ).toBe('lab_only');
  });
});

describe('checkRequest: when', () => {
  const policy: Policy = {
    ...basePolicy(),
    operations: { 'rdsh.set_licensing_mode': { window: { days: ['Sat', 'Sun'], from: '18:00', to: '06:00' } } },
  };

  it('refuses a change outside its change window', () => {
    expect(denial(checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS, FRIDAY_NOON))).toBe('outside_window');
  });

  it('allows a change inside its change window', () => {
    const saturdayNight = new Date('2026-11-28T22:00:00Z');
    expect(checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS, saturdayNight).allowed).toBe(true);
  });

  it('does not apply a change window to read-only operations', () => {
    expect(checkRequest(policy, helpdesk, [op('rdsh.events', 'RDSH01')], HOSTS, FRIDAY_NOON).allowed).toBe(true);
  });
});

describe('checkRequest: eligible approvers', () => {
  it('refuses when the only approver is the requester', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { helpdesk: [{ oid: helpdesk.oid }], approver: [{ oid: helpdesk.oid }], admin: [] },
    };
    expect(denial(checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS))).toBe('no_eligible_approvers');
  });

  it('does not count the requester as an approver when the policy spells the oid in other letter case', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { helpdesk: [{ oid: helpdesk.oid }], approver: [{ oid: helpdesk.oid.toUpperCase() }], admin: [] },
    };
    expect(denial(checkRequest(policy, helpdesk, [setMode('RDSH01')], HOSTS))).toBe('no_eligible_approvers');
  });

  it('refuses a grace reset when the policy names only one approver', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { ...basePolicy().roles, approver: [{ oid: approverA.oid }] },
    };
    expect(denial(checkRequest(policy, helpdesk, [op('rdsh.reset_grace_period', 'LAB-RDSH01')], HOSTS))).toBe(
      'no_eligible_approvers',
    );
  });

  it('refuses a grace reset when one of its two approvers is the requester', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { ...basePolicy().roles, approver: [{ oid: approverA.oid }, { oid: helpdesk.oid }] },
    };
    expect(denial(checkRequest(policy, helpdesk, [op('rdsh.reset_grace_period', 'LAB-RDSH01')], HOSTS))).toBe(
      'no_eligible_approvers',
    );
  });

  it('refuses when nobody holds every role the operations ask of an approver', () => {
    const policy: Policy = {
      ...basePolicy(),
      operations: { 'rdsh.restart_service': { approverRole: 'admin' } },
    };
    expect(
      denial(checkRequest(policy, helpdesk, [setMode('RDSH01'), op('rdsh.restart_service', 'RDSH01')], HOSTS)),
    ).toBe('no_eligible_approvers');
  });

  it('needs no eligible approvers for a change the requester confirms alone', () => {
    const policy: Policy = { ...basePolicy(), roles: { ...basePolicy().roles, approver: [] } };
    expect(checkRequest(policy, helpdesk, [op('client.reset_license_cache', 'PC-042')], HOSTS).allowed).toBe(true);
  });
});

describe('checkApprover', () => {
  const roles = ['approver'] as const;

  it('accepts an approver from the requester’s tenant who holds the role', () => {
    expect(checkApprover(basePolicy(), approverA, helpdesk, roles)).toEqual({ ok: true });
  });

  it('accepts an approver whose user type Teams did not report', () => {
    const { userType: _userType, ...untyped } = approverA;
    expect(checkApprover(basePolicy(), untyped, helpdesk, roles)).toEqual({ ok: true });
  });

  it('refuses the requester approving their own request', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { ...basePolicy().roles, approver: [{ oid: helpdesk.oid }] },
    };
    expect(checkApprover(policy, helpdesk, helpdesk, roles)).toMatchObject({ ok: false, code: 'self_approval' });
  });

  it('refuses self approval when the oid differs only in letter case', () => {
    const policy: Policy = {
      ...basePolicy(),
      roles: { ...basePolicy().roles, approver: [{ oid: helpdesk.oid }] },
    };
    const shouting = { ...helpdesk, oid: helpdesk.oid.toUpperCase() };
    expect(checkApprover(policy, shouting, helpdesk, roles)).toMatchObject({ ok: false, code: 'self_approval' });
  });

  it('refuses a guest', () => {
    expect(checkApprover(basePolicy(), { ...approverA, userType: 'guest' }, helpdesk, roles)).toMatchObject({
      ok: false,
      code: 'guest',
    });
  });

  it('refuses someone whose membership Teams could not confirm', () => {
    expect(checkApprover(basePolicy(), { ...approverA, userType: 'unknown' }, helpdesk, roles)).toMatchObject({
      ok: false,
      code: 'membership_unconfirmed',
    });
  });

  it('refuses an approver from another tenant than the requester’s', () => {
    const policy: Policy = { ...basePolicy(), tenants: [TENANT, 'tenant-2'] };
    const elsewhere = { ...approverA, tenantId: 'tenant-2' };
    expect(checkApprover(policy, elsewhere, helpdesk, roles)).toMatchObject({
      ok: false,
      code: 'tenant_not_allowed',
    });
  });

  it('refuses an approver from a tenant the policy does not list', () => {
    const requester = { ...helpdesk, tenantId: 'tenant-2' };
    const approver = { ...approverA, tenantId: 'tenant-2' };
    expect(checkApprover(basePolicy(), approver, requester, roles)).toMatchObject({
      ok: false,
      code: 'tenant_not_allowed',
    });
  });

  it('refuses someone who does not hold the role', () => {
    expect(checkApprover(basePolicy(), admin, helpdesk, roles)).toMatchObject({ ok: false, code: 'not_an_approver' });
  });

  it('refuses someone who holds only some of the roles', () => {
    expect(checkApprover(basePolicy(), approverA, helpdesk, ['approver', 'admin'])).toMatchObject({
      ok: false,
      code: 'not_an_approver',
    });
  });

  it('refuses everyone when no role is named', () => {
    expect(checkApprover(basePolicy(), approverA, helpdesk, [])).toMatchObject({
      ok: false,
      code: 'not_an_approver',
    });
  });
});

describe('rolesOf', () => {
  it('lists every role that names the oid', () => {
    const policy: Policy = { ...basePolicy(), roles: { ...basePolicy().roles, admin: [{ oid: approverA.oid }] } };
    expect(rolesOf(policy, approverA.oid)).toEqual(['approver', 'admin']);
  });

  it('matches the oid regardless of letter case', () => {
    const policy: Policy = { ...basePolicy(), roles: { helpdesk: [{ oid: 'AbC-123' }], approver: [], admin: [] } };
    expect(rolesOf(policy, 'abc-123')).toEqual(['helpdesk']);
    expect(rolesOf(policy, 'ABC-123')).toEqual(['helpdesk']);
  });

  it('finds no role for someone the policy does not name', () => {
    expect(rolesOf(basePolicy(), nobody.oid)).toEqual([]);
  });
});

describe('membersWithRoles', () => {
  const policy: Policy = {
    ...basePolicy(),
    roles: { ...basePolicy().roles, admin: [{ oid: approverB.oid.toUpperCase() }, { oid: admin.oid }] },
  };

  it('lists the members of one role', () => {
    expect(membersWithRoles(policy, ['approver']).map((member) => member.oid)).toEqual([approverA.oid, approverB.oid]);
  });

  it('lists only the members holding every role, matching oids regardless of letter case', () => {
    expect(membersWithRoles(policy, ['approver', 'admin']).map((member) => member.oid)).toEqual([approverB.oid]);
  });

  it('lists nobody when no role is named', () => {
    expect(membersWithRoles(policy, [])).toEqual([]);
  });
});

describe('inGroup', () => {
  const rdsh01 = host('rdsh01', 'session-host');

  it('matches a host carrying one of the tags', () => {
    expect(inGroup({ tags: ['prod', 'lab'] }, host('A', 'session-host', ['lab']))).toBe(true);
  });

  it('does not match a host carrying none of the tags', () => {
    expect(inGroup({ tags: ['prod'] }, host('A', 'session-host', ['lab']))).toBe(false);
  });

  it('matches a name pattern with a star regardless of letter case', () => {
    expect(inGroup({ names: ['RDSH*'] }, rdsh01)).toBe(true);
  });

  it('anchors a name pattern at the start', () => {
    expect(inGroup({ names: ['RDSH*'] }, host('XRDSH01', 'session-host'))).toBe(false);
  });

  it('anchors a name pattern at the end', () => {
    expect(inGroup({ names: ['RDSH0'] }, rdsh01)).toBe(false);
    expect(inGroup({ names: ['*DSH0'] }, rdsh01)).toBe(false);
  });

  it('matches an exact name without a star', () => {
    expect(inGroup({ names: ['RDSH01'] }, rdsh01)).toBe(true);
  });

  it('matches a star in the middle of a pattern', () => {
    expect(inGroup({ names: ['R*01'] }, rdsh01)).toBe(true);
    expect(inGroup({ names: ['R*02'] }, rdsh01)).toBe(false);
  });

  it('treats a dot in a pattern as a dot', () => {
    expect(inGroup({ names: ['rdsh.01'] }, host('rdsh.01', 'session-host'))).toBe(true);
    expect(inGroup({ names: ['rdsh.01'] }, host('rdshx01', 'session-host'))).toBe(false);
  });

  it('matches a host by tag or by name', () => {
    const group: HostGroup = { tags: ['lab'], names: ['PROD*'] };
    expect(inGroup(group, host('LAB1', 'session-host', ['lab']))).toBe(true);
    expect(inGroup(group, host('prod7', 'session-host'))).toBe(true);
    expect(inGroup(group, host('other', 'session-host'))).toBe(false);
  });

  it('matches nothing for an empty group', () => {
    expect(inGroup({}, rdsh01)).toBe(false);
  });
});

describe('checkRequest: findings from review', () => {
  it('counts one person listed twice (in any letter case) as one approver', () => {
    const policy = basePolicy();
    policy.roles.approver = [{ oid: 'oid-solo' }, { oid: 'OID-SOLO', name: 'again' }];
    const grace = op('rdsh.reset_grace_period', 'LAB-RDSH01');
    expect(denial(checkRequest(policy, helpdesk, [grace], HOSTS, FRIDAY_NOON))).toBe('no_eligible_approvers');
    expect(membersWithRoles(policy, ['approver'])).toHaveLength(1);
  });

  it('checks the host role of read-only operations too, but tells someone without a role nothing about hosts', () => {
    const policy = basePolicy();
    expect(denial(checkRequest(policy, helpdesk, [op('ls.cal_inventory', 'PC-042')], HOSTS))).toBe('wrong_host_role');
    expect(denial(checkRequest(policy, nobody, [op('ls.cal_inventory', 'PC-042')], HOSTS))).toBe('role_missing');
  });
});
