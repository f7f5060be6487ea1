import type { HostRole, Intent } from '../domain';

/** Who must agree before a change runs (defaults; the policy file may only tighten them). */
export type Approval = 'none' | 'requester' | 'one-approver' | 'two-approvers';

/** One catalogue operation: what it runs on, whether it changes anything, and how its params look. */
export interface OperationDefinition {
  intent: Intent;
  title: string;
  /** The inventory role it runs on; undefined for advice and meta intents that touch no host. */
  runsOn?: HostRole;
  changesState: boolean;
  approval: Approval;
  /** JSON schema of `params` (validated with ajv before anything crosses into PowerShell). */
  paramsSchema: Record<string, unknown>;
  /** Executable by this version of the bot (the rest are understood and answered, not yet run). */
  available: boolean;
}
