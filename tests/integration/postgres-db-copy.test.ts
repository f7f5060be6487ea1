import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointFile, readCheckpoints } from '../../adapters/file/checkpoint-file';
import { loadOrCreateSigningKey, loadVerifyKey } from '../../adapters/file/ed25519-key-files';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { CheckpointingAudit, DEFAULT_CHECKPOINT_POLICY } from '../../bot/audit/checkpointing-audit';
import { verifyLog } from '../../bot/audit/verify-log';
import { silentLogger } from '../../bot/errors';
import type { AuditRecord } from '../../bot/ports';
import { appendRecords, newLogFolder, tamper, type LogFolder } from '../support/audit-log-fixture';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { ROOT } from '../support/test-paths';

const clock = { now: () => new Date() };
let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

function copy(folder: LogFolder, url: string) {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'ts-run.js'),
      join(ROOT, 'bot', 'tools', 'db-cli.ts'),
      'copy',
      '--from',
      folder.db,
      '--to',
      url,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, AUDIT_SIGNING_KEY_FILE: folder.keys.signing, AUDIT_VERIFY_KEY_FILE: folder.keys.verify },
    },
  );
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

async function withRequest(folder: LogFolder): Promise<void> {
  const store = new SqliteStore(folder.db, clock);
  await store.create({
    id: 'REQ-1',
    version: 1,
    state: 'succeeded',
    requester: { oid: 'oid-alex', name: 'Alex', tenantId: 't' },
    text: 'reset the client license on PC-042',
    operations: [{ intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} }],
    preview: [],
    fingerprint: 'f',
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    expiresAt: '2026-12-01T11:00:00Z',
    conversation: { id: 'c' },
  } as never);
  store.close();
}

describe('npm run db -- copy: an embedded deployment moved to PostgreSQL', () => {
  it('copies requests, settings and the audit chain, verifies it there and continues its checkpoints', async () => {
    const folder = newLogFolder();
    await appendRecords(folder, 45);
    await withRequest(folder);
    const checkpointsBefore = readCheckpoints(folder.checkpoints).checkpoints.length;
    const url = cluster.database('copy_ok');
    const { code, out } = copy(folder, url);
    expect(out).toMatch(/db copy: 1 requests, 1 settings, 45 audit records copied; chain intact in PostgreSQL/);
    expect(code).toBe(0);
    process.stdout.write(`${out.trim()}\n`);

    const store = await PostgresStore.open(url, clock);
    const records: AuditRecord[] = [];
    for await (const record of store.auditRecords()) records.push(record);
    expect((await store.get('REQ-1'))?.text).toBe('reset the client license on PC-042');
    const logId = await store.auditLogId();
    const source = new SqliteStore(folder.db, clock);
    expect(records).toEqual([...source.auditRecords()]);
    source.close();
    // The checkpoint chain went on from PostgreSQL's head: one more, chained to the last, same log id.
    const after = readCheckpoints(folder.checkpoints).checkpoints;
    expect(after.length).toBeGreaterThanOrEqual(checkpointsBefore);
    expect(after.at(-1)).toMatchObject({ seq: 45, logId });
    expect(
      verifyLog({ records, logId, checkpoints: after }, loadVerifyKey(folder.keys.verify), {
        requireCheckpoints: true,
      }),
    ).toMatchObject({
      ok: true,
      count: 45,
      coveredTo: 45,
    });
    // The bot on PostgreSQL goes on with the same chain and the same checkpoint file: an approval is
    // checkpointed at once, chained to the last checkpoint the file had.
    const audit = new CheckpointingAudit(
      store,
      store,
      loadOrCreateSigningKey(folder.keys.signing, folder.keys.verify),
      [new CheckpointFile(folder.checkpoints)],
      DEFAULT_CHECKPOINT_POLICY,
      clock,
      silentLogger,
    );
    const next = await audit.append({ kind: 'request.approved', requestId: 'REQ-2', actor: 'oid-megan', data: {} });
    await audit.close();
    expect(next).toMatchObject({ seq: 46, prev: records.at(-1)?.hash });
    const all: AuditRecord[] = [];
    for await (const record of store.auditRecords()) all.push(record);
    const continued = readCheckpoints(folder.checkpoints).checkpoints;
    expect(continued.at(-1)).toMatchObject({ seq: 46, logId });
    expect(
      verifyLog({ records: all, logId, checkpoints: continued }, loadVerifyKey(folder.keys.verify), {
        requireCheckpoints: true,
      }),
    ).toMatchObject({ ok: true, count: 46, coveredTo: 46, checkpoints: continued.length });
    await store.close();
  }, 60_000);

  it('copies nothing from a log that does not verify, and says why', async () => {
    const folder = newLogFolder();
    await appendRecords(folder, 25);
    tamper(folder, (db) => db.prepare("UPDATE audit SET actor = 'someone-else' WHERE seq = 3").run());
    const url = cluster.database('copy_tampered');
    const { code, out } = copy(folder, url);
    expect(code).toBe(1);
    expect(out).toMatch(/the embedded log does not verify .*nothing was copied/);
    const store = await PostgresStore.open(url, clock);
    expect(await store.query({ limit: 5 })).toEqual([]);
    await store.close();
  }, 60_000);

  it('refuses to copy into a database that already holds a log', async () => {
    const folder = newLogFolder();
    await appendRecords(folder, 5);
    const url = cluster.database('copy_twice');
    expect(copy(folder, url).code).toBe(0);
    const again = copy(folder, url);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already holds rows in (requests|audit|settings).*nothing was copied/);
    const store = await PostgresStore.open(url, clock);
    expect((await store.query({ limit: 100 })).length).toBe(5 + 0);
    await store.close();
    expect(readFileSync(folder.checkpoints, 'utf8').length).toBeGreaterThan(0);
  }, 60_000);
});
