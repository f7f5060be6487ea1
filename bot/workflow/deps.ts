import type { Logger } from '../errors';
import type { Policy } from '../policy/policy';
import type { AuditLog, Clock, Executor, IdSource, Inventory, Notifier, RequestStore, SettingsStore } from '../ports';
import type { HostLocks } from './host-locks';

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
  log: Logger;
  /** How long a plan may wait for its confirmation. */
  planTtlMs: number;
  /** Hosts previewed or changed at the same time. */
  concurrency: number;
}
