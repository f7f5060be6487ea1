import { Pool } from 'pg';
import { PostgresHostLeases } from '../../adapters/store/postgres-host-leases';
import { PostgresStore } from '../../adapters/store/postgres-store';
import type { HostOutcome } from '../../bot/domain';
import { underLease, type LeaseSettings } from '../../bot/workflow/host-lease-turn';
import { HostBusyError } from '../../bot/workflow/host-locks';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';

const clock = { now: () => new Date() };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let cluster: PgCluster;
let made = 0;

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

/** A fresh database with its schema, and a pool per "instance" on it (each its own connections). */
async function instances(count: number): Promise<{ url: string; pools: Pool[]; close(): Promise<void> }> {
  const url = cluster.database(`leases_${++made}`);
  await (await PostgresStore.open(url, clock)).close();
  const pools = Array.from({ length: count }, () => new Pool({ connectionString: url, max: 3 }));
  return { url, pools, close: async () => void (await Promise.all(pools.map((pool) => pool.end()))) };
}

const settings = (pool: Pool, holder: string, ttlMs = 5_000): LeaseSettings => ({
  leases: new PostgresHostLeases(pool),
  holder,
  ttlMs,
  pollMs: 10,
});
const succeeded = (host: string): HostOutcome => ({ host, status: 'succeeded' });

describe('per-host leases in PostgreSQL, across instances', () => {
  it('never lets two instances work on one host at once', async () => {
    const db = await instances(4);
    let active = 0;
    let most = 0;
    let done = 0;
    await Promise.all(
      db.pools.map(async (pool, n) => {
        for (let i = 0; i < 25; i++) {
          await underLease(settings(pool, `instance-${n}`), 'RDSH01', { waitMs: 30_000 }, async () => {
            most = Math.max(most, ++active);
            await sleep(2 + ((n * 7 + i) % 5));
            active -= 1;
            done += 1;
            return succeeded('RDSH01');
          });
        }
      }),
    );
    await db.close();
    expect({ done, most }).toEqual({ done: 100, most: 1 });
  }, 60_000);

  it("takes over a dead instance's host when its lease expires, never before", async () => {
    const db = await instances(2);
    const [dead, alive] = db.pools.map((pool) => new PostgresHostLeases(pool)) as [
      PostgresHostLeases,
      PostgresHostLeases,
    ];
    expect(await dead.tryAcquire('RDSH02', 'dead', 1_500)).toBeDefined();
    await db.pools[0]?.end(); // the instance dies holding the lease
    db.pools.shift();
    const started = Date.now();
    expect(await alive.tryAcquire('RDSH02', 'alive', 5_000)).toBeUndefined();
    let lease;
    while (!(lease = await alive.tryAcquire('RDSH02', 'alive', 5_000))) await sleep(20);
    const waited = Date.now() - started;
    await db.close();
    expect(waited).toBeGreaterThanOrEqual(1_300);
    expect(lease.holder).toBe('alive');
  });

  it('refuses the result of a holder whose lease expired once a newer holder has the host', async () => {
    const db = await instances(2);
    const [late, newer] = db.pools.map((pool) => new PostgresHostLeases(pool)) as [
      PostgresHostLeases,
      PostgresHostLeases,
    ];
    const first = (await late.tryAcquire('RDSH03', 'late', 200))!;
    await sleep(300);
    const second = (await newer.tryAcquire('RDSH03', 'newer', 5_000))!;
    expect(second.token).toBeGreaterThan(first.token);
    expect(await late.renew(first, 5_000)).toBe(false);
    expect(await late.fence(first)).toBe(false);
    expect(await newer.fence(second)).toBe(true);
    // Even after the newer holder let go, the late result stays refused: a newer token wrote the host.
    await newer.release(second);
    expect(await late.fence(first)).toBe(false);
    await db.close();
  });

  it('reports lease_lost, not the result, when the lease expired under running work and another took the host', async () => {
    const db = await instances(2);
    const admin = new Pool({ connectionString: db.url, max: 1 });
    const outcome = await underLease(settings(db.pools[0]!, 'paused'), 'RDSH04', { waitMs: 1_000 }, async () => {
      // As if this process stalled past its lease: the row expires and another instance takes the host.
      await admin.query("UPDATE leases SET expires_at = now() - interval '1 second' WHERE key = 'RDSH04'");
      expect(await new PostgresHostLeases(db.pools[1]!).tryAcquire('RDSH04', 'other', 5_000)).toBeDefined();
      return succeeded('RDSH04');
    });
    await admin.end();
    await db.close();
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'lease_lost' } });
  });

  it('gives up on a host another instance holds after the wait bound, as host_busy', async () => {
    const db = await instances(2);
    await new PostgresHostLeases(db.pools[0]!).tryAcquire('RDSH05', 'holder', 10_000);
    const waited = underLease(settings(db.pools[1]!, 'waiter'), 'RDSH05', { waitMs: 300 }, async () =>
      succeeded('RDSH05'),
    );
    await expect(waited).rejects.toBeInstanceOf(HostBusyError);
    await db.close();
  });
});
