import type { ChangeRequest, Host, HostOutcome } from '../domain';
import { checkApprover } from '../policy/check-request';
import type { WorkflowDeps } from './deps';
import { planFingerprint } from './fingerprint';
import { checkRateLimits } from './rate-limits';
import { runOperations } from './plan-change';
import { publish } from './publish';
import { hostsOf, checkPolicy } from './request-hosts';
import { resubmitRequest } from './resubmit-request';
import { runPerHost } from './run-per-host';
import { recordStep } from './record-step';
import { move } from '../requests/lifecycle';

/**
 * Runs a confirmed request: role check once more, `running` (compare-and-set, so it runs once),
 * audit "started" before any host is touched, then each host (backup, change, verify happen in the
 * target module), audit every host result, finish, and update the card in the thread.
 */
export async function runRequest(deps: WorkflowDeps, confirmed: ChangeRequest): Promise<ChangeRequest | undefined> {
  const hosts = hostsOf(deps, confirmed);
  const policy = checkPolicy(deps, confirmed.requester, confirmed);
  if (!policy.allowed) {
    return finish(deps, confirmed, 'confirmed', [], `refused just before running: ${policy.reason}`);
  }
  if ((confirmed.approval?.needed ?? 0) > 0) {
    const stop = await beforeApprovedRun(deps, confirmed, policy.approval, hosts);
    if (stop)
      return stop.kind === 'drift' ? supersede(deps, confirmed) : finish(deps, confirmed, 'confirmed', [], stop.reason);
  }
  const running = await move(
    deps.store,
    confirmed,
    'start',
    {
      updatedAt: deps.clock.now().toISOString(),
    },
    'confirmed',
  );
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
  await publish(deps, running);

  const outcomes: HostOutcome[] = [];
  for (const operation of running.operations) {
    const targets = operation.targets.map((name) => hosts.get(name)).filter((host): host is Host => Boolean(host));
    const results = await runPerHost(deps, running.id, operation.intent, operation.params, targets, false);
    for (const result of results) {
      outcomes.push(result);
      await recordStep(deps, {
        kind: 'execution.host_result',
        requestId: running.id,
        actor: 'bot',
        data: { operation: operation.intent, ...result },
      });
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
  const finished = await move(deps.store, { ...request, state: from }, succeeded ? 'succeed' : 'fail', {
    outcome: outcomes,
    updatedAt: deps.clock.now().toISOString(),
    ...(failure ? { failure } : {}),
  });
  if (!finished) return undefined;
  await recordStep(deps, {
    kind: 'execution.finished',
    requestId: request.id,
    actor: 'bot',
    data: { state: finished.state, failure: failure ?? null },
  });
  await publish(deps, finished);
  return finished;
}

/**
 * Just before an approved change runs: every approver must still hold the role (roles can be revoked
 * between the approval and the run), the rate limit and change window still hold, and the hosts must
 * still be in the state the approvers saw (a fresh preview with the same fingerprint).
 */
async function beforeApprovedRun(
  deps: WorkflowDeps,
  request: ChangeRequest,
  need: Parameters<typeof checkRateLimits>[1],
  hosts: Map<string, Host>,
): Promise<{ kind: 'stop'; reason: string } | { kind: 'drift' } | undefined> {
  const approval = request.approval as NonNullable<ChangeRequest['approval']>;
  for (const vote of approval.votes) {
    const still = checkApprover(
      deps.policy,
      { oid: vote.oid, name: vote.name, tenantId: request.requester.tenantId },
      request.requester,
      approval.roles,
    );
    if (!still.ok)
      return { kind: 'stop', reason: `refused just before running: ${vote.name} no longer holds the approver role` };
  }
  const rails = await checkRateLimits(deps, need, request.operations, request.id);
  if (!rails.ok) return { kind: 'stop', reason: `refused just before running: ${rails.reason}` };
  const now = await runOperations(deps, request.id, request.operations, hosts, true);
  return planFingerprint(request.operations, now) === request.fingerprint ? undefined : { kind: 'drift' };
}

/**
 * The hosts changed after the approvers looked: their approval is void. The request is superseded
 * (audited), and a new one with a fresh preview goes to the approvals channel.
 */
async function supersede(deps: WorkflowDeps, request: ChangeRequest): Promise<ChangeRequest | undefined> {
  const superseded = await move(
    deps.store,
    request,
    'drift',
    {
      updatedAt: deps.clock.now().toISOString(),
      failure: 'The hosts changed after the approval, so the approval is void. A new approval request went out.',
    },
    'confirmed',
  );
  if (!superseded) return undefined;
  await recordStep(deps, {
    kind: 'request.drifted',
    requestId: request.id,
    actor: 'bot',
    data: { fingerprint: request.fingerprint },
  });
  await publish(deps, superseded);
  const next = await resubmitRequest(deps, { requestId: request.id, actor: request.requester, reason: 'drift' });
  if ('request' in next && next.request && next.request.id !== request.id) await publish(deps, next.request);
  return superseded;
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
    await recordStep(deps, { kind: 'execution.recovered', requestId: request.id, actor: 'bot', data: { seen } });
    await finish(deps, request, 'running', seen, 'interrupted');
  }
  return stuck.length;
}
