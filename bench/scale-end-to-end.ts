import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../adapters/store/postgres-store';
import { SqliteStore } from '../adapters/store/sqlite-store';
import type { AuditRecord, RequestStore } from '../bot/ports';
import { labDown, labUp } from '../lab/lab';
import { exited, startBotProcess } from '../tests/support/bot-process';
import { startCaptureConnector } from '../tests/support/capture-connector';
import { startPgCluster } from '../tests/support/pg-cluster';
import { startRoundRobin } from '../tests/support/round-robin-proxy';
import { loadAgainst, scalePolicy, settled, startWorkerProcess } from '../tests/support/scale-load';
import { freePort } from '../tests/support/teams-http';
import { percentile } from './timing';

export interface RunFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const COUNT = Number(process.env.BENCH_SCALE_REQUESTS ?? 12);

/** How many of these requests are finished (succeeded or failed), whichever store holds them. */
const finishedIn =
  (store: RequestStore) =>
  async (ids: string[]): Promise<number> =>
    (await Promise.all(ids.map((id) => store.get(id)))).filter((r) => r && ['succeeded', 'failed'].includes(r.state))
      .length;

/** Confirm -> result per request, from the audit's own timestamps (request.confirmed to execution.finished). */
function latencies(records: AuditRecord[], ids: string[]): number[] {
  const at = (id: string, kind: string) => records.find((r) => r.requestId === id && r.kind === kind)?.ts;
  return ids.map(
    (id) => Date.parse(at(id, 'execution.finished') ?? '') - Date.parse(at(id, 'request.confirmed') ?? ''),
  );
}

/**
 * The whole path side by side (issue 15): one bot instance on the SQLite file running its own PowerShell,
 * then two instances behind a round-robin proxy on PostgreSQL with two workers running it; the same load
 * (COUNT helpdesk users confirming client resets on the bench lab's two PCs at once), after a warm-up round.
 */
export async function measureEndToEnd(
  root: string,
): Promise<{ count: number; sqlite: RunFigures; postgres: RunFigures }> {
  const lab = { dir: join(root, 'data', 'bench-lab'), net: 4 };
  const inventoryFile = await labUp(lab);
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-bench-e2e-'));
  const { file: policyFile, users } = scalePolicy(dir, COUNT);
  const env = { POLICY_FILE: policyFile, INVENTORY_FILE: inventoryFile, EXECUTION_TIMEOUT_MS: '30000' };
  const connector = await startCaptureConnector();
  const children: ChildProcess[] = [];
  const file = (name: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    return join(dir, name, 'bot.sqlite');
  };
  try {
    const measure = async (
      url: string,
      finished: (ids: string[]) => Promise<number>,
      audit: () => Promise<AuditRecord[]>,
    ) => {
      const load = loadAgainst(url, connector, users, lab);
      await settled(finished, await load.round(2), 120_000);
      let clicked = 0;
      const ids = await load.round(COUNT, async () => void (clicked = Date.now()));
      await settled(finished, ids, 300_000);
      const wall = (Date.now() - clicked) / 1000;
      const each = latencies(await audit(), ids);
      return { perSecond: COUNT / wall, p50Ms: percentile(each, 50), p99Ms: percentile(each, 99) };
    };

    // 1. One instance on the embedded file.
    const single = file('sqlite');
    const port = await freePort();
    const bot = await startBotProcess(port, single, env);
    children.push(bot);
    const reader = new SqliteStore(single, { now: () => new Date() });
    const sqlite = await measure(`http://127.0.0.1:${port}`, finishedIn(reader), async () => [
      ...reader.auditRecords(),
    ]);
    reader.close();
    bot.kill('SIGTERM');
    await exited(bot);

    // 2. Two instances behind a proxy, two workers, one PostgreSQL.
    const cluster = await startPgCluster();
    try {
      const url = cluster.database('bench_e2e');
      const shared = { ...env, DATABASE_URL: url, HOST_CALLS: 'queue', SERVE_CALLS: '0' };
      const ports = [await freePort(), await freePort()];
      for (const [i, p] of ports.entries()) children.push(await startBotProcess(p, file(`pg-${i}`), shared));
      const workerEnv = {
        DATABASE_URL: url,
        RDSBOT_LOCAL: '1',
        INVENTORY_FILE: inventoryFile,
        WORKER_CONCURRENCY: '3',
      };
      for (const name of ['bench-worker-1', 'bench-worker-2']) children.push(await startWorkerProcess(name, workerEnv));
      const proxy = await startRoundRobin(ports.map((p) => `http://127.0.0.1:${p}`));
      const store = await PostgresStore.open(url, { now: () => new Date() });
      const postgres = await measure(proxy.url, finishedIn(store), async () => {
        const records: AuditRecord[] = [];
        for await (const record of store.auditRecords()) records.push(record);
        return records;
      });
      await store.close();
      await proxy.close();
      return { count: COUNT, sqlite, postgres };
    } finally {
      for (const child of children.splice(0)) {
        try {
          if (child.pid && child.exitCode === null)
            process.kill(child.spawnargs.includes('bot/worker.ts') ? -child.pid : child.pid, 'SIGTERM');
        } catch {
          // gone already
        }
      }
      await new Promise((r) => setTimeout(r, 1_000));
      cluster.stop();
    }
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await connector.close();
    await labDown(lab);
  }
}
