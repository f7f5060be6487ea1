import Database from 'better-sqlite3';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointFile } from '../../adapters/file/checkpoint-file';
import { loadOrCreateSigningKey } from '../../adapters/file/ed25519-key-files';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { toRecord, type AuditRow } from '../../adapters/store/sqlite-audit-log';
import { hashRecord } from '../../bot/audit/audit-chain';
import { CheckpointingAudit, type CheckpointPolicy } from '../../bot/audit/checkpointing-audit';
import { silentLogger } from '../../bot/errors';
import { ROOT } from './test-paths';

/** A folder with an audit log the way the bot writes it, its keys in a folder of their own. */
export interface LogFolder {
  dir: string;
  db: string;
  checkpoints: string;
  keys: { signing: string; verify: string };
}

export function newLogFolder(): LogFolder {
  const base = mkdtempSync(join(tmpdir(), 'rdsbot-audit-'));
  const dir = join(base, 'log');
  return {
    dir,
    db: join(dir, 'bot.sqlite'),
    checkpoints: join(dir, 'bot.checkpoints.jsonl'),
    keys: { signing: join(base, 'keys', 'signing.pem'), verify: join(base, 'keys', 'verify.pem') },
  };
}

/** Appends `count` records through the checkpointing audit, then closes it (a clean stop). */
export async function appendRecords(
  folder: LogFolder,
  count: number,
  policy: Partial<CheckpointPolicy> = {},
): Promise<void> {
  const store = new SqliteStore(folder.db, { now: () => new Date() });
  const audit = new CheckpointingAudit(
    store,
    store,
    loadOrCreateSigningKey(folder.keys.signing, folder.keys.verify),
    [new CheckpointFile(folder.checkpoints)],
    { everyRecords: 10, everyMs: 3_600_000, failClosedAfterRecords: 50, failClosedAfterMs: 3_600_000, ...policy },
    { now: () => new Date() },
    silentLogger,
  );
  for (let i = 0; i < count; i++) {
    await audit.append({ kind: 'request.planned', requestId: `r-${i}`, actor: 'oid-alex', data: { text: `PC-${i}` } });
  }
  audit.close();
  store.close();
}

/** A copy of the whole folder, as someone would tamper with it (or back it up). */
export function copyFolder(folder: LogFolder, name: string): LogFolder {
  const dir = join(folder.dir, '..', name);
  cpSync(folder.dir, dir, { recursive: true });
  return { ...folder, dir, db: join(dir, 'bot.sqlite'), checkpoints: join(dir, 'bot.checkpoints.jsonl') };
}

/** Opens the file as an attacker with write access would: the append-only triggers dropped first. */
export function tamper(folder: LogFolder, change: (db: Database.Database) => void): void {
  const db = new Database(folder.db);
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  change(db);
  db.close();
}

/** Recomputes every link and hash from the first record on, as someone without the signing key can. */
export function rebuildChain(db: Database.Database): void {
  const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditRow[];
  let prev = '0'.repeat(64);
  for (const row of rows) {
    const { hash: _old, ...unsealed } = { ...toRecord(row), prev };
    const hash = hashRecord(unsealed);
    db.prepare('UPDATE audit SET prev = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
    prev = hash;
  }
}

export function otherKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function rewriteCheckpoints(folder: LogFolder, lines: object[]): void {
  writeFileSync(folder.checkpoints, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

/** `npm run audit -- verify` as an admin runs it, with the test's keys in the environment. */
export function verifyCli(folder: LogFolder, ...flags: string[]): { status: number | null; out: string } {
  const result = spawnSync(
    'node',
    ['scripts/ts-run.js', 'bot/tools/audit-cli.ts', 'verify', '--db', folder.db, ...flags],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, AUDIT_SIGNING_KEY_FILE: folder.keys.signing, AUDIT_VERIFY_KEY_FILE: folder.keys.verify },
    },
  );
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Every file in the folder with its bytes: what verify must leave exactly as it found it. */
export function snapshot(folder: LogFolder): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder.dir).map((name) => [name, readFileSync(join(folder.dir, name)).toString('base64')]),
  );
}
