import type { AlertRaiser } from '../alerts/alerts';
import type { Logger } from '../errors';
import type { Policy } from '../policy/policy';
import type {
  AuditLog,
  CardVersions,
  Clock,
  Executor,
  IdSource,
  Inventory,
  Notifier,
  RequestStore,
  SettingsStore,
} from '../ports';
import type { DenialSampler } from './denial-sampler';
import type { LeaseSettings } from './host-lease-turn';
import type { HostLocks } from './host-locks';
import type { Slots } from './slots';

/** Everything the use cases need, wired once by the composition root. */
export interface WorkflowDeps {
  store: RequestStore;
  settings: SettingsStore;
  audit: AuditLog;
  executor: Executor;
  inventory: Inventory;
  notifier: Notifier;
  clock: Clock;
  ids: IdSource;
  policy: Policy;
  locks: HostLocks;
  /** Per-host leases shared with other instances and workers (PostgreSQL); absent with the embedded file. */
  leases?: LeaseSettings;
  /** Card updates in version order across instances (PostgreSQL); absent with the embedded file. */
  cards?: CardVersions;
  log: Logger;
  /** Alerts for admins in the alerts channel (ADR 0024). */
  alerts: AlertRaiser;
  /** How long a plan may wait for its confirmation. */
  planTtlMs: number;
  /** Hosts one request previews or changes at the same time. */
  concurrency: number;
  /** Host calls running at once across all requests. */
  slots: Slots;
  /** How long work for a host queues behind another request's before it gives up (host_busy). */
  hostWaitMs: number;
  /** The least time between two progress updates of a running request's card (Teams throttles edits). */
  progressIntervalMs: number;
  /** Which refusals of non-members are audited (bounded), which only counted. */
  denials: DenialSampler;
}
