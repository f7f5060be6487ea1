import type { ChangeRequest, Host, PlannedOperation, Requester } from '../domain';
import { checkRequest, type PolicyDecision } from '../policy/check-request';
import type { WorkflowDeps } from './deps';

/** The inventory hosts a stored request names (a host removed from the inventory since is left out). */
export function hostsOf(deps: WorkflowDeps, request: Pick<ChangeRequest, 'operations'>): Map<string, Host> {
  const hosts = new Map<string, Host>();
  for (const operation of request.operations) {
    for (const name of operation.targets) {
      const host = deps.inventory.find(name);
      if (host) hosts.set(host.name, host);
    }
  }
  return hosts;
}

/**
 * The operations the policy judges a request by: its own, or for a rollback those of the request it
 * undoes ("same approval as the request it undoes").
 */
export function policyOperations(request: Pick<ChangeRequest, 'operations' | 'undoes'>): PlannedOperation[] {
  return request.undoes?.operations ?? request.operations;
}

/** The policy for a request (a rollback: for what it undoes), as this person asks now; roles may change. */
export function checkPolicy(
  deps: WorkflowDeps,
  actor: Requester,
  request: Pick<ChangeRequest, 'operations' | 'undoes'>,
): PolicyDecision {
  return checkRequest(deps.policy, actor, policyOperations(request), hostsOf(deps, request), deps.clock.now());
}
