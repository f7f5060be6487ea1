import type { ChangeRequest, Host } from '../domain';
import type { WorkflowDeps } from './deps';

/** The inventory hosts a stored request names (a host removed from the inventory since is left out). */
export function hostsOf(deps: WorkflowDeps, request: ChangeRequest): Map<string, Host> {
  const hosts = new Map<string, Host>();
  for (const operation of request.operations) {
    for (const name of operation.targets) {
      const host = deps.inventory.find(name);
      if (host) hosts.set(host.name, host);
    }
  }
  return hosts;
}
