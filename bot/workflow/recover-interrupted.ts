import type { ChangeRequest, Host, HostOutcome } from '../domain';
import type { WorkflowDeps } from './deps';
import { finishRun } from './finish-run';
import { publish } from './publish';
import { recordStep } from './record-step';
import { recoveredOutcome, recoverySummary } from '../requests/recovered-outcomes';
import { hostsOf } from './request-hosts';
import { runPerHost } from './run-per-host';
import { holdingRun } from './run-lease';

/** What the start-up found: runs it closed with per-host evidence, and confirmed runs that never began. */
export interface Recovery {
  recovered: ChangeRequest[];
  notStarted: ChangeRequest[];
}

/**
 * At start-up, for the requests a stopped process left behind. A `running` one is never re-run: per
 * host, a result the run recorded before the stop stands; every other host is re-read (a preview) and
 * recorded as done, not done or unknown, in the audit log and on the card; the request ends
 * `succeeded` when every host is done, otherwise `failed` with Resume offered for what is left.
 * A `confirmed` one never reached "started" (nothing touched a host), so it is handed back to run
 * now: the run checks roles, limits and, for approved changes, that the hosts still look as approved.
 */
export async function recoverInterrupted(deps: WorkflowDeps): Promise<Recovery> {
  const recovered = await takeOverOrphanedRuns(deps);
  // Finished before the stop, cards not updated yet: show them now (the result itself is stored).
  for (const request of await deps.store.listUnpublished()) {
    await publish(deps, request);
    await deps.store.markPublished(request.id);
  }
  const notStarted = await deps.store.listByState('confirmed');
  for (const request of notStarted) {
    await recordStep(
      deps,
      { kind: 'execution.recovered', requestId: request.id, actor: 'bot', data: { notStarted: true } },
      'warn',
    );
  }
  return { recovered, notStarted };
}

/**
 * The `running` requests nobody runs any more, closed as above. With a shared database a request is
 * taken over only when its run lease ran out (its instance died), never because this one started; the
 * sweeper calls this again, so a dead instance's runs are closed within a sweep of its lease's end.
 */
export async function takeOverOrphanedRuns(deps: WorkflowDeps): Promise<ChangeRequest[]> {
  const recovered: ChangeRequest[] = [];
  for (const listed of await deps.store.listByState('running')) {
    const finished = await holdingRun(deps, listed.id, async () => {
      // Read again under the lease: its holder may have finished it between the list and the lease.
      const request = await deps.store.get(listed.id);
      return request?.state === 'running' ? recoverRun(deps, request) : undefined;
    });
    if (finished) recovered.push(finished);
  }
  return recovered;
}

/**
 * Confirmed requests whose run never began although they were confirmed `olderThanMs` ago: the instance
 * that took the click died before "started" (nothing touched a host). With a shared database the sweeper
 * runs them; the run's own lease keeps a live instance's run from being started twice.
 */
export async function orphanedConfirmed(deps: WorkflowDeps, olderThanMs: number): Promise<ChangeRequest[]> {
  const before = deps.clock.now().getTime() - olderThanMs;
  return (await deps.store.listByState('confirmed')).filter((request) => Date.parse(request.updatedAt) < before);
}

async function recoverRun(deps: WorkflowDeps, request: ChangeRequest): Promise<ChangeRequest | undefined> {
  const recorded = await recordedResults(deps, request.id);
  const hosts = hostsOf(deps, request);
  const outcomes: HostOutcome[] = [];
  for (const operation of request.operations) {
    const open = operation.targets.filter((name) => !recorded.has(key(operation.intent, name)));
    const targets = open.map((name) => hosts.get(name)).filter((host): host is Host => Boolean(host));
    const reRead = await runPerHost(deps, request.id, operation.intent, operation.params, targets, true);
    const found = new Map(reRead.map((outcome) => [outcome.host, recoveredOutcome(outcome)]));
    for (const name of operation.targets) {
      const outcome = recorded.get(key(operation.intent, name)) ?? found.get(name);
      if (outcome) outcomes.push(outcome);
    }
  }
  const hostsSeen = outcomes.map((o) => ({
    host: o.host,
    status: o.recovery ?? (o.status === 'succeeded' ? 'recorded done' : 'recorded failed'),
  }));
  await recordStep(deps, {
    kind: 'execution.recovered',
    requestId: request.id,
    actor: 'bot',
    data: { hosts: hostsSeen },
  });
  const unknown = outcomes.filter((o) => o.recovery === 'unknown').map((o) => o.host);
  if (unknown.length > 0) {
    void deps.alerts.raise('recovery_unknown_hosts', { requestId: request.id, hosts: unknown.join(', ') });
  }
  const everyHostDone = outcomes.length > 0 && outcomes.every((o) => o.status === 'succeeded');
  return finishRun(deps, request, 'running', outcomes, everyHostDone ? undefined : recoverySummary(outcomes));
}

/** The host results the run recorded before it stopped, by operation and host. */
async function recordedResults(deps: WorkflowDeps, requestId: string): Promise<Map<string, HostOutcome>> {
  const records = await deps.audit.query({ requestId, limit: 10_000 });
  const results = new Map<string, HostOutcome>();
  for (const record of records.filter((r) => r.kind === 'execution.host_result')) {
    const { operation, host, status, report, error } = record.data as unknown as {
      operation: string;
    } & HostOutcome;
    if (!results.has(key(operation, host))) {
      results.set(key(operation, host), { host, status, ...(report ? { report } : {}), ...(error ? { error } : {}) });
    }
  }
  return results;
}

const key = (intent: string, host: string) => `${intent}\u0000${host.toLowerCase()}`;
