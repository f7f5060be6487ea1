import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { readCheckpoints } from '../../adapters/file/checkpoint-file';
import { loadVerifyKey } from '../../adapters/file/ed25519-key-files';
import { openAuditEvidence } from '../../adapters/store/sqlite-audit-reader';
import { backupSqlite, replaceSqlite, sqliteInUse } from '../../adapters/store/sqlite-backup';
import { auditSettings } from '../audit/audit-settings';
import { type LogVerdict, verifyLog } from '../audit/verify-log';

type Option = (name: string) => string | undefined;

/** The audit settings for one database file, as the bot and `npm run audit` name its files. */
function settingsFor(file: string, option: Option) {
  const key = option('--key');
  return auditSettings({ ...process.env, ...(key ? { AUDIT_VERIFY_KEY_FILE: key } : {}) }, process.cwd(), file);
}

/**
 * `npm run db -- backup --out FILE [--db FILE]`: the checkpoint file first, then the database. In that
 * order every copied checkpoint covers records the copied database has; the other way round a checkpoint
 * signed between the two copies would make the backup look cut short.
 */
export async function backup(option: Option): Promise<number> {
  const out = option('--out');
  if (!out) return usage();
  const source = resolve(option('--db') ?? process.env.DATABASE_FILE ?? 'data/bot.sqlite');
  const target = resolve(out);
  const from = settingsFor(source, option).checkpointFile;
  const to = settingsFor(target, option).checkpointFile;
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(from)) copyFileSync(from, to);
  await backupSqlite(source, target);
  const verdict = verifyCopy(target, to, option);
  if (!verdict.ok) {
    console.error(`db backup: the backup does not verify (${verdict.problem}); it is at ${target}, keep the original`);
    return 1;
  }
  console.log(
    `db backup: ${verdict.count} audit records, chain intact, to ${target}${existsSync(to) ? ` and ${to}` : ''}`,
  );
  return 0;
}

/**
 * `npm run db -- restore --from FILE [--to FILE] [--force]`: copies the backup next to the target,
 * verifies the copy's audit chain and checkpoints, and only then renames it into place. A database in
 * use is never replaced; an existing one only with --force. On any refusal the target is untouched.
 */
export async function restore(option: Option, force: boolean): Promise<number> {
  const from = option('--from');
  if (!from) return usage();
  const backupFile = resolve(from);
  const target = resolve(option('--to') ?? process.env.DATABASE_FILE ?? 'data/bot.sqlite');
  if (sqliteInUse(target)) {
    console.error(`db restore: ${target} is in use (its -wal file is there): stop the bot first; nothing was changed`);
    return 1;
  }
  if (existsSync(target) && !force) {
    console.error(`db restore: ${target} exists; --force replaces it (its audit records after the backup are lost)`);
    return 1;
  }
  const checkpoints = settingsFor(backupFile, option).checkpointFile;
  const targetCheckpoints = settingsFor(target, option).checkpointFile;
  // Next to the target, so the final rename stays on one file system and is atomic.
  const copy = join(dirname(target), `.${basename(target)}.${process.pid}.restoring`);
  mkdirSync(dirname(target), { recursive: true });
  try {
    await backupSqlite(backupFile, copy);
    const verdict = verifyCopy(copy, checkpoints, option);
    if (!verdict.ok) {
      console.error(
        `db restore: REFUSED, the backup's audit log does not verify: ${verdict.problem}; nothing was changed`,
      );
      return 1;
    }
    // The checkpoints before the database: if this stops between the two renames, the old database
    // sits with the backup's checkpoints, a prefix of its own chain, which still verifies.
    if (existsSync(checkpoints)) {
      copyFileSync(checkpoints, `${copy}.checkpoints`);
      renameSync(`${copy}.checkpoints`, targetCheckpoints);
    } else rmSync(targetCheckpoints, { force: true });
    replaceSqlite(copy, target);
    console.log(
      `db restore: ${verdict.count} audit records, chain intact, ${verdict.checkpoints} checkpoints; restored to ${target}`,
    );
    return 0;
  } finally {
    rmSync(copy, { force: true });
    rmSync(`${copy}.checkpoints`, { force: true });
  }
}

/** The check of `npm run audit -- verify` (bot/audit/verify-log.ts) on one copy and its checkpoints. */
function verifyCopy(file: string, checkpointFile: string, option: Option): LogVerdict {
  const { checkpoints } = readCheckpoints(checkpointFile);
  const keyFile = settingsFor(file, option).verifyKeyFile;
  let trusted: KeyObject;
  if (existsSync(keyFile)) trusted = loadVerifyKey(keyFile);
  else if (checkpoints.length > 0)
    return { ok: false, problem: `no audit verify key at ${keyFile} to check its checkpoints` };
  // No checkpoints and no key yet (a log that never reached one): only the chain can be checked, and a
  // key of our own makes verifyLog do exactly that.
  else trusted = generateKeyPairSync('ed25519').publicKey;
  const evidence = openAuditEvidence(file);
  try {
    return verifyLog({ records: evidence.records, logId: evidence.logId, checkpoints }, trusted, {
      requireCheckpoints: false,
    });
  } finally {
    evidence.close();
  }
}

function usage(): number {
  console.error('usage: npm run db -- backup --out FILE [--db FILE] | restore --from FILE [--to FILE] [--force]');
  return 2;
}
