/** The policy file's shape (validated by adapters/inventory with policy.schema.json). */
export type Role = 'helpdesk' | 'approver' | 'admin';

export interface PolicyMember {
  oid: string;
  name?: string;
}

export interface Policy {
  /** Entra tenant ids whose users the bot serves; everyone else is refused. */
  tenants: string[];
  roles: Record<Role, PolicyMember[]>;
}

export function rolesOf(policy: Policy, oid: string): Role[] {
  return (Object.keys(policy.roles) as Role[]).filter((role) =>
    policy.roles[role].some((member) => member.oid === oid),
  );
}
