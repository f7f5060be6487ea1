import type { Host, Requester } from '../../../bot/domain';
import { checkRequest } from '../../../bot/policy/check-request';
import { DEFAULT_LIMITS, limitsOf, type Policy } from '../../../bot/policy/policy';

const helpdesk: Requester = { oid: 'oid-h', name: 'Hana', tenantId: 't', userType: 'member' };
const policy = (limits?: Policy['limits']): Policy => ({
  tenants: ['t'],
  roles: { helpdesk: [{ oid: 'oid-h' }], approver: [], admin: [] },
  ...(limits ? { limits } : {}),
});
const hosts = (count: number): Map<string, Host> =>
  new Map(
    Array.from({ length: count }, (_, i) => {
      const name = `RDSH${String(i + 1).padStart(3, '0')}`;
      return [name, { name, role: 'session-host', tags: [], users: [] } as Host];
    }),
  );
const read = (count: number) => [
  { intent: 'licensing.diagnose' as const, targets: [...hosts(count).keys()], params: {} },
];

describe('budgets', () => {
  it('has sane defaults, each of which the policy may change', () => {
    expect(DEFAULT_LIMITS).toEqual({ messageLength: 2000, readMaxHosts: 40, openPlansPerUser: 10 });
    expect(limitsOf(policy({ readMaxHosts: 5 }))).toEqual({ ...DEFAULT_LIMITS, readMaxHosts: 5 });
  });

  it('lets a read cover 40 hosts and refuses 41, saying how many and what to do', () => {
    expect(checkRequest(policy(), helpdesk, read(40), hosts(40)).allowed).toBe(true);
    const refused = checkRequest(policy(), helpdesk, read(41), hosts(41));
    expect(refused).toEqual({
      allowed: false,
      code: 'too_many_hosts',
      reason: 'A read covers at most 40 hosts at once; this asks for 41. Split the request.',
    });
    expect(checkRequest(policy({ readMaxHosts: 300 }), helpdesk, read(300), hosts(300)).allowed).toBe(true);
  });
});
