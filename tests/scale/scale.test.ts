import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { verifyChain } from '../../bot/audit/audit-chain';
import type { AuditRecord } from '../../bot/ports';
import { exited, startBotProcess } from '../support/bot-process';
import { startCaptureConnector } from '../support/capture-connector';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { startRoundRobin } from '../support/round-robin-proxy';
import { approvalsAgainst, loadAgainst, scalePolicy, settled, startWorkerProcess } from '../support/scale-load';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { freePort } from '../support/teams-http';

// Issue 15's scale test, as real processes on one PostgreSQL database: two bot instances behind a
// round-robin proxy, running no PowerShell themselves, and two workers taking the host calls. A load of
// confirmed changes on two PCs, then the same again with one instance and one worker killed (-9) mid-run.
const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const PER_ROUND = Number(process.env.SCALE_REQUESTS ?? 12);
const APPROVALS = 4;
const EXECUTION_TIMEOUT_MS = 6_000;
const LEASE_SECONDS = 3;

interface Tally {
  completed: number;
  resumed: number;
  lost: number;
  stuck: number;
  duplicates: number;
  maxPerHost: number;
  chainIntact: boolean;
}

async function tally(pool: Pool, url: string, ids: string[]): Promise<Tally> {
  const { rows } = await pool.query<{ id: string; state: string }>(
    'SELECT id, state FROM requests WHERE id = ANY($1)',
    [ids],
  );
  const states = new Map(rows.map((row) => [row.id, row.state]));
  const store = await PostgresStore.open(url, { now: () => new Date() });
  const records: AuditRecord[] = [];
  for await (const record of store.auditRecords()) records.push(record);
  await store.close();
  const started = new Map<string, number>();
  for (const r of records)
    if (r.kind === 'execution.started') started.set(r.requestId, (started.get(r.requestId) ?? 0) + 1);
  // Change calls (not previews), by host, in the order they were taken: two overlapping is two at once.
  const jobs = await pool.query<{
    request_id: string;
    host: string;
    taken: Date;
    finished: Date | null;
    state: string;
  }>(
    `SELECT request_id, host, taken_at AS taken, finished_at AS finished, state FROM jobs
      WHERE (call->>'whatIf')::boolean = false AND taken_at IS NOT NULL AND request_id = ANY($1) ORDER BY host, taken_at`,
    [ids],
  );
  let maxPerHost = 0;
  const open: Array<{ host: string; end: number }> = [];
  for (const job of jobs.rows) {
    const start = job.taken.getTime();
    // A call its worker died in never finished: it may have run on until that worker's timeout.
    const end = job.finished?.getTime() ?? start + EXECUTION_TIMEOUT_MS;
    const overlapping = open.filter((o) => o.host === job.host && o.end > start).length + 1;
    maxPerHost = Math.max(maxPerHost, overlapping);
    open.push({ host: job.host, end });
  }
  const doneChanges = new Map<string, number>();
  for (const job of jobs.rows.filter((j) => j.state === 'done')) {
    const key = `${job.request_id}/${job.host}`;
    doneChanges.set(key, (doneChanges.get(key) ?? 0) + 1);
  }
  const final = (id: string) => ['succeeded', 'failed'].includes(states.get(id) ?? '');
  return {
    completed: ids.filter((id) => states.get(id) === 'succeeded').length,
    resumed: ids.filter((id) => states.get(id) === 'failed').length,
    lost: ids.filter((id) => !states.has(id) || !['succeeded', 'failed', 'running'].includes(states.get(id) ?? ''))
      .length,
    stuck: ids.filter((id) => states.get(id) === 'running').length,
    duplicates:
      [...started.values()].filter((n) => n > 1).length + [...doneChanges.values()].filter((n) => n > 1).length,
    maxPerHost,
    chainIntact: verifyChain(records).ok && ids.every((id) => !final(id) || (started.get(id) ?? 0) <= 1),
  };
}

