import type { ChangeRequest, Host, Intent, Params, RequestState, TargetReport } from './domain';

/** Durable requests with compare-and-set transitions: a double click or a re-delivery changes nothing. */
export interface RequestStore {
  create(request: ChangeRequest): Promise<void>;
  get(id: string): Promise<ChangeRequest | undefined>;
  /**
   * Moves a request from `from` to the state in `patch` only if it is still in `from` at `version`.
   * Returns the updated request, or undefined when someone else got there first.
   */
  transition(
    id: string,
    from: RequestState,
    version: number,
    patch: Partial<ChangeRequest> & { state: RequestState },
  ): Promise<ChangeRequest | undefined>;
  /** Requests left `running` by a process that died (recovered at start-up). */
  listByState(state: RequestState): Promise<ChangeRequest[]>;
  setCardActivityId(id: string, activityId: string): Promise<void>;
  /** Where the approval card was posted in the approvals channel (no version change). */
  setApprovalCardId(id: string, activityId: string): Promise<void>;
  /** Finished runs whose cards a stopped process did not update yet (`unpublished`). */
  listUnpublished(): Promise<ChangeRequest[]>;
  /** Clears `unpublished` once the cards were updated (no version change). */
  markPublished(id: string): Promise<void>;
  /** Links an expired or superseded request to the one that replaced it (no version change). */
  setResubmittedAs(id: string, newId: string): Promise<void>;
  /** The newest request this user made, for "what's the status of my last request?". */
  lastByRequester(oid: string): Promise<ChangeRequest | undefined>;
  /**
   * Requests with this operation on this host that are still in flight (submitted, confirmed,
   * running) or that finished after `since`: the rate limit per host reads them.
   */
  changesOn(intent: Intent, host: string, since: string): Promise<ChangeRequest[]>;
  /** The newest finished request that changed one of these hosts and left a backup there (for "undo"). */
  lastChangeOn(hosts: string[]): Promise<ChangeRequest | undefined>;
}

export type AuditKind =
  | 'request.planned'
  | 'request.confirmed'
  | 'request.cancelled'
  | 'request.submitted'
  | 'request.approved'
  | 'request.rejected'
  | 'request.expired'
  | 'request.resubmitted'
  | 'request.drifted'
  | 'approval.denied'
  | 'execution.started'
  | 'execution.host_result'
  | 'execution.finished'
  | 'execution.recovered'
  | 'request.refused'
  | 'request.redacted'
  | 'report.read'
  | 'settings.approvals_channel'
  | 'settings.alerts_channel'
  | 'config.loaded'
  | 'config.changed';

export interface AuditEntry {
  kind: AuditKind;
  requestId: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  ts: string;
  prev: string;
  hash: string;
}

export interface AuditQuery {
  /** Records that name this inventory host. */
  host?: string;
  /** ISO time: records at or after it. */
  since?: string;
  /** Records of this request only (the recovery reads what a run recorded before the bot stopped). */
  requestId?: string;
  limit: number;
}

/** Append-only, hash-chained. `append` resolves only once the record is durable; if it throws, nothing may run. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<AuditRecord>;
  /** Newest first: "who changed RDSH01 this week". */
  query(filter: AuditQuery): Promise<AuditRecord[]>;
}

/**
 * A signed statement of the audit log's head, kept outside the database (ADR 0017): "log L had
 * record S with hash H at time T". Each names the one before it, so checkpoints chain like
 * CloudTrail's digest files; someone who rewrites or shortens the log cannot make it match them
 * without the signing key, which the database's folder never holds.
 */
export interface Checkpoint {
  logId: string;
  seq: number;
  head: string;
  time: string;
  keyId: string;
  /** The SHA-256 of the previous checkpoint as written, or GENESIS for the first. */
  prev: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 over the canonical JSON of the fields above, base64. */
  sig: string;
}

/** The audit log's head as one writer sees it while it holds the log's write lock (ADR 0017). */
export interface AuditHead {
  logId: string;
  seq: number;
  hash: string;
}

export interface AuditHeadSource {
  /**
   * Runs `take` while no other writer (process, instance) can append, so a checkpoint names a real head.
   * Asynchronous because a server store holds its lock across a round trip; `take` itself is synchronous.
   */
  atHead<T>(take: (head: AuditHead) => T): Promise<T>;
}

/** Somewhere outside the database that keeps checkpoints: a file another tool ships, syslog, a channel. */
export interface CheckpointSink {
  readonly name: string;
  /** The last checkpoint this sink holds, when it can tell (a file can; syslog cannot). */
  last(): SignedCheckpoint | undefined;
  /** Synchronous and durable when it returns; throws when the sink did not take it. */
  write(checkpoint: SignedCheckpoint): void;
}

/** Sends each audit record on to a SIEM; never blocks, drops (and counts) when it cannot keep up. */
export interface RecordForwarder {
  forward(record: AuditRecord): void;
  readonly dropped: number;
  close(): void;
}

export interface ExecutionRequest {
  requestId: string;
  host: Host;
  operation: Intent;
  params: Params;
  whatIf: boolean;
}

