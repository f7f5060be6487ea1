import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { appendRecords, type LogFolder, newLogFolder, snapshot, tamper, verifyCli } from '../support/audit-log-fixture';
import { ROOT } from '../support/test-paths';

/** `npm run db -- …` as an admin runs it, with the log's keys in the environment. */
function db(keys: LogFolder['keys'], ...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'ts-run.js'), join(ROOT, 'bot', 'tools', 'db-cli.ts'), ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, AUDIT_SIGNING_KEY_FILE: keys.signing, AUDIT_VERIFY_KEY_FILE: keys.verify },
    },
  );
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A folder the way the bot would have its database there, with the same keys as `log`. */
function folderLike(log: LogFolder, name: string): LogFolder {
  const dir = join(mkdtempSync(join(tmpdir(), `rdsbot-${name}-`)), 'data');
  return { ...log, dir, db: join(dir, 'bot.sqlite'), checkpoints: join(dir, 'bot.checkpoints.jsonl') };
}

const log = newLogFolder();
let saved: LogFolder;

beforeAll(async () => {
  await appendRecords(log, 25);
  saved = folderLike(log, 'backup');
  // Online: the store stays open (its -wal there) while the backup is taken.
  const live = new SqliteStore(log.db, { now: () => new Date() });
  try {
    const result = db(log.keys, 'backup', '--db', log.db, '--out', saved.db);
    expect(result.out).toContain('db backup: 25 audit records, chain intact');
    expect(result.status).toBe(0);
  } finally {
    live.close();
  }
});

describe('npm run db -- backup', () => {
  it('writes a database and its checkpoints that audit verify passes on their own', () => {
    expect(readdirSync(saved.dir).sort()).toEqual(['bot.checkpoints.jsonl', 'bot.sqlite']);
    const verdict = verifyCli(saved);
    expect(verdict.out).toContain('25 records, chain intact');
    expect(verdict.status).toBe(0);
  });
});

describe('npm run db -- restore', () => {
  it('verifies the backup and puts it in place where there was no database', () => {
    const target = folderLike(log, 'restored');
    const result = db(log.keys, 'restore', '--from', saved.db, '--to', target.db);
    // Checkpoints at records 10 and 20, and one at the clean stop after 25.
    expect(result.out).toContain('db restore: 25 audit records, chain intact, 3 checkpoints');
    expect(result.status).toBe(0);
    expect(verifyCli(target).status).toBe(0);
    expect(readdirSync(target.dir).sort()).toEqual(['bot.checkpoints.jsonl', 'bot.sqlite']);
  });

  it('refuses to replace an existing database without --force, and replaces it with --force', async () => {
    const target = folderLike(log, 'existing');
    await appendRecords(target, 3);
    const before = snapshot(target);
    const refused = db(log.keys, 'restore', '--from', saved.db, '--to', target.db);
    expect(refused.out).toContain('exists; --force replaces it');
    expect(refused.status).toBe(1);
    expect(snapshot(target)).toEqual(before);

    const forced = db(log.keys, 'restore', '--from', saved.db, '--to', target.db, '--force');
    expect(forced.status).toBe(0);
    expect(verifyCli(target).out).toContain('25 records, chain intact');
  });

  it('refuses to replace a database the bot has open, even with --force', async () => {
    const target = folderLike(log, 'in-use');
    await appendRecords(target, 3);
    const open = new SqliteStore(target.db, { now: () => new Date() });
    try {
      const before = snapshot(target);
      const result = db(log.keys, 'restore', '--from', saved.db, '--to', target.db, '--force');
      expect(result.out).toContain('is in use');
      expect(result.status).toBe(1);
      expect(snapshot(target)).toEqual(before);
    } finally {
      open.close();
    }
  });

  it('refuses a backup whose audit record was changed, leaving the target untouched', async () => {
    const tampered = folderLike(log, 'tampered');
    expect(db(log.keys, 'backup', '--db', saved.db, '--out', tampered.db).status).toBe(0);
    tamper(tampered, (handle) =>
      handle.prepare("UPDATE audit SET data = replace(data, 'PC-4', 'PC-5') WHERE seq = 5").run(),
    );
    const target = folderLike(log, 'kept');
    await appendRecords(target, 3);
    const before = snapshot(target);

    const result = db(log.keys, 'restore', '--from', tampered.db, '--to', target.db, '--force');
    expect(result.out).toContain("REFUSED, the backup's audit log does not verify: record 5");
    expect(result.status).toBe(1);
    expect(snapshot(target)).toEqual(before);
    expect(existsSync(target.db)).toBe(true);
  });
});
