import type Database from 'better-sqlite3';
import type { AuditRecord, Clock } from '../../bot/ports';
import { DelegatingStore } from './delegating-store';
import { SqliteAuditLog } from './sqlite-audit-log';
import { openSqlite } from './sqlite-database';
import { SqliteRequestStore } from './sqlite-requests';
import { SqliteSettingsStore } from './sqlite-settings';

/**
 * The embedded store: one SQLite file (better-sqlite3) shared by the three port implementations,
 * `SqliteRequestStore`, `SqliteAuditLog` and `SqliteSettingsStore`. This class only opens the file;
 * `DelegatingStore` hands each call to the one that owns it.
 */
export class SqliteStore extends DelegatingStore {
  private readonly db: Database.Database;
  declare readonly requests: SqliteRequestStore;
  declare readonly audit: SqliteAuditLog;
  declare readonly settings: SqliteSettingsStore;

  constructor(
    readonly path: string,
    clock: Clock,
  ) {
    const db = openSqlite(path);
    super(new SqliteRequestStore(db), new SqliteAuditLog(db, clock), new SqliteSettingsStore(db));
    this.db = db;
  }

  close(): void {
    this.db.close();
  }

  /** Every audit record in order, for `npm run audit -- verify` and export. */
  auditRecords = (): Generator<AuditRecord> => this.audit.auditRecords();
}
