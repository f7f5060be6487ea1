import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { verifyChain } from '../../bot/audit/audit-chain';
import type { AuditRecord } from '../../bot/ports';
import { VERB } from '../../cards/verbs';
import { LAB_HOSTS, seedHive } from '../../lab/lab';
import { exited, startBotProcess } from '../support/bot-process';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { freePort, postActivity } from '../support/teams-http';

// Two bot processes on one PostgreSQL database. One is killed (SIGKILL, at the crash point right after
// "execution started": mid-run, without timing luck) holding the run's lease; the other, alive all along,
// takes the run over only once that lease has run out, and closes it by the execution issue's rule.
describe('an instance killed mid-run, with another instance on the same database', () => {
  let cluster: PgCluster;
  afterAll(() => cluster?.stop());

  it('is taken over by the live instance when its run lease expires, never before, and nothing runs twice', async () => {
    seedHive({ dir: TEST_LAB_DIR, net: TEST_LAB_NET }, LAB_HOSTS.find((h) => h.name === 'PC-042')!);
    cluster = await startPgCluster();
    const url = cluster.database('killed_instance');
    const connector = await startCaptureConnector();
    const env = { DATABASE_URL: url, HOST_LEASE_SECONDS: '3', EXPIRY_SWEEP_MS: '1000' };
    const file = (name: string) => join(mkdtempSync(join(tmpdir(), `rdsbot-${name}-`)), 'bot.sqlite');
    const [portA, portB] = [await freePort(), await freePort()];
    const doomed = await startBotProcess(portA, file('a'), { ...env, RDSBOT_CRASH_POINT: 'after:execution.started' });
    const alive = await startBotProcess(portB, file('b'), env);
    const pool = new Pool({ connectionString: url, max: 2 });
    try {
      const post = (port: number, activity: Record<string, unknown>) =>
        postActivity(`http://127.0.0.1:${port}`, connector.serviceUrl, 'a:pg-kill', activity);
      await post(portA, { type: 'message', id: 'm-1', text: 'reset the client license on PC-042' });
      const plan = await connector.waitFor(
        (c: CapturedCall) => c.body?.type === 'message' && c.url.endsWith('/activities/m-1'),
      );
      const card = (
        plan.body?.attachments as Array<{ content: { actions: Array<{ title: string; data: { requestId: string } }> } }>
      )[0]!.content;
      const confirm = card.actions.find((a) => a.title === 'Confirm')!;
      const requestId = confirm.data.requestId;
      await post(portA, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'i-1',
        replyToId: `act-${connector.calls.indexOf(plan) + 1}`,
        value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm.data }, trigger: 'manual' },
      });
      expect(await exited(doomed)).toBeNull(); // killed by its crash point, mid-run
      const held = await pool.query<{ expires_at: Date }>('SELECT expires_at FROM leases WHERE key = $1', [
        `request:${requestId}`.toUpperCase(),
      ]);
      expect(held.rows).toHaveLength(1); // the dead instance's run lease outlives it
      const leaseEnds = held.rows[0]!.expires_at.getTime();
      expect((await pool.query('SELECT state FROM requests WHERE id = $1', [requestId])).rows[0]?.state).toBe(
        'running',
      );

      let state = 'running';
      const deadline = Date.now() + 30_000;
      while (state === 'running' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        state = (await pool.query<{ state: string }>('SELECT state FROM requests WHERE id = $1', [requestId])).rows[0]!
          .state;
      }
      expect(['failed', 'succeeded']).toContain(state);

      const store = await PostgresStore.open(url, { now: () => new Date() });
      const records: AuditRecord[] = [];
      for await (const record of store.auditRecords()) records.push(record);
      await store.close();
      expect(verifyChain(records)).toMatchObject({ ok: true });
      const mine = records.filter((r) => r.requestId === requestId);
      expect(mine.filter((r) => r.kind === 'execution.started')).toHaveLength(1);
      const recovered = mine.filter((r) => r.kind === 'execution.recovered');
      expect(recovered).toHaveLength(1);
      // Taken over when the lease ran out, not before (the server's clock and this one's are the same machine).
      expect(Date.parse(recovered[0]!.ts)).toBeGreaterThanOrEqual(leaseEnds - 50);
      process.stdout.write(
        `postgres takeover: run lease ended ${new Date(leaseEnds).toISOString()}, taken over ${recovered[0]!.ts}, ${state}\n`,
      );
    } finally {
      alive.kill('SIGTERM');
      await exited(alive);
      await pool.end();
      await connector.close();
    }
  }, 120_000);
});
