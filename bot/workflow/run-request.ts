import type { ChangeRequest, Host, HostOutcome } from '../domain';
import { checkRequest } from '../policy/check-request';
import type { WorkflowDeps } from './deps';
import { hostsOf } from './request-hosts';
import { runPerHost } from './run-per-host';

/**
 * Runs a confirmed request: role check once more, `running` (compare-and-set, so it runs once),
 * audit "started" before any host is touched, then each host (backup, change, verify happen in the
 * target module), audit every host result, finish, and update the card in the thread.
 */
export async function runRequest(deps: WorkflowDeps, confirmed: ChangeRequest): Promise<ChangeRequest | undefined> {
  const hosts = hostsOf(deps, confirmed);
  const policy = checkRequest(deps.policy, confirmed.requester, confirmed.operations, hosts);
  if (!policy.allowed) {
    return finish(deps, confirmed, 'confirmed', [], `refused just before running: ${policy.code}`);
  }
  const running = await deps.store.transition(confirmed.id, 'confirmed', confirmed.version, {
    state: 'running',
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!running) return undefined; // another delivery of the same click got here first
  try {
    await deps.audit.append({
      kind: 'execution.started',
      requestId: running.id,
      actor: running.decidedBy ?? running.requester.oid,
      data: { operations: running.operations, fingerprint: running.fingerprint },
    });
  } catch (error) {
    deps.log.error('audit unavailable before execution; nothing runs', { requestId: running.id, error: String(error) });
    return finish(deps, running, 'running', [], 'audit_unavailable');
  }
  await deps.notifier.updateRequestCard(running).catch((error: unknown) => {
    deps.log.warn('could not show the running card', { requestId: running.id, error: String(error) });
  });

  const outcomes: HostOutcome[] = [];
  for (const operation of running.operations) {
    const targets = operation.targets.map((name) => hosts.get(name)).filter((host): host is Host => Boolean(host));
    const results = await runPerHost(deps, running.id, operation.intent, operation.params, targets, false);
    for (const result of results) {
      outcomes.push(result);
      await deps.audit
        .append({
          kind: 'execution.host_result',
          requestId: running.id,
          actor: 'bot',
          data: { operation: operation.intent, ...result },
        })
        .catch((error: unknown) =>
          deps.log.error('could not audit a host result', { requestId: running.id, error: String(error) }),
        );
    }
  }
  return finish(deps, running, 'running', outcomes);
}

async function finish(
  deps: WorkflowDeps,
  request: ChangeRequest,
  from: 'confirmed' | 'running',
  outcomes: HostOutcome[],
  failure?: string,
): Promise<ChangeRequest | undefined> {
  const succeeded = !failure && outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 'succeeded');
  const finished = await deps.store.transition(request.id, from, request.version, {
    state: succeeded ? 'succeeded' : 'failed',
    outcome: outcomes,
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!finished) return undefined;
  await deps.audit
    .append({
      kind: 'execution.finished',
      requestId: request.id,
      actor: 'bot',
      data: { state: finished.state, failure: failure ?? null },
    })
    .catch((error: unknown) =>
      deps.log.error('could not audit the end of a run', { requestId: request.id, error: String(error) }),
    );
  await deps.notifier.updateRequestCard(finished).catch((error: unknown) => {
    deps.log.warn('could not post the result card', { requestId: request.id, error: String(error) });
  });
  return finished;
}

/**
 * At start-up: a request left `running` belonged to a process that died mid-run. Nothing is re-run
 * silently; each host is re-read (preview) so the card says what state it is in now, and the request
 * ends as failed ("interrupted") with that evidence, audited and posted.
 */
export async function recoverInterrupted(deps: WorkflowDeps): Promise<number> {
  const stuck = await deps.store.listByState('running');
  for (const request of stuck) {
    const hosts = hostsOf(deps, request);
    const seen: HostOutcome[] = [];
    for (const operation of request.operations) {
      const targets = operation.targets.map((name) => hosts.get(name)).filter((host): host is Host => Boolean(host));
      for (const outcome of await runPerHost(deps, request.id, operation.intent, operation.params, targets, true)) {
        seen.push({
          host: outcome.host,
          status: 'failed',
          report: outcome.report,
          error: {
            code: 'interrupted',
            message: outcome.report?.changed
              ? 'Not done: the change is still pending on this host.'
              : 'The host is in the requested state now.',
          },
        });
      }
    }
    await deps.audit
      .append({ kind: 'execution.recovered', requestId: request.id, actor: 'bot', data: { seen } })
      .catch((error: unknown) =>
        deps.log.error('could not audit a recovery', { requestId: request.id, error: String(error) }),
      );
    await finish(deps, request, 'running', seen, 'interrupted');
  }
  return stuck.length;
}