describe('scale-out on PostgreSQL: two instances behind a proxy, two workers', () => {
  let cluster: PgCluster;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) {
      try {
        if (child.pid && child.exitCode === null && child.signalCode === null)
          process.kill(child.spawnargs.includes('bot/worker.ts') ? -child.pid : child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    cluster?.stop();
  });

  it('completes every request once, one change per host at a time, and loses nothing when an instance and a worker are killed', async () => {
    cluster = await startPgCluster();
    const url = cluster.database('scale');
    const pool = new Pool({ connectionString: url, max: 3 });
    const connector = await startCaptureConnector();
    const { file: policyFile, users } = scalePolicy(mkdtempSync(join(tmpdir(), 'rdsbot-scale-policy-')), PER_ROUND);
    const env = {
      POLICY_FILE: policyFile,
      DATABASE_URL: url,
      HOST_CALLS: 'queue',
      SERVE_CALLS: '0',
      HOST_LEASE_SECONDS: String(LEASE_SECONDS),
      EXPIRY_SWEEP_MS: '1000',
      EXECUTION_TIMEOUT_MS: String(EXECUTION_TIMEOUT_MS),
      CALL_QUEUE_SECONDS: '20',
      HOST_WAIT_SECONDS: '300',
    };
    const file = (name: string) => join(mkdtempSync(join(tmpdir(), `rdsbot-scale-${name}-`)), 'bot.sqlite');
    const ports = [await freePort(), await freePort()];
    const bots = [await startBotProcess(ports[0]!, file('a'), env), await startBotProcess(ports[1]!, file('b'), env)];
    children.push(...bots);
    const workerEnv = {
      DATABASE_URL: url,
      RDSBOT_LOCAL: '1',
      INVENTORY_FILE: process.env.RDSBOT_TEST_INVENTORY,
      EXECUTION_TIMEOUT_MS: String(EXECUTION_TIMEOUT_MS),
      WORKER_CONCURRENCY: '3',
      WORKER_HEARTBEAT_SECONDS: '2',
    };
    const workers = [await startWorkerProcess('worker-1', workerEnv), await startWorkerProcess('worker-2', workerEnv)];
    children.push(...workers);
    const proxy = await startRoundRobin(ports.map((port) => `http://127.0.0.1:${port}`));
    const load = loadAgainst(proxy.url, connector, users, lab);
    const finished = async (ids: string[]) =>
      Number(
        (
          await pool.query<{ n: string }>(
            "SELECT count(*) AS n FROM requests WHERE id = ANY($1) AND state IN ('succeeded', 'failed')",
            [ids],
          )
        ).rows[0]?.n,
      );

    try {
      const changes = await load.round(PER_ROUND);
      // And approvals: an admin picks the channel, each of four users asks for a TermService restart and
      // Megan approves it there; asks, votes and runs land on either instance.
      const approvals = approvalsAgainst(proxy.url, connector, users);
      await approvals.chooseChannel();
      const approved = await approvals.round(APPROVALS, ['RDSH01', 'RDSH02']);
      const first = [...changes, ...approved];
      await settled(finished, first, 120_000);
      const steady = await tally(pool, url, first);
      const line = `scale: ${steady.completed} completed (${APPROVALS} of them approved in the channel), max per host ${steady.maxPerHost}, duplicates ${steady.duplicates}, lost ${steady.lost + steady.stuck + steady.resumed}, chain ${steady.chainIntact ? 'intact' : 'BROKEN'}`;
      process.stdout.write(`${line} (proxy sent ${proxy.served.join(' / ')} activities to the two instances)\n`);
      expect(steady).toMatchObject({
        completed: PER_ROUND + APPROVALS,
        maxPerHost: 1,
        duplicates: 0,
        lost: 0,
        stuck: 0,
        resumed: 0,
        chainIntact: true,
      });

      // Mid-run: kill -9 one instance and one worker (its pwsh pool with it).
      // The moment: worker-1 is in the middle of a change, so both kills land on work in flight.
      let killedAt = 0;
      let inFlight = 0;
      const second = await load.round(PER_ROUND, async () => {
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          const { rows } = await pool.query(
            "SELECT 1 FROM jobs WHERE state = 'running' AND taken_by = 'worker-1' AND (call->>'whatIf')::boolean = false",
          );
          if (rows.length > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        killedAt = Date.now();
        bots[0]!.kill('SIGKILL');
        process.kill(-workers[0]!.pid!, 'SIGKILL');
        const { rows } = await pool.query<{ n: string }>(
          "SELECT count(*) AS n FROM requests WHERE state IN ('confirmed', 'running')",
        );
        inFlight = Number(rows[0]?.n);
      });
      await exited(bots[0]!);
      // Bounded: the dead instance's run leases end, the sweeper takes its runs over, a call the dead
      // worker held times out at the caller (execution timeout + 10 s), the queue behind it drains.
      await settled(finished, second, 180_000);
      const afterKill = await tally(pool, url, second);
      process.stdout.write(
        `scale after kill -9 of an instance and a worker: ${afterKill.completed} completed, ${afterKill.resumed} resumed, max per host ${afterKill.maxPerHost}, duplicates ${afterKill.duplicates}, lost ${afterKill.lost}, stuck ${afterKill.stuck}, chain ${afterKill.chainIntact ? 'intact' : 'BROKEN'} (${inFlight} in flight at the kill; settled ${Math.round((Date.now() - killedAt) / 1000)} s after it)\n`,
      );
      expect(afterKill).toMatchObject({ maxPerHost: 1, duplicates: 0, lost: 0, stuck: 0, chainIntact: true });
      expect(afterKill.completed + afterKill.resumed).toBe(PER_ROUND);
    } finally {
      await proxy.close();
      await connector.close();
      await pool.end();
    }
  }, 600_000);
});