/** A host-level failure the executor could classify (dead host, timeout, refused payload, ...). */
export class ExecutionError extends Error {
  constructor(
    readonly code: 'host_unreachable' | 'executor_timeout' | 'target_refused' | 'target_failed' | 'executor_failed',
    message: string,
  ) {
    super(message);
    this.name = 'ExecutionError';
  }
}

/** Runs catalogue operations on hosts. Rejects with ExecutionError for host-level failures. */
export interface Executor {
  run(request: ExecutionRequest): Promise<TargetReport>;
  /** Closes what the executor keeps open between calls (warm sessions, processes); graceful shutdown. */
  close?(): Promise<void>;
}

export interface Inventory {
  hosts(): readonly Host[];
  find(name: string): Host | undefined;
}

/** Where the bot tells people what happened after the turn that asked has ended. */
export interface Notifier {
  /** The requester's card, in the chat where they asked. */
  updateRequestCard(request: ChangeRequest): Promise<void>;
  /**
   * Posts the approval card in the approvals channel; resolves with the card's activity id.
   * `approvers` are the Entra object ids of who may still approve (their clients get Approve / Reject).
   */
  postApprovalCard(request: ChangeRequest, channel: ApprovalsChannel, approvers: string[]): Promise<string | undefined>;
  /** Updates the approval card for everyone in the channel (after a vote, a decision, expiry, the run). */
  updateApprovalCard(request: ChangeRequest, approvers: string[]): Promise<void>;
  /** A short message to the requester in their chat (a card update alone does not notify anyone). */
  tellRequester(request: ChangeRequest, text: string): Promise<void>;
  /** Posts an alert card in the alerts channel (ADR 0024). */
  postAlert(channel: AlertsChannel, alert: Alert): Promise<void>;
}

/** Where approval cards go: a team channel an admin chose ("use this channel for approvals"). */
export interface ApprovalsChannel {
  /** Opaque to the core: the Teams conversation reference of the channel. */
  conversation: unknown;
  name: string;
  setBy: string;
  setAt: string;
}

/** Where alerts for admins go: a team channel an admin chose ("use this channel for alerts"). */
export type AlertsChannel = ApprovalsChannel;

/** What an alert is about (ADR 0024): the bot cannot keep its promises on its own and an admin must look. */
export type AlertCause =
  | 'audit_fail_closed'
  | 'checkpoint_missed'
  | 'recovery_unknown_hosts'
  | 'host_unreachable_repeatedly';

/** One alert as posted: the cause, a few plain facts (never a secret) and when it was raised. */
export interface Alert {
  cause: AlertCause;
  detail: Record<string, string | number>;
  time: string;
}

/** Bot-wide settings that admins change in chat. */
export interface SettingsStore {
  getApprovalsChannel(): Promise<ApprovalsChannel | undefined>;
  setApprovalsChannel(channel: ApprovalsChannel): Promise<void>;
  getAlertsChannel(): Promise<AlertsChannel | undefined>;
  setAlertsChannel(channel: AlertsChannel): Promise<void>;
}

/**
 * A hold on one host (its name) or one running request (`request:<id>`) across every instance and
 * worker sharing a database (ADR 0019).
 */
export interface HostLease {
  key: string;
  holder: string;
  /** Grows with every grant for any key: a later holder always has a larger token (fencing). */
  token: number;
}

/** Mutual exclusion across processes: leases that expire unless renewed, with fencing tokens. */
export interface HostLeases {
  /** The lease on `key` for `ttlMs`, or undefined while someone else's unexpired lease holds it. */
  tryAcquire(key: string, holder: string, ttlMs: number): Promise<HostLease | undefined>;
  /** Extends a lease still held; false once it expired and (possibly) went to someone else. */
  renew(lease: HostLease, ttlMs: number): Promise<boolean>;
  /**
   * Records that this lease's holder writes its result now; false when a holder with a newer token has
   * written or holds the key, so a late result never lands over a newer one.
   */
  fence(lease: HostLease): Promise<boolean>;
  release(lease: HostLease): Promise<void>;
}

/** A host call taken from the shared queue by an instance or a worker (ADR 0020). */
export interface TakenCall {
  id: number;
  call: ExecutionRequest;
}

export type CallResult = { ok: true; report: TargetReport } | { ok: false; code: string; message: string };

/** Where a worker takes host calls from and hands their results back. */
export interface CallQueue {
  /** The next queued call for a host with one of these tags (any host when none), now this worker's. */
  take(worker: string, tags: readonly string[], ttlMs: number): Promise<TakenCall | undefined>;
  /** False when the call is no longer this worker's to answer (its caller gave up on it). */
  finish(id: number, worker: string, result: CallResult): Promise<boolean>;
  /** Keeps the calls this worker holds alive for `ttlMs` more; a caller stops waiting once that runs out. */
  beat(worker: string, ids: number[], ttlMs: number): Promise<void>;
}

/**
 * Card updates in order across instances (issue 15): `send` runs only when no newer version of this card
 * was sent, and never while another instance sends one, so two instances racing never leave an older
 * state on screen (the request's version is the card's).
 */
export interface CardVersions {
  /** True when sent; false when a newer version had been sent already (nothing sent). */
  sendIfNewest(card: string, version: number, send: () => Promise<void>): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}
