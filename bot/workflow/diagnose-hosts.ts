import type { Host, HostOutcome, PlannedOperation } from '../domain';
import type { HostDiagnosis } from '../diagnosis/diagnosis';
import { diagnoseClient, diagnoseLicenseServer } from '../diagnosis/other-roles';
import { calsOf, eventsOf, serverTestsOf, settingOf } from '../diagnosis/readings';
import { diagnoseSessionHost } from '../diagnosis/session-host-diagnosis';
import { limitsOf } from '../policy/policy';
import type { WorkflowDeps } from './deps';
import { runOperations } from './run-operations';

/** License servers whose CALs a diagnosis counts at most (the inventory may name dozens). */
const MAX_LICENSE_SERVERS = 5;

/**
 * The reads behind a diagnosis, beyond the host's own settings (already read): for session hosts the
 * last day's licensing events and a test of each configured license server, for the inventory's
 * license servers their CALs, and for a client the events of the session hosts it connects to (1003
 * names it). All read-only, all through the same executor and bounds as any read.
 */
export async function diagnoseHosts(
  deps: WorkflowDeps,
  id: string,
  targets: readonly Host[],
  own: readonly HostOutcome[],
): Promise<{ diagnoses: HostDiagnosis[]; reads: PlannedOperation[]; outcomes: HostOutcome[] }> {
  const inventory = deps.inventory.hosts();
  const byName = new Map(inventory.map((host) => [host.name, host]));
  const ownOf = (name: string) => own.find((o) => o.host === name);
  const sessionHosts = targets.filter((h) => h.role === 'session-host' && ownOf(h.name)?.status === 'succeeded');
  const clients = targets.filter((h) => h.role === 'client');
  const licenseServers = inventory.filter((h) => h.role === 'license-server').map((h) => h.name);
  const servers = targets.some((h) => h.role === 'license-server')
    ? targets.filter((h) => h.role === 'license-server').map((h) => h.name)
    : sessionHosts.length > 0
      ? licenseServers.slice(0, MAX_LICENSE_SERVERS)
      : [];
  // A client's events are on the session hosts; a read stays within the read budget.
  const eventHosts =
    clients.length > 0
      ? inventory.filter((h) => h.role === 'session-host').slice(0, limitsOf(deps.policy).readMaxHosts)
      : sessionHosts;
  const reads: PlannedOperation[] = [
    ...(eventHosts.length > 0
      ? [{ intent: 'rdsh.events' as const, targets: eventHosts.map((h) => h.name), params: { since: '24h' } }]
      : []),
    ...(sessionHosts.length > 0
      ? [{ intent: 'rdsh.test_license_server' as const, targets: sessionHosts.map((h) => h.name), params: {} }]
      : []),
    ...(servers.length > 0 ? [{ intent: 'ls.cal_inventory' as const, targets: servers, params: {} }] : []),
  ];
  const outcomes = reads.length > 0 ? await runOperations(deps, id, reads, byName, false) : [];
  // Outcomes come back operation by operation, in target order.
  const byRead = new Map(
    reads
      .flatMap((read) => read.targets.map((target) => `${read.intent} ${target}`))
      .map((key, i) => [key, outcomes[i]]),
  );
  const of = (intent: string, host: string) => byRead.get(`${intent} ${host}`);
  const cals = new Map(
    servers.flatMap((name) => {
      const count = calsOf(of('ls.cal_inventory', name));
      return count ? [[name, count] as const] : [];
    }),
  );
  const clientNames = new Set(inventory.filter((h) => h.role === 'client').map((h) => h.name));
  const diagnoses = targets.map((host): HostDiagnosis => {
    if (host.role === 'client') {
      return diagnoseClient(host.name, new Map(eventHosts.map((h) => [h.name, eventsOf(of('rdsh.events', h.name))])));
    }
    if (host.role === 'license-server') return diagnoseLicenseServer(host.name, cals.get(host.name));
    return diagnoseSessionHost({
      host: host.name,
      setting: settingOf(ownOf(host.name)),
      events: eventsOf(of('rdsh.events', host.name)),
      tests: serverTestsOf(of('rdsh.test_license_server', host.name)),
      cals,
      licenseServers,
      clients: clientNames,
    });
  });
  return { diagnoses, reads, outcomes };
}
