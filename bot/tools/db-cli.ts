import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CheckpointFile, readCheckpoints } from '../../adapters/file/checkpoint-file';
import { loadOrCreateSigningKey, loadVerifyKey } from '../../adapters/file/ed25519-key-files';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { openAuditEvidence } from '../../adapters/store/sqlite-audit-reader';
import { auditSettings } from '../audit/audit-settings';
import { CheckpointingAudit } from '../audit/checkpointing-audit';
import { verifyLog } from '../audit/verify-log';
import { silentLogger } from '../errors';
import type { AuditRecord } from '../ports';
import { backup, restore } from './db-backup';

const USAGE =
  'usage: npm run db -- copy --from FILE --to postgres://… [--checkpoints FILE] [--key PUBLIC.pem]\n' +
  '       npm run db -- backup --out FILE [--db FILE] [--key PUBLIC.pem]\n' +
  '       npm run db -- restore --from FILE [--to FILE] [--force] [--key PUBLIC.pem]';

/**
 * `npm run db -- copy --from FILE --to URL` (ADR 0018): moves an embedded deployment to PostgreSQL. The
 * file's log is verified first (nothing is copied from a log that does not verify), copied in one
 * transaction, verified again in PostgreSQL against the same signed checkpoints, and then checkpointed
 * from PostgreSQL into the same checkpoint file, so the checkpoint chain goes on where it was. Keep
 * DATABASE_FILE as it was when the bot then runs with DATABASE_URL: the checkpoint file is named after it.
 * `backup` and `restore` (ADR 0022) are in db-backup.ts.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  if (args[0] === 'backup') return backup(option);
  if (args[0] === 'restore') return restore(option, args.includes('--force'));
  const from = option('--from');
  const to = option('--to');
  if (args[0] !== 'copy' || !from || !to || !/^postgres(ql)?:\/\//.test(to)) {
    console.error(USAGE);
    return 2;
  }
  const file = resolve(from);
  const settings = auditSettings(
    { ...process.env, ...(option('--key') ? { AUDIT_VERIFY_KEY_FILE: option('--key') } : {}) },
    process.cwd(),
    file,
  );
  const checkpointFile = resolve(option('--checkpoints') ?? settings.checkpointFile);
  const { checkpoints } = readCheckpoints(checkpointFile);
  const trusted =
    checkpoints.length > 0 || existsSync(settings.verifyKeyFile) ? loadVerifyKey(settings.verifyKeyFile) : undefined;

  const evidence = openAuditEvidence(file);
  const before = trusted
    ? verifyLog({ records: evidence.records, logId: evidence.logId, checkpoints }, trusted, {
        requireCheckpoints: false,
      })
    : undefined;
  evidence.close();
  if (before && !before.ok) {
    console.error(`db copy: the embedded log does not verify (${before.problem}); nothing was copied`);
    return 1;
  }

  const clock = { now: () => new Date() };
  const store = await PostgresStore.open(to, clock);
  try {
    const counts = await store.copyFromSqlite(file);
    const records: AuditRecord[] = [];
    for await (const record of store.auditRecords()) records.push(record);
    const key = loadOrCreateSigningKey(settings.signingKeyFile, settings.verifyKeyFile);
    // The trusted key as on disk (made just now, beside the signing key, when the file had no checkpoints).
    const verifyKey = trusted ?? loadVerifyKey(settings.verifyKeyFile);
    const logId = await store.auditLogId();
    const copied = verifyLog({ records, logId, checkpoints }, verifyKey, {
      requireCheckpoints: false,
    });
    if (!copied.ok || copied.count !== counts.records) {
      console.error(
        `db copy: the copy does not verify in PostgreSQL (${copied.ok ? 'record count differs' : copied.problem})`,
      );
      return 1;
    }
    // The next checkpoint, signed from PostgreSQL's head: the file's chain goes on across the move.
    const audit = new CheckpointingAudit(
      store,
      store,
      key,
      [new CheckpointFile(checkpointFile)],
      settings.policy,
      clock,
      silentLogger,
    );
    const took = records.length === 0 || (await audit.checkpoint());
    await audit.close();
    const after = readCheckpoints(checkpointFile).checkpoints;
    const verdict = verifyLog({ records, logId: await store.auditLogId(), checkpoints: after }, verifyKey, {
      requireCheckpoints: records.length > 0,
    });
    if (!took || !verdict.ok) {
      console.error(
        `db copy: copied, but no checkpoint could be signed from PostgreSQL (${verdict.ok ? checkpointFile : verdict.problem})`,
      );
      return 1;
    }
    console.log(
      `db copy: ${counts.requests} requests, ${counts.settings} settings, ${counts.records} audit records copied; ` +
        `chain intact in PostgreSQL (head ${verdict.head.slice(0, 16)}…), ${checkpoints.length} checkpoints verified, ` +
        `${after.length} now cover records 1-${verdict.coveredTo}`,
    );
    return 0;
  } catch (error) {
    console.error(`db copy: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db: ${String(error)}`);
    process.exit(1);
  },
);
