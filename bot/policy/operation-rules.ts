import { operationDefinition } from '../catalogue';
import type { Intent } from '../domain';
import type { ChangeWindow, OperationRule, Policy, Role } from './policy';

/** An operation's rule with every default filled in: what the bot enforces. */
export interface EffectiveRule {
  requesters: Role[];
  groups?: string[];
  approvers: number;
  approverRole: Role;
  justification: boolean;
  window?: ChangeWindow;
  perHostDays?: number;
  maxHosts: number;
  ttlMinutes: number;
  /** Once a host fails, no further host of the request starts. */
  stopAtFirstFailure: boolean;
  /** Only hosts with this inventory tag (the grace reset: lab hosts only). */
  requiredTag?: string;
}

export const DEFAULT_TTL_MINUTES = 30;
export const DEFAULT_MAX_HOSTS = 20;

/**
 * The grace reset's floor (operations.md, domain reference §3): lab hosts only, two approvers, a
 * justification, at most once per 120 days per host. A policy can make it stricter, never looser.
 */
const GRACE_FLOOR = { approvers: 2, justification: true, perHostDays: 120, requiredTag: 'lab' } as const;

function catalogueDefault(intent: Intent): Omit<EffectiveRule, 'ttlMinutes' | 'maxHosts' | 'stopAtFirstFailure'> {
  const approval = operationDefinition(intent).approval;
  const approvers = approval === 'two-approvers' ? 2 : approval === 'one-approver' ? 1 : 0;
  return { requesters: ['helpdesk', 'admin'], approvers, approverRole: 'approver', justification: false };
}

/** Defaults from the catalogue, tightened by the policy; the grace-reset floor always applies. */
export function ruleFor(policy: Policy, intent: Intent): EffectiveRule {
  const base = catalogueDefault(intent);
  const given: OperationRule = policy.operations?.[intent] ?? {};
  const rule: EffectiveRule = {
    requesters: given.requesters ?? base.requesters,
    ...(given.groups ? { groups: given.groups } : {}),
    // A policy may ask for more approvers than the catalogue, never fewer.
    approvers: Math.max(base.approvers, given.approvers ?? 0),
    approverRole: given.approverRole ?? base.approverRole,
    justification: base.justification || given.justification === true,
    ...(given.window ? { window: given.window } : {}),
    ...(given.perHostDays ? { perHostDays: given.perHostDays } : {}),
    maxHosts: given.maxHosts ?? DEFAULT_MAX_HOSTS,
    ttlMinutes: given.ttlMinutes ?? DEFAULT_TTL_MINUTES,
    stopAtFirstFailure: given.stopAtFirstFailure === true,
  };
  if (intent === 'rdsh.reset_grace_period') {
    rule.approvers = Math.max(rule.approvers, GRACE_FLOOR.approvers);
    rule.justification = true;
    rule.perHostDays = Math.max(rule.perHostDays ?? 0, GRACE_FLOOR.perHostDays);
    rule.requiredTag = GRACE_FLOOR.requiredTag;
  }
  return rule;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `now` falls in the change window (UTC). A window spanning midnight belongs to the day it starts. */
export function inWindow(window: ChangeWindow, now: Date): boolean {
  const from = minutes(window.from);
  const to = minutes(window.to);
  const at = now.getUTCHours() * 60 + now.getUTCMinutes();
  const today = DAYS[now.getUTCDay()] as (typeof DAYS)[number];
  const yesterday = DAYS[(now.getUTCDay() + 6) % 7] as (typeof DAYS)[number];
  const dayAllowed = (day: (typeof DAYS)[number]): boolean => !window.days || window.days.includes(day);
  if (from <= to) return dayAllowed(today) && at >= from && at < to;
  return (dayAllowed(today) && at >= from) || (dayAllowed(yesterday) && at < to);
}

export function describeWindow(window: ChangeWindow): string {
  return `${window.days ? `${window.days.join(', ')} ` : 'every day '}${window.from}-${window.to} UTC`;
}
