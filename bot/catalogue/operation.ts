/** The inventory roles a host can have (the inventory schema's enum). */
export type HostRole = 'client' | 'session-host' | 'license-server';

/** Who must agree before a change runs (defaults; the policy file may only tighten them). */
export type Approval = 'none' | 'requester' | 'one-approver' | 'two-approvers';

/**
 * How a parameter crosses into the target module: the PowerShell parameter it binds to and how the
 * module checks its value again (`enum` takes its allowed values from the JSON schema's `enum`).
 */
export interface TargetParameter {
  parameter: string;
  kind: 'enum' | 'hosts' | 'ids' | 'since' | 'backup';
}

/** The module function that runs the operation on a host, and its parameters by JSON key. */
export interface TargetBinding {
  command: string;
  params: Record<string, TargetParameter>;
}

/** One catalogue operation: what it runs on, whether it changes anything, and how its params look. */
export interface OperationDefinition {
  intent: string;
  title: string;
  /** The inventory role it runs on; undefined for advice and meta intents that touch no host. */
  runsOn?: HostRole;
  changesState: boolean;
  approval: Approval;
  /** JSON schema of `params` (validated with ajv before anything crosses into PowerShell). */
  paramsSchema: Record<string, unknown>;
  /** Executable by this version of the bot (the rest are understood and answered, not yet run). */
  available: boolean;
  /**
   * Host operations only: the module's function. The module's own contract (Private/Contract.generated.ps1)
   * and its exported functions are generated from this (`npm run generate`).
   */
  target?: TargetBinding;
}
