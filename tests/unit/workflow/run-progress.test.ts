import type { ChangeRequest, RunProgressView } from '../../../bot/domain';
import type { WorkflowDeps } from '../../../bot/workflow/deps';
import { RunProgress } from '../../../bot/workflow/run-progress';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recordingDeps(updateMs = 0) {
  const shown: Array<{ at: number; progress: RunProgressView }> = [];
  let inFlight = 0;
  let overlapped = false;
  const deps = {
    notifier: {
      async updateRequestCard(request: ChangeRequest) {
        inFlight++;
        if (inFlight > 1) overlapped = true;
        await sleep(updateMs);
        shown.push({ at: Date.now(), progress: request.progress as RunProgressView });
        inFlight--;
      },
      updateApprovalCard: async () => undefined,
    },
    log: { warn: () => undefined },
  } as unknown as WorkflowDeps;
  return { deps, shown, overlapped: () => overlapped };
}

const request = { id: 'REQ-1', operations: [] } as unknown as ChangeRequest;
const done = (host: string, status: 'succeeded' | 'failed' = 'succeeded') => ({ host, status });

describe('progress of a running request', () => {
  it('updates the card at most once an interval, and shows the newest count', async () => {
    const { deps, shown } = recordingDeps();
    const progress = new RunProgress(deps, request, 40, 50);
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      progress.finished(done(`H${i}`, i === 7 ? 'failed' : 'succeeded'));
      await sleep(3);
    }
    await sleep(60);
    await progress.close();
    const gaps = shown.slice(1).map((s, i) => s.at - (shown[i] as { at: number }).at);
    // Once an interval (50 ms) over however long the loop took on a busy machine, plus the final count.
    expect(shown.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 50) + 1);
    expect(shown.length).toBeLessThan(40);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(45);
    expect(shown.at(-1)?.progress).toEqual({ total: 40, done: 40, failed: 1, waitingFor: [] });
  });

  it('never overlaps two updates, even when Teams is slow to take one', async () => {
    const { deps, shown, overlapped } = recordingDeps(80);
    const progress = new RunProgress(deps, request, 10, 10);
    for (let i = 0; i < 10; i++) {
      progress.finished(done(`H${i}`));
      await sleep(15);
    }
    await progress.close();
    expect(overlapped()).toBe(false);
    expect(shown.length).toBeGreaterThan(0);
  });

  it('names the hosts it waits for until they are done, and stops updating once closed', async () => {
    const { deps, shown } = recordingDeps();
    const progress = new RunProgress(deps, request, 2, 10);
    progress.waiting('RDSH01');
    await sleep(30);
    expect(shown.at(-1)?.progress.waitingFor).toEqual(['RDSH01']);
    progress.finished(done('RDSH01'));
    await progress.close();
    progress.finished(done('RDSH02'));
    await sleep(30);
    expect(shown.every((s) => s.progress.done < 2)).toBe(true);
  });
});
