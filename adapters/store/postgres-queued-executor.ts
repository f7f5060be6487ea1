import type { TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import type { JobResult, PostgresJobQueue } from './postgres-job-queue';

const CODES = new Set(['host_unreachable', 'executor_timeout', 'target_refused', 'target_failed', 'executor_failed']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The executor port over the job queue (ADR 0020): a host call becomes a job that whichever worker serves
 * the host's tags takes, and the run waits for its result, so locks, leases, audit and cards stay with
 * the instance that runs the request while the PowerShell runs near the host. A job nobody took within
 * `queuedMs` fails the host as unreachable, with nothing done; one taken gets `runningMs` more (the
 * worker's own execution timeout and a margin), and is given up at once when its worker's heartbeat runs
 * out (the worker died): the host then fails as timed out, its state unknown, as the recovery rules expect.
 */
export class PostgresQueuedExecutor implements Executor {
  constructor(
    private readonly queue: PostgresJobQueue,
    private readonly bounds: { queuedMs: number; runningMs: number; executionMs: number; pollMs: number },
  ) {}

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const id = await this.queue.enqueue(request);
    const deadline = Date.now() + this.bounds.queuedMs;
    for (;;) {
      const status = await this.queue.status(id);
      if (status.result) return reportOf(status.result);
      if (status.workerGone) throw await this.gone(request, status.takenMsAgo ?? 0);
      if (Date.now() >= deadline) {
        const was = await this.queue.expire(id);
        if (was === 'never taken') {
          throw new ExecutionError(
            'host_unreachable',
            `No worker serving ${request.host.name} took the call within ${Math.round(this.bounds.queuedMs / 1000)} s; nothing was done.`,
          );
        }
        // A worker has it: the call is under way, bounded by that worker's own timeout.
        const late = await this.waitTaken(id, request);
        if (late) return reportOf(late);
        throw new ExecutionError('executor_timeout', `The worker running ${request.host.name} did not answer in time.`);
      }
      await sleep(this.bounds.pollMs);
    }
  }

  /**
   * The worker holding the call stopped beating (it died): what it did on the host is not known, and its
   * remote command may still be running there until the execution timeout it was given. The host's lease
   * is kept (this run holds it) until that time has passed, so nothing else touches the host meanwhile.
   */
  private async gone(request: ExecutionRequest, takenMsAgo: number): Promise<ExecutionError> {
    await sleep(Math.max(0, this.bounds.executionMs - takenMsAgo));
    return new ExecutionError(
      'executor_timeout',
      `The worker running ${request.host.name} stopped answering, so what it did there is not known; read ${request.host.name} again before changing it.`,
    );
  }

  private async waitTaken(id: number, request: ExecutionRequest): Promise<JobResult | undefined> {
    const deadline = Date.now() + this.bounds.runningMs;
    while (Date.now() < deadline) {
      const status = await this.queue.status(id);
      if (status.result) return status.result;
      if (status.workerGone) throw await this.gone(request, status.takenMsAgo ?? 0);
      await sleep(this.bounds.pollMs);
    }
    return undefined;
  }
}

function reportOf(result: JobResult): TargetReport {
  if (result.ok) return result.report;
  const code = CODES.has(result.code) ? (result.code as ExecutionError['code']) : 'executor_failed';
  throw new ExecutionError(code, result.message);
}
