import type { Host, Intent, RoleName } from '../domain';
import { globMatch } from './glob';

/** The policy file's shape (validated by adapters/inventory with policy.schema.json). */
export type Role = RoleName;

export interface PolicyMember {
  oid: string;
  name?: string;
}

/** Hosts by inventory tag or by name pattern (`*` matches any run of characters, case-insensitive). */
export interface HostGroup {
  tags?: string[];
  names?: string[];
}

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

/** When a change may run, in UTC. `from` > `to` spans midnight (18:00-06:00). */
export interface ChangeWindow {
  days?: Weekday[];
  from: string;
  to: string;
}

/** What one changing operation needs. Anything left out takes the catalogue's default. */
export interface OperationRule {
  /** Roles that may ask for it. */
  requesters?: Role[];
  /** Host groups it may run on (any host of the right role when left out). */
  groups?: string[];
  /** Distinct approvers needed besides the requester (0: the requester confirms alone). */
  approvers?: number;
  /** The role an approver must hold. */
  approverRole?: Role;
  justification?: boolean;
  window?: ChangeWindow;
  /** At most one change per host in this many days. */
  perHostDays?: number;
  /** Largest number of hosts in one request. */
  maxHosts?: number;
  /** How long a plan waits for its confirmation or approvals. */
  ttlMinutes?: number;
  /** Once a host fails, start no further host of the request (those already running finish). */
  stopAtFirstFailure?: boolean;
}

/** Budgets per person and per message (policy `limits`); `limitsOf` fills in the defaults. */
export interface Limits {
  messageLength: number;
  readMaxHosts: number;
  openPlansPerUser: number;
}

export const DEFAULT_LIMITS: Limits = { messageLength: 2000, readMaxHosts: 40, openPlansPerUser: 10 };

export function limitsOf(policy: Policy): Limits {
  return { ...DEFAULT_LIMITS, ...policy.limits };
}

export interface Policy {
  /** Entra tenant ids whose users the bot serves; everyone else is refused. */
  tenants: string[];
  roles: Record<Role, PolicyMember[]>;
  groups?: Record<string, HostGroup>;
  operations?: Partial<Record<Intent, OperationRule>>;
  limits?: Partial<Limits>;
  /**
   * Pilot mode (ADR 0021): the bot reads and previews everything but changes nothing, except the
   * operations an admin has lifted it for. Left out: no pilot, every operation as its rule says.
   */
  pilot?: { lifted?: Intent[] };
}

/** The changing operations pilot mode still holds back (none when the policy has no pilot). */
export function heldByPilot(policy: Policy, intents: readonly Intent[]): Intent[] {
  if (!policy.pilot) return [];
  const lifted = policy.pilot.lifted ?? [];
  return [...new Set(intents)].filter((intent) => !lifted.includes(intent));
}

export function rolesOf(policy: Policy, oid: string): Role[] {
  const key = oid.toLowerCase();
  return (Object.keys(policy.roles) as Role[]).filter((role) =>
    policy.roles[role].some((member) => member.oid.toLowerCase() === key),
  );
}

/** Members who hold every one of these roles (who may approve a request). */
export function membersWithRoles(policy: Policy, roles: readonly Role[]): PolicyMember[] {
  const [first, ...rest] = roles;
  if (!first) return [];
  // One person listed twice (or in another letter case) is still one approver.
  const seen = new Set<string>();
  return policy.roles[first].filter((member) => {
    const key = member.oid.toLowerCase();
    if (seen.has(key) || !rest.every((role) => rolesOf(policy, member.oid).includes(role))) return false;
    seen.add(key);
    return true;
  });
}

export function inGroup(group: HostGroup, host: Host): boolean {
  return (
    (group.tags ?? []).some((tag) => host.tags.includes(tag)) ||
    (group.names ?? []).some((pattern) => globMatch(pattern, host.name))
  );
}
