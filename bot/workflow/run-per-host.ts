import type { Host, HostOutcome, Intent, Params } from '../domain';
import { ExecutionError } from '../ports';
import type { WorkflowDeps } from './deps';
import { HostBusyError } from './host-locks';
import { underLease } from './host-lease-turn';

/** What a caller hears while hosts run: a host queued behind another request, a host's outcome. */
export interface HostWatch {
  waiting(host: string): void;
  finished(outcome: HostOutcome): void;
}

export interface RunOptions {
  watch?: HostWatch;
  /**
   * The policy's "stop at the first failure": once a host fails, no further host starts (hosts already
   * running finish: stopping a change halfway is worse than finishing it) and each host not started gets
   * a `not_started` outcome. Shared between the operations of one request, so a later operation does not
   * start either.
   */
  stop?: BatchStop;
}

/** The first failure of a batch that stops at it, shared by the operations of one request. */
export class BatchStop {
  failedHost?: string;

  notStarted(host: Host): HostOutcome {
    return {
      host: host.name,
      status: 'failed',
      error: {
        code: 'not_started',
        message: `Not started: ${this.failedHost ?? 'another host'} failed first, and the policy stops this change at the first failure. Nothing was changed here.`,
      },
    };
  }
}

/**
 * Runs one operation on each host and turns every host-level failure into an outcome, so one dead
 * host never hides the others' results. Three bounds: this request runs at most `deps.concurrency`
 * hosts at once; all requests together at most `deps.slots.size`; and a host runs one request at a
 * time (its lock is taken before a global slot, so a request queued for a busy host holds no slot),
 * waiting in order at most `deps.hostWaitMs`.
 */
export async function runPerHost(
  deps: WorkflowDeps,
  requestId: string,
  intent: Intent,
  params: Params,
  hosts: Host[],
  whatIf: boolean,
  options: RunOptions = {},
): Promise<HostOutcome[]> {
  const { watch, stop } = options;
  const outcomes: HostOutcome[] = new Array(hosts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const index = next++;
      const host = hosts[index] as Host;
      if (stop?.failedHost) {
        outcomes[index] = stop.notStarted(host);
        watch?.finished(outcomes[index]);
        continue;
      }
      const outcome = await deps.locks
        .withLock(
          host.name,
          // Checked again once the host and a slot are free: another host may have failed meanwhile.
          () => {
            const turn = () =>
              deps.slots.run(async () =>
                stop?.failedHost ? stop.notStarted(host) : runOne(deps, requestId, intent, params, host, whatIf),
              );
            // Across processes too when the database is shared: the lease is taken before a slot, like the lock.
            return deps.leases && !whatIf
              ? underLease(
                  deps.leases,
                  host.name,
                  { waitMs: deps.hostWaitMs, onWait: () => watch?.waiting(host.name) },
                  turn,
                )
              : turn();
          },
          {
            waitMs: deps.hostWaitMs,
            onWait: () => watch?.waiting(host.name),
          },
        )
        .catch((error: unknown) => busy(error, host));
      outcomes[index] = outcome;
      if (stop && outcome.status === 'failed') stop.failedHost ??= host.name;
      watch?.finished(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency, hosts.length) }, worker));
  return outcomes;
}

async function runOne(
  deps: WorkflowDeps,
  requestId: string,
  operation: Intent,
  params: Params,
  host: Host,
  whatIf: boolean,
): Promise<HostOutcome> {
  try {
    const report = await deps.executor.run({ requestId, host, operation, params, whatIf });
    return { host: host.name, status: 'succeeded', report };
  } catch (error) {
    if (error instanceof ExecutionError) {
      return { host: host.name, status: 'failed', error: { code: error.code, message: error.message } };
    }
    deps.log.error('executor threw an unexpected error', { host: host.name, requestId, error: String(error) });
    return {
      host: host.name,
      status: 'failed',
      error: { code: 'executor_failed', message: 'The executor failed unexpectedly.' },
    };
  }
}

function busy(error: unknown, host: Host): HostOutcome {
  if (!(error instanceof HostBusyError)) throw error;
  return { host: host.name, status: 'failed', error: { code: 'host_busy', message: error.message } };
}
