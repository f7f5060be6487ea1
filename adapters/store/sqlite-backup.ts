import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An online backup of the embedded database (ADR 0022): SQLite's backup API copies a consistent
 * snapshot page by page while the bot goes on writing, where a file copy of a live WAL database could
 * catch half a transaction. The copy is written under a temporary name and renamed, so `out` is either
 * the whole backup or absent, and is left in the rollback-journal mode: one self-contained file.
 */
export async function backupSqlite(source: string, out: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.${process.pid}.partial`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
  renameSync(partial, out);
}

/**
 * Whether a process has the database open: in WAL mode the `-wal` file exists from the first open to
 * the last clean close. One left behind by a crash counts as in use too: renaming another database under
 * it would have SQLite replay the old log into the new file.
 */
export function sqliteInUse(file: string): boolean {
  return existsSync(`${file}-wal`);
}

/** Puts a verified copy in place of `target` with one rename; a stale `-shm` of the old file goes with it. */
export function replaceSqlite(copy: string, target: string): void {
  rmSync(`${target}-shm`, { force: true });
  renameSync(copy, target);
}
