import type { Host, HostOutcome, Intent, Params } from '../domain';
import { ExecutionError } from '../ports';
import type { WorkflowDeps } from './deps';

/**
 * Runs one operation on each host (bounded concurrency, one change per host at a time) and turns
 * every host-level failure into an outcome, so one dead host never hides the others' results.
 */
export async function runPerHost(
  deps: WorkflowDeps,
  requestId: string,
  intent: Intent,
  params: Params,
  hosts: Host[],
  whatIf: boolean,
): Promise<HostOutcome[]> {
  const outcomes: HostOutcome[] = new Array(hosts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const index = next++;
      const host = hosts[index] as Host;
      outcomes[index] = await deps.locks.withLock(host.name, () =>
        runOne(deps, requestId, intent, params, host, whatIf),
      );
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
