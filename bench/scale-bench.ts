import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PostgresQueuedExecutor } from '../adapters/store/postgres-queued-executor';
import { PostgresStore } from '../adapters/store/postgres-store';
import { SqliteStore } from '../adapters/store/sqlite-store';
import type { ChangeRequest, Host, TargetReport } from '../bot/domain';
import { silentLogger } from '../bot/errors';
import type { AuditLog, Executor, RequestStore } from '../bot/ports';
import { serveCalls } from '../bot/workflow/serve-calls';
import { startPgCluster } from '../tests/support/pg-cluster';
import { measureEndToEnd } from './scale-end-to-end';
import { type Figures, mergeLatest, round3 } from './latest-json';
import { median, percentile, timed } from './timing';

/**
 * `npm run bench:scale` (issue 15): what PostgreSQL costs against the embedded file, side by side in one
 * run: a store call of each kind on SQLite and on PostgreSQL, and a host call's trip through the job
 * queue (two callers, two workers) with an executor that answers at once, so the figure is the queue's
 * own overhead and not PowerShell's. Its own throwaway cluster; figures merged into data/bench/latest.json.
 */
const ROOT = resolve(__dirname, '..');
const CALLS = Number(process.env.BENCH_SCALE_CALLS ?? 400);
const clock = { now: () => new Date() };

let made = 0;
function request(): ChangeRequest {
  made += 1;
  return {
    id: `BENCH-${made}`,
    version: 1,
    state: 'pending',
    requester: { oid: 'oid-bench', name: 'Bench', tenantId: 't' },
    text: 'reset the grace period on RDSH01',
    operations: [{ intent: 'rdsh.reset_grace_period', targets: ['RDSH01'], params: {} }],
    preview: [],
    fingerprint: 'f',
    createdAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
    expiresAt: clock.now().toISOString(),
    conversation: {},
  } as ChangeRequest;
}

/** Median microseconds per call of create, get, transition and audit append. */
async function storeCalls(store: RequestStore & AuditLog): Promise<Record<string, number>> {
  const sample = { create: [] as number[], get: [] as number[], transition: [] as number[], append: [] as number[] };
  for (let i = 0; i < CALLS; i++) {
    const r = request();
    sample.create.push(await timed(() => store.create(r)));
    sample.get.push(await timed(() => store.get(r.id)));
    sample.transition.push(await timed(() => store.transition(r.id, 'pending', 1, { state: 'confirmed' })));
    sample.append.push(
      await timed(() => store.append({ kind: 'request.planned', requestId: r.id, actor: 'bench', data: { i } })),
    );
  }
  return Object.fromEntries(Object.entries(sample).map(([kind, values]) => [kind, median(values) * 1000]));
}

const host: Host = { name: 'RDSH01', role: 'session-host', tags: ['site:bench'], users: [] };
const instant: Executor = {
  run: async (call) =>
    ({
      ok: true,
      operation: call.operation,
      host: call.host.name,
      whatIf: true,
      changed: false,
      items: [],
      backup: null,
    }) as TargetReport,
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-bench-scale-'));
  const sqlite = new SqliteStore(join(dir, 'bench.sqlite'), clock);
  const onFile = await storeCalls(sqlite);
  sqlite.close();

  const cluster = await startPgCluster();
  try {
    const url = cluster.database('bench');
    const pg = await PostgresStore.open(url, clock);
    const onServer = await storeCalls(pg);

    // Two workers take calls; two callers (two instances) queue them, CALLS in all.
    const inventory = { hosts: () => [host], find: (name: string) => (name === host.name ? host : undefined) };
    const workers = ['w1', 'w2'].map((worker) =>
      serveCalls(
        pg.jobs,
        instant,
        inventory,
        { worker, tags: ['site:bench'], concurrency: 2, idleMs: 5, heartbeatMs: 10_000 },
        silentLogger,
      ),
    );
    const callers = [0, 1].map(
      () => new PostgresQueuedExecutor(pg.jobs, { queuedMs: 10_000, runningMs: 10_000, executionMs: 5_000, pollMs: 5 }),
    );
    const trips: number[] = [];
    const started = Date.now();
    await Promise.all(
      callers.map(async (caller) => {
        for (let i = 0; i < CALLS / 2; i++) {
          trips.push(
            await timed(() =>
              caller.run({ requestId: 'BENCH', host, operation: 'rdsh.reset_grace_period', params: {}, whatIf: true }),
            ),
          );
        }
      }),
    );
    const perSecond = trips.length / ((Date.now() - started) / 1000);
    await Promise.all(workers.map((worker) => worker.stop()));
    await pg.close();

    const figures: Figures = {
      'scale.queue_call_p50_ms': round3(median(trips)),
      'scale.queue_call_p99_ms': round3(percentile(trips, 99)),
      'scale.queue_calls_per_s': Math.round(perSecond),
    };
    const e2e = process.env.BENCH_SCALE_E2E === '0' ? undefined : await measureEndToEnd(ROOT);
    const lines = [`bench:scale (${CALLS} of each)`];
    for (const kind of Object.keys(onFile)) {
      const file = onFile[kind] as number;
      const server = onServer[kind] as number;
      figures[`scale.store_${kind}_us_sqlite`] = Math.round(file);
      figures[`scale.store_${kind}_us_postgres`] = Math.round(server);
      lines.push(
        `  store ${kind.padEnd(10)} SQLite ${Math.round(file).toLocaleString('en').padStart(6)} µs   PostgreSQL ${Math.round(server).toLocaleString('en').padStart(6)} µs   (${(server / file).toFixed(2)}x)`,
      );
    }
    lines.push(
      `  host call through the queue (2 callers, 2 workers, no PowerShell): p50 ${median(trips).toFixed(1)} ms, p99 ${percentile(trips, 99).toFixed(1)} ms, ${Math.round(perSecond)} calls/s`,
    );
    if (e2e) {
      lines.push(`  ${e2e.count} confirmed changes on two lab PCs over HTTP, from the clicks to the last result:`);
      for (const [key, label, run] of [
        ['sqlite_1_instance', 'one instance, SQLite           ', e2e.sqlite],
        ['postgres_2_instances_2_workers', 'two instances + two workers, PG', e2e.postgres],
      ] as const) {
        figures[`scale.e2e_${key}_per_s`] = round3(run.perSecond);
        figures[`scale.e2e_${key}_p50_ms`] = Math.round(run.p50Ms);
        figures[`scale.e2e_${key}_p99_ms`] = Math.round(run.p99Ms);
        lines.push(
          `    ${label}  ${run.perSecond.toFixed(2)} changes/s, confirm -> result p50 ${Math.round(run.p50Ms)} ms, p99 ${Math.round(run.p99Ms)} ms`,
        );
      }
      lines.push(
        `    ratio (PG / SQLite): throughput ${(e2e.postgres.perSecond / e2e.sqlite.perSecond).toFixed(2)}x, p99 ${(e2e.postgres.p99Ms / e2e.sqlite.p99Ms).toFixed(2)}x`,
      );
    }
    console.log(lines.join('\n'));
    mergeLatest(join(ROOT, 'data', 'bench', 'latest.json'), figures);
  } finally {
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:scale: ${String(error)}`);
  process.exit(1);
});
