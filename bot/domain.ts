import type { HostRole, Intent } from './catalogue';

/**
 * The product's vocabulary: hosts, operations, requests and what a target reports back.
 * Plain data only, so every layer (understand, policy, workflow, cards, adapters) can share it.
 */

export type { HostRole } from './catalogue';

/** How the executor reaches a host. Only the executor adapter reads the details. */
export interface SshTransport {
  type: 'ssh';
  address: string;
  port: number;
  user: string;
  keyFile: string;
  knownHostsFile: string;
  /** A simulated host (see lab/): the only kind an unauthenticated local bot may contact. */
  lab?: boolean;
}
export interface LocalTransport {
  type: 'local';
  lab?: boolean;
}
/** WinRM (Kerberos) from a Windows bot host; with configurationName, a JEA endpoint. */
export interface WinRmTransport {
  type: 'winrm';
  computerName: string;
  configurationName?: string;
  lab?: boolean;
}
export type Transport = SshTransport | WinRmTransport | LocalTransport;

export interface Host {
  name: string;
  fqdn?: string;
  role: HostRole;
  tags: string[];
  users: string[];
  transport?: Transport;
}

/** The catalogue's operation names (its keys: bot/catalogue/index.ts). */
export type { Intent } from './catalogue';

export type Params = Record<string, unknown>;

/** One catalogue operation as understood from a request. */
export interface PlannedOperation {
  intent: Intent;
  targets: string[];
  params: Params;
}

export type Need = 'target' | 'mode' | 'servers' | 'confirm-intent';

/** The parse contract (shared/design/operations.md). */
export interface ParseResult {
  text: string;
  operations: PlannedOperation[];
  needs: Need[];
  /** Near misses for an unknown host ("Did you mean PC-042?"); never used as targets. */
  suggestions: string[];
  /**
   * With `confirm-intent`: the readings the text could have (a change and its read-only counterpart,
   * say), each shaped like an operation; the chat offers them as buttons. Empty otherwise.
   */
  candidates: PlannedOperation[];
}

/** One thing a target looked at (a key, a value, a service): what it does there, before -> after. */
export interface TargetItem {
  path: string;
  name?: string;
  action: 'delete' | 'set' | 'restart' | 'restore' | 'none';
  before?: unknown;
  after?: unknown;
  /** Client licence cache only: whether the key existed, and its subkeys. */
  existed?: boolean;
  subkeys?: string[];
}

export interface TargetBackup {
  path: string;
  sha256: string;
}

/** What a change does beyond its items: sessions a restart disconnects, reboots, grace days left. */
export interface TargetImpact {
  sessions?: number;
  restart?: 'none' | 'now' | 'needed';
  reboot?: 'none' | 'now' | 'scheduled' | 'needed';
  rebootAt?: string | null;
  graceDaysLeft?: number;
}

/** What the target-side module returns for one operation on one host (schema: operation-result.schema.json). */
export interface TargetReport {
  ok: true;
  operation: Intent;
  host: string;
  whatIf: boolean;
  changed: boolean;
  items: TargetItem[];
  backup: TargetBackup | null;
  /** Set after a real run: whether what the module read back is what it meant to write. */
  verified?: boolean;
  impact?: TargetImpact;
  /** An expected "no" from the host, e.g. Group Policy sets this value. */
  refused?: { code: 'gpo_managed' | 'would_empty_list' | 'not_a_session_host'; reason: string };
  /** Read-only operations: what was read. */
  data?: Record<string, unknown>;
}

/**
 * A request's states. The legal moves between them are the table in `requests/lifecycle.ts` (drawn in
 * docs/request-lifecycle.md); every move goes through its `move()`, a compare-and-set in the store, so a
 * double click, a re-delivered invoke or two instances racing produce one move.
 */
export type RequestState =
  | 'pending'
  | 'submitted'
  | 'confirmed'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'rejected'
  | 'expired'
  | 'superseded';

export interface HostOutcome {
  host: string;
  status: 'succeeded' | 'failed';
  report?: TargetReport;
  error?: { code: string; message: string };
  /**
   * Set by the recovery after a restart: what the bot found on this host without re-running
   * anything. `done` the host is in the requested state, `not-done` the change is still pending,
   * `unknown` the host could not be re-read. A result recorded before the stop carries none.
   */
  recovery?: 'done' | 'not-done' | 'unknown';
}

export interface Requester {
  oid: string;
  name: string;
  tenantId: string;
  /** Guests (B2B) never approve; set by the Teams layer where it can tell. */
  userType?: 'member' | 'guest' | 'unknown';
}

export type RoleName = 'helpdesk' | 'approver' | 'admin';

/** One approver's yes. */
export interface ApprovalVote {
  oid: string;
  name: string;
  at: string;
}

/**
 * What a request needs before it runs, fixed when it is planned (from the policy), and the
 * decisions so far. The approval card in the approvals channel is tracked here too.
 */
export interface ApprovalState {
  /** Distinct approvers needed (0: the requester's own Confirm is enough). */
  needed: number;
  /** Roles an approver must hold, checked at approval time and again just before running. */
  roles: RoleName[];
  justificationRequired: boolean;
  justification?: string;
  ttlMinutes: number;
  votes: ApprovalVote[];
  rejection?: ApprovalVote & { reason: string };
  /** Where the approval card was posted (opaque to the core) and its activity id. */
  channel?: { conversation: unknown; name: string; activityId?: string };
  /** The request this one re-submits (after expiry or drift), and the one that replaced it. */
  resubmitOf?: string;
  resubmittedAs?: string;
  /** Why a request ended without running: drift, a role revoked, a rate limit... */
  voidReason?: string;
}

/** The stored request: the only source of truth for what was shown, confirmed and run. */
export interface ChangeRequest {
  id: string;
  version: number;
  state: RequestState;
  requester: Requester;
  text: string;
  operations: PlannedOperation[];
  preview: HostOutcome[];
  fingerprint: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Opaque to the core: where the plan card lives, so the Teams layer can update it later. */
  conversation: unknown;
  cardActivityId?: string;
  outcome?: HostOutcome[];
  decidedBy?: string;
  /** A rollback: the request it undoes (its operations decide who must approve). */
  undoes?: { id: string; title: string; operations: PlannedOperation[]; finishedAt: string };
  /** Why a request ended without running (or stopped): shown on its card. */
  failure?: string;
  /** Set for every change request; `needed: 0` means the requester confirms alone. */
  approval?: ApprovalState;
  /**
   * Set in the same compare-and-set that ends a run, cleared once its cards were updated: a process
   * stopped in between leaves it set, and the next start updates the cards then (nothing is lost).
   */
  unpublished?: boolean;
  /** While it runs: how far it got, for the card only (a copy carries it to the card; never stored). */
  progress?: RunProgressView;
}

/** "12 of 40 done, 1 failed", and the hosts this request queues for behind another request. */
export interface RunProgressView {
  total: number;
  done: number;
  failed: number;
  waitingFor: string[];
}
