import type { Host, HostOutcome } from '../domain';
import type { WorkflowDeps } from './deps';
import { finishRun } from './finish-run';
import { recordStep } from './record-step';
import { hostsOf } from './request-hosts';
import { runPerHost } from './run-per-host';

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
    await finishRun(deps, request, 'running', seen, 'interrupted');
  }
  return stuck.length;
}
