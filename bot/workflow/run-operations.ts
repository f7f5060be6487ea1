import type { Host, HostOutcome, PlannedOperation } from '../domain';
import type { WorkflowDeps } from './deps';
import { runPerHost } from './run-per-host';

/** Every operation on its hosts; outcomes in the order of the operations and their targets. */
export async function runOperations(
  deps: WorkflowDeps,
  id: string,
  operations: PlannedOperation[],
  hosts: Map<string, Host>,
  whatIf: boolean,
): Promise<HostOutcome[]> {
  const perOperation = await Promise.all(
    operations.map((operation) =>
      runPerHost(
        deps,
        id,
        operation.intent,
        operation.params,
        operation.targets.map((name) => hosts.get(name)).filter((host): host is Host => Boolean(host)),
        whatIf,
      ),
    ),
  );
  return perOperation.flat();
}
