import { PostgresQueuedExecutor } from '../../adapters/store/postgres-queued-executor';
import { PostgresStore } from '../../adapters/store/postgres-store';
import type { Host, TargetReport } from '../../bot/domain';
import { silentLogger } from '../../bot/errors';
import { ExecutionError, type ExecutionRequest } from '../../bot/ports';
import { serveCalls } from '../../bot/workflow/serve-calls';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';

const clock = { now: () => new Date() };
const berlin: Host = { name: 'PC-B1', role: 'client', tags: ['site:berlin'], users: [] };
const paris: Host = { name: 'PC-P1', role: 'client', tags: ['site:paris'], users: [] };
const call = (host: Host): ExecutionRequest => ({
  requestId: 'REQ-1',
  host,
  operation: 'client.reset_license_cache',
  params: {},
  whatIf: true,
});
const report = (host: string) =>
  ({
    ok: true,
    operation: 'client.reset_license_cache',
    host,
    whatIf: true,
    changed: false,
    items: [],
    backup: null,
  }) as TargetReport;
let cluster: PgCluster;
let made = 0;

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

const open = async () => PostgresStore.open(cluster.database(`queue_${++made}`), clock);

describe('host calls through the PostgreSQL queue', () => {
  it('gives each call to the worker of its tags, and a worker never calls a host it does not have', async () => {
    const store = await open();
    const seen: string[] = [];
    const inventory = { hosts: () => [berlin], find: (name: string) => (name === berlin.name ? berlin : undefined) };
    const worker = serveCalls(
      store.jobs,
      { run: async (c) => (seen.push(c.host.name), report(c.host.name)) },
      inventory,
      { worker: 'berlin', tags: ['site:berlin'], concurrency: 2, idleMs: 5, heartbeatMs: 1_000 },
      silentLogger,
    );
    const caller = new PostgresQueuedExecutor(store.jobs, {
      queuedMs: 500,
      runningMs: 5_000,
      executionMs: 4_000,
      pollMs: 5,
    });
    await expect(caller.run(call(berlin))).resolves.toMatchObject({ host: 'PC-B1' });
    // Paris has no worker: the call is never taken, then expired, and nothing ran anywhere.
    await expect(caller.run(call(paris))).rejects.toMatchObject({ code: 'host_unreachable' });
    await worker.stop();
    await store.close();
    expect(seen).toEqual(['PC-B1']);
  });

  it('gives up on a call whose worker died once the call could no longer be running, not after the full wait', async () => {
    const store = await open();
    // A worker takes the call and dies at once: its heartbeat (300 ms) is never renewed. Its call was
    // given 1.5 s to run, so the host stays this run's until then.
    const caller = new PostgresQueuedExecutor(store.jobs, {
      queuedMs: 60_000,
      runningMs: 60_000,
      executionMs: 1_500,
      pollMs: 10,
    });
    const started = Date.now();
    const running = caller.run(call(berlin));
    while (!(await store.jobs.take('doomed', [], 300))) await new Promise((r) => setTimeout(r, 10));
    const failure = await running.catch((error: unknown) => error);
    await store.close();
    expect(failure).toBeInstanceOf(ExecutionError);
    expect(failure).toMatchObject({ code: 'executor_timeout', message: expect.stringMatching(/stopped answering/) });
    // Not before the dead worker's call would have timed out (1.5 s), nowhere near the 60 s bound.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_450);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps a long call alive while its worker beats, and returns its result', async () => {
    const store = await open();
    const inventory = { hosts: () => [berlin], find: () => berlin };
    const worker = serveCalls(
      store.jobs,
      { run: async (c) => (await new Promise((r) => setTimeout(r, 1_200)), report(c.host.name)) },
      inventory,
      { worker: 'slow', tags: [], concurrency: 1, idleMs: 5, heartbeatMs: 300 },
      silentLogger,
    );
    const caller = new PostgresQueuedExecutor(store.jobs, {
      queuedMs: 5_000,
      runningMs: 5_000,
      executionMs: 4_000,
      pollMs: 10,
    });
    await expect(caller.run(call(berlin))).resolves.toMatchObject({ host: 'PC-B1' });
    await worker.stop();
    await store.close();
  });
});
