import Database from 'better-sqlite3';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointFile, readCheckpoints } from '../adapters/file/checkpoint-file';
import { loadOrCreateSigningKey, loadVerifyKey } from '../adapters/file/ed25519-key-files';
import { openAuditEvidence } from '../adapters/store/sqlite-audit-reader';
import { SqliteStore } from '../adapters/store/sqlite-store';
import { GENESIS, hashRecord } from '../bot/audit/audit-chain';
import { checkpointHash, FIRST_CHECKPOINT, keyIdOf, signCheckpoint } from '../bot/audit/checkpoint';
import { CheckpointingAudit, DEFAULT_CHECKPOINT_POLICY } from '../bot/audit/checkpointing-audit';
import { verifyLog } from '../bot/audit/verify-log';
import { silentLogger } from '../bot/errors';
import type { Figures } from './latest-json';

const VERIFY_RECORDS = Number(process.env.BENCH_AUDIT_RECORDS ?? 100_000);
const APPEND_RECORDS = Number(process.env.BENCH_AUDIT_APPENDS ?? 2_000);

const seconds = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * The audit log's figures (issue 14): appends through the checkpointing audit as the bot does them
 * (one IMMEDIATE transaction and fsync each, checkpoints every 100), then verify and export of a
 * 100,000-record log. That log is written in one transaction, with the same hashes and a signed
 * checkpoint every 100 records, since only reading it is measured.
 */
export async function measureAudit(dir: string): Promise<{ lines: string[]; figures: Figures }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const keys = { signing: join(dir, 'keys', 'signing.pem'), verify: join(dir, 'keys', 'verify.pem') };
  const key = loadOrCreateSigningKey(keys.signing, keys.verify);

  const appendDb = join(dir, 'append', 'bot.sqlite');
  const store = new SqliteStore(appendDb, { now: () => new Date() });
  const audit = new CheckpointingAudit(
    store,
    store,
    key,
    [new CheckpointFile(join(dir, 'append', 'bot.checkpoints.jsonl'))],
    DEFAULT_CHECKPOINT_POLICY,
    { now: () => new Date() },
    silentLogger,
  );
  let started = process.hrtime.bigint();
  for (let i = 0; i < APPEND_RECORDS; i++) {
    await audit.append({ kind: 'request.planned', requestId: `r-${i}`, actor: 'oid', data: { text: `PC-${i}` } });
  }
  const appendPerS = APPEND_RECORDS / seconds(started);
  audit.close();
  store.close();

  const bigDb = join(dir, 'big', 'bot.sqlite');
  const bigCheckpoints = join(dir, 'big', 'bot.checkpoints.jsonl');
  writeBigLog(bigDb, bigCheckpoints, key);
  started = process.hrtime.bigint();
  const evidence = openAuditEvidence(bigDb);
  const verdict = verifyLog(
    { records: evidence.records, logId: evidence.logId, checkpoints: readCheckpoints(bigCheckpoints).checkpoints },
    loadVerifyKey(keys.verify),
    { requireCheckpoints: true },
  );
  const verifyPerS = VERIFY_RECORDS / seconds(started);
  if (!verdict.ok) throw new Error(`bench: the benchmark log does not verify: ${verdict.problem}`);

  started = process.hrtime.bigint();
  const out = createWriteStream(join(dir, 'export.jsonl'));
  for (const record of evidence.records ?? []) {
    if (!out.write(`${JSON.stringify(record)}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  const exportPerS = VERIFY_RECORDS / seconds(started);
  evidence.close();

  const n = (value: number): string => Math.round(value).toLocaleString('en');
  return {
    lines: [
      `  audit append, checkpoints on      ${n(appendPerS)} records/s (${n(APPEND_RECORDS)} appends, each fsynced)`,
      `  audit verify, ${n(VERIFY_RECORDS)} records    ${n(verifyPerS)} records/s (chain and ${n(VERIFY_RECORDS / 100)} signed checkpoints)`,
      `  audit export, JSON lines          ${n(exportPerS)} records/s`,
    ],
    figures: {
      'audit.append_records_per_s': Math.round(appendPerS),
      'audit.verify_records_per_s': Math.round(verifyPerS),
      'audit.export_records_per_s': Math.round(exportPerS),
    },
  };
}

function writeBigLog(file: string, checkpointsFile: string, key: ReturnType<typeof loadOrCreateSigningKey>): void {
  new SqliteStore(file, { now: () => new Date() }).close();
  const db = new Database(file);
  const sink = new CheckpointFile(checkpointsFile);
  const logId = 'bench-log';
  db.prepare("INSERT INTO settings (key, value) VALUES ('audit.log_id', ?)").run(logId);
  const insert = db.prepare(
    'INSERT INTO audit (seq, ts, kind, request_id, actor, data, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev = GENESIS;
  let checkpointPrev = FIRST_CHECKPOINT;
  db.transaction(() => {
    for (let seq = 1; seq <= VERIFY_RECORDS; seq++) {
      const unsealed = {
        seq,
        ts: new Date(1_796_000_000_000 + seq).toISOString(),
        kind: 'execution.host_result' as const,
        requestId: `r-${seq >> 4}`,
        actor: 'oid',
        data: { host: `PC-${seq % 997}`, status: 'succeeded' },
        prev,
      };
      const hash = hashRecord(unsealed);
      insert.run(
        seq,
        unsealed.ts,
        unsealed.kind,
        unsealed.requestId,
        unsealed.actor,
        JSON.stringify(unsealed.data),
        prev,
        hash,
      );
      prev = hash;
      if (seq % 100 === 0) {
        const signed = signCheckpoint(
          { logId, seq, head: hash, time: unsealed.ts, keyId: keyIdOf(key), prev: checkpointPrev },
          key,
        );
        sink.write(signed);
        checkpointPrev = checkpointHash(signed);
      }
    }
  })();
  db.close();
}
