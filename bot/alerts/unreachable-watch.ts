import { ExecutionError, type ExecutionRequest, type Executor } from '../ports';
import type { TargetReport } from '../domain';
import type { AlertRaiser } from './alerts';

/** Failures that mean the host did not answer at all; a report or the host's refusal means it did. */
const NO_ANSWER: ReadonlySet<string> = new Set(['host_unreachable', 'executor_timeout']);

/**
 * The host executor with a count of calls in a row each host did not answer (ADR 0024): from the
 * `threshold`-th such call on, every further one raises `host_unreachable_repeatedly` for that host
 * (the alerts service posts it once per interval); a call the host answers, even with a refusal, starts
 * the count again; a failure on the bot's own side (executor_failed, a bug) leaves the count as it was.
 * Results and errors pass through unchanged.
 */
export class UnreachableWatch implements Executor {
  private readonly misses = new Map<string, number>();

  constructor(
    private readonly inner: Executor,
    private readonly alerts: AlertRaiser,
    private readonly threshold = 3,
  ) {}

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const host = request.host.name.toLowerCase();
    try {
      const report = await this.inner.run(request);
      this.misses.delete(host);
      return report;
    } catch (error) {
      if (!(error instanceof ExecutionError) || error.code === 'executor_failed') throw error; // the bot's side
      if (NO_ANSWER.has(error.code)) {
        const failures = (this.misses.get(host) ?? 0) + 1;
        this.misses.set(host, failures);
        if (failures >= this.threshold) {
          void this.alerts.raise('host_unreachable_repeatedly', {
            host: request.host.name,
            failures,
            code: error.code,
          });
        }
      } else {
        this.misses.delete(host);
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }
}
