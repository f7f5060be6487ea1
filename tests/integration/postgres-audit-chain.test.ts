import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { verifyChain } from '../../bot/audit/audit-chain';
import type { AuditRecord } from '../../bot/ports';
import { NewerPgDatabaseError } from '../../adapters/store/postgres-migrations';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { ROOT } from '../support/test-paths';

const clock = { now: () => new Date() };
let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

function writer(url: string, name: string, count: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'scripts', 'ts-run.js'),
        join(ROOT, 'tests', 'support', 'pg-audit-writer.ts'),
        url,
        name,
        String(count),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

async function all(store: PostgresStore): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of store.auditRecords()) records.push(record);
  return records;
}

describe('one PostgreSQL audit chain under concurrent writers', () => {
  it('keeps one chain, without fork or gap, when four processes migrate and append at the same moment', async () => {
    const url = cluster.database('chain_race');
    const codes = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((name) => writer(url, name, 150)));
    expect(codes).toEqual([0, 0, 0, 0]);
    const store = await PostgresStore.open(url, clock);
    const records = await all(store);
    await store.close();
    expect(verifyChain(records)).toMatchObject({ ok: true, count: 600 });
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    for (const name of ['w1', 'w2', 'w3', 'w4']) expect(records.filter((r) => r.actor === name)).toHaveLength(150);
    // The writers really ran at once: their records interleave (one after another would switch three times).
    const switches = records.filter((r, i) => i > 0 && r.actor !== records[i - 1]?.actor).length;
    expect(switches).toBeGreaterThan(3);
    process.stdout.write('postgres audit chain: 4 writers, 600 records, chain intact\n');
  }, 120_000);

  it('applies each migration once however many instances start together', async () => {
    const url = cluster.database('migrate_race');
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open(url, clock, 1)));
    await Promise.all(stores.map((store) => store.close()));
    const pool = new Pool({ connectionString: url });
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    await pool.end();
    expect(rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a database a newer release wrote, saying what to do', async () => {
    const url = cluster.database('newer');
    await (await PostgresStore.open(url, clock)).close();
    const pool = new Pool({ connectionString: url });
    await pool.query("INSERT INTO schema_migrations (version, does) VALUES (99, 'from the future')");
    await pool.end();
    const opening = PostgresStore.open(url, clock);
    await expect(opening).rejects.toBeInstanceOf(NewerPgDatabaseError);
    await expect(PostgresStore.open(url, clock)).rejects.toThrow(
      /schema 99; this release knows up to 5.*Start the newer release/,
    );
  });

  it('refuses to rewrite, delete or truncate audit records, even for someone with SQL access', async () => {
    const url = cluster.database('append_only');
    const store = await PostgresStore.open(url, clock);
    await store.append({ kind: 'request.planned', requestId: 'r', actor: 'a', data: {} });
    await store.close();
    const pool = new Pool({ connectionString: url });
    for (const sql of ["UPDATE audit SET actor = 'b'", 'DELETE FROM audit', 'TRUNCATE audit']) {
      await expect(pool.query(sql)).rejects.toThrow(/append-only/);
    }
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit');
    await pool.end();
    expect(rows[0]?.n).toBe('1');
  });
});
