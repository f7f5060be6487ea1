import type { ChangeRequest, HostOutcome, RunProgressView } from '../domain';
import type { WorkflowDeps } from './deps';
import { pendingApprovers } from './publish';

/**
 * How far a running request got, shown in place on its cards: at most one update per interval (Teams
 * throttles bots that edit a message faster), the newest state always shown last, and an update never
 * overlapping the one before (a 429's Retry-After in the notifier delays the next one too). A failed
 * update is logged and forgotten: the result card replaces this one anyway.
 */
export class RunProgress {
  private readonly view: RunProgressView;
  // The running card was just shown: the first progress update waits an interval after it.
  private lastShown = Date.now();
  private pending = false;
  private showing: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly deps: WorkflowDeps,
    private readonly request: ChangeRequest,
    total: number,
    private readonly intervalMs = 1000,
  ) {
    this.view = { total, done: 0, failed: 0, waitingFor: [] };
  }

  waiting(host: string): void {
    if (!this.view.waitingFor.includes(host)) this.view.waitingFor.push(host);
    this.changed();
  }

  finished(outcome: HostOutcome): void {
    this.view.waitingFor = this.view.waitingFor.filter((name) => name !== outcome.host);
    this.view.done += 1;
    if (outcome.status === 'failed') this.view.failed += 1;
    this.changed();
  }

  /** No more updates (the result card follows); resolves when the one in flight is done. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.showing;
  }

  snapshot(): RunProgressView {
    return { ...this.view, waitingFor: [...this.view.waitingFor] };
  }

  /** One update queued at a time; it waits out the interval since the last one, then shows the newest. */
  private changed(): void {
    if (this.closed || this.pending) return;
    this.pending = true;
    this.showing = this.showing.then(async () => {
      await this.pause(this.lastShown + this.intervalMs - Date.now());
      this.pending = false;
      if (!this.closed) await this.show();
    });
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async show(): Promise<void> {
    const request = { ...this.request, progress: this.snapshot() };
    await this.deps.notifier
      .updateRequestCard(request)
      .then(() => {
        if (request.approval?.channel?.activityId)
          return this.deps.notifier.updateApprovalCard(request, pendingApprovers(this.deps, request));
        return undefined;
      })
      .catch((error: unknown) => {
        this.deps.log.warn('could not show progress', { requestId: request.id, error: String(error) });
      });
    this.lastShown = Date.now();
  }
}
