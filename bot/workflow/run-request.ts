import type { ChangeRequest, Host, HostOutcome } from '../domain';
import { checkApprover } from '../policy/check-request';
import type { WorkflowDeps } from './deps';
import { planFingerprint } from './fingerprint';
import { checkRateLimits } from './rate-limits';
import { BotError } from '../errors';
import { move } from '../requests/move-request';
import { finishRun } from './finish-run';
import { publish } from './publish';
import { recordStep } from './record-step';
import { hostsOf, checkPolicy } from './request-hosts';
import { resubmitRequest } from './resubmit-request';
import { runOperations } from './run-operations';
import { BatchStop, type HostWatch, runPerHost } from './run-per-host';
import { ruleFor } from '../policy/operation-rules';
import { RunProgress } from './run-progress';
import { holdingRun } from './run-lease';

/**
 * Runs a confirmed request: role check once more, `running` (compare-and-set, so it runs once),
 * audit "started" before any host is touched, then each host (backup, change, verify happen in the
 * target module), audit every host result, finish, and update the card in the thread.
 */
export async function runRequest(deps: WorkflowDeps, confirmed: ChangeRequest): Promise<ChangeRequest | undefined> {
  // Held from before "running" to the end, so no other instance's recovery ever takes this run over.
  return holdingRun(deps, confirmed.id, () => runHeld(deps, confirmed));
}

async function runHeld(deps: WorkflowDeps, confirmed: ChangeRequest): Promise<ChangeRequest | undefined> {
  const hosts = hostsOf(deps, confirmed);
  const policy = checkPolicy(deps, confirmed.requester, confirmed);
  if (!policy.allowed) {
    return finishRun(deps, confirmed, 'confirmed', [], `refused just before running: ${policy.reason}`);
  }
  if ((confirmed.approval?.needed ?? 0) > 0) {
    const stop = await beforeApprovedRun(deps, confirmed, policy.approval, hosts);
    if (stop)
      return stop.kind === 'drift'
        ? supersede(deps, confirmed)
        : finishRun(deps, confirmed, 'confirmed', [], stop.reason);
  }
  let running: ChangeRequest | undefined;
  try {
    running = await move(deps, confirmed, 'start', {
      patch: { updatedAt: deps.clock.now().toISOString() },
      from: 'confirmed',
      record: (moved) => ({
        kind: 'execution.started',
        requestId: moved.id,
        actor: moved.decidedBy ?? moved.requester.oid,
        data: { operations: moved.operations, fingerprint: moved.fingerprint },
      }),
    });
  } catch (error) {
    // "started" could not be audited: the move failed the request and nothing runs; the card says so.
    if (!(error instanceof BotError) || error.code !== 'audit_unavailable') throw error;
    const failed = await deps.store.get(confirmed.id);
    if (failed) await publish(deps, failed);
    return failed;
  }
  if (!running) return undefined; // another delivery of the same click got here first
  await publish(deps, running);

  const outcomes: HostOutcome[] = [];
  const total = running.operations.reduce((sum, operation) => sum + operation.targets.length, 0);
  const progress = new RunProgress(deps, running, total, deps.progressIntervalMs);
  // Each host's result is audited as it comes in, so a restart mid-batch finds every finished host.
  const recorded: Array<Promise<void>> = [];
  // One stop for the whole request: when any of its operations stops at the first failure, a later
  // operation of the same request does not start after a failure either.
  const stop = running.operations.some((operation) => ruleFor(deps.policy, operation.intent).stopAtFirstFailure)
    ? new BatchStop()
    : undefined;
  try {
    for (const operation of running.operations) {
      const targets = operation.targets.map((name) => hosts.get(name)).filter((host): host is Host => Boolean(host));
      const watch: HostWatch = {
        waiting: (host) => progress.waiting(host),
        finished: (result) => {
          progress.finished(result);
          recorded.push(
            recordStep(deps, {
              kind: 'execution.host_result',
              requestId: running.id,
              actor: 'bot',
              data: { operation: operation.intent, ...result },
            }),
          );
        },
      };
      outcomes.push(
        ...(await runPerHost(deps, running.id, operation.intent, operation.params, targets, false, {
          watch,
          ...(stop ? { stop } : {}),
        })),
      );
    }
  } finally {
    await Promise.all(recorded);
    await progress.close();
  }
  return finishRun(deps, running, 'running', outcomes);
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
  const superseded = await move(deps, request, 'drift', {
    patch: {
      updatedAt: deps.clock.now().toISOString(),
      failure: 'The hosts changed after the approval, so the approval is void. A new approval request went out.',
    },
    from: 'confirmed',
    record: (moved) => ({
      kind: 'request.drifted',
      requestId: moved.id,
      actor: 'bot',
      data: { fingerprint: moved.fingerprint },
    }),
  });
  if (!superseded) return undefined;
  await publish(deps, superseded);
  const next = await resubmitRequest(deps, { requestId: request.id, actor: request.requester, reason: 'drift' });
  if ('request' in next && next.request && next.request.id !== request.id) await publish(deps, next.request);
  return superseded;
}
