import { operationDefinition } from '../catalogue';
import type { Host, Intent } from '../domain';
import type { ResolvedHosts } from './host-resolver';
import { alphaPrefix, indexInventory } from './inventory-index';

/** Intents that never act on the hosts a message names (the answer is advice or about requests). */
const NO_TARGETS = new Set<Intent>([
  'help',
  'advice.cal_migration',
  'advice.copy_client_license',
  'advice.recurring_grace_reset',
  'advice.mac_client',
  'audit.query',
  'request.status',
  'request.cancel',
]);

export function takesNoHosts(intent: Intent): boolean {
  return NO_TARGETS.has(intent);
}

/**
 * The hosts an operation acts on: those of the catalogue's role. License servers named with a change
 * or a reachability test are parameters, not targets; a diagnosis looks at session hosts first.
 */
export function targetsFor(intent: Intent, resolved: ResolvedHosts): Host[] {
  const all = resolved.hosts;
  const servers = all.filter((host) => host.role === 'license-server');
  const machines = all.filter((host) => host.role !== 'license-server');
  if (intent === 'ls.cal_inventory') return servers.length > 0 ? servers : all;
  if (intent === 'licensing.diagnose') {
    // Hosts named one by one are all looked at (a client with its session host); a group, by its session hosts.
    const picked = machines.filter((host) => !resolved.grouped.has(host) || host.role === 'session-host');
    if (picked.length > 0) return picked;
  }
  if (intent === 'licensing.diagnose' || intent === 'request.rollback') {
    const sessionHosts = machines.filter((host) => host.role === 'session-host');
    return sessionHosts.length > 0 ? sessionHosts : machines.length > 0 ? machines : servers;
  }
  const role = operationDefinition(intent).runsOn;
  if (!role) return machines;
  const wanted = all.filter((host) => host.role === role);
  return wanted.length > 0 ? wanted : machines;
}

/** Host-like words that matched nothing and do not look like license servers (those are server problems). */
export function unknownMachines(resolved: ResolvedHosts, inventory: readonly Host[]): string[] {
  const { serverOnlyPrefixes } = indexInventory(inventory);
  return resolved.unknown.filter((word) => {
    const prefix = alphaPrefix(word);
    return !(prefix && serverOnlyPrefixes.has(prefix));
  });
}
