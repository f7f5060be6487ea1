import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import type { AuditRecord } from '../../bot/ports';
import { toRecord, type AuditRow } from './sqlite-audit-log';

export interface AuditFileEvidence {
  records: Iterable<AuditRecord> | undefined;
  logId: string | undefined;
  close(): void;
}

/**
 * Opens a database as evidence: never creating, migrating or altering anything (ADR 0017). A log at rest
 * (no `-wal` beside it) is read from a copy in memory, because even a read-only SQLite open would create
 * the `-wal` and `-shm` files; the copy's header is set to the rollback journal, which an in-memory
 * database needs. A live log (its `-wal` there) is opened read-only in place, its side files already
 * existing.
 */
export function openAuditEvidence(file: string): AuditFileEvidence {
  const db = openReadOnly(file);
  const has = (table: string): boolean =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const logId = has('settings')
    ? (db.prepare("SELECT value FROM settings WHERE key = 'audit.log_id'").get() as { value: string } | undefined)
        ?.value
    : undefined;
  const records = has('audit')
    ? {
        *[Symbol.iterator](): Generator<AuditRecord> {
          const rows = db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>;
          for (const row of rows) yield toRecord(row);
        },
      }
    : undefined;
  return { records, logId, close: () => db.close() };
}

/** The file opened for reading only, as described above (also what `npm run db -- copy` reads). */
export function openReadOnly(file: string): Database.Database {
  if (!existsSync(file)) throw new Error(`no database at ${file}`);
  if (existsSync(`${file}-wal`)) return new Database(file, { readonly: true, fileMustExist: true });
  const copy = readFileSync(file);
  // Bytes 18 and 19 are the file format's read and write versions: 2 means WAL, 1 the legacy journal.
  if (copy.length >= 20) copy.fill(1, 18, 20);
  return new Database(copy, { readonly: true });
}
