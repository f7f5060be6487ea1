import { Pool } from 'pg';
import type { AuditRecord, Clock } from '../../bot/ports';
import { DelegatingStore } from './delegating-store';
import { PostgresAuditLog } from './postgres-audit-log';
import { PostgresCardVersions } from './postgres-card-versions';
import { PostgresHostLeases } from './postgres-host-leases';
import { PostgresJobQueue } from './postgres-job-queue';
import { migratePg } from './postgres-migrations';
import { PostgresRequestStore } from './postgres-requests';
import { PostgresSettingsStore } from './postgres-settings';
import { copySqliteToPostgres, type CopyCounts } from './copy-sqlite-to-postgres';

/**
 * The PostgreSQL store (`DATABASE_URL`, ADR 0018): the same ports as the embedded SQLite store, on one
 * server that several bot instances and workers share. `open` migrates before anything reads.
 */
export class PostgresStore extends DelegatingStore {
  declare readonly requests: PostgresRequestStore;
  declare readonly audit: PostgresAuditLog;
  declare readonly settings: PostgresSettingsStore;
  readonly leases: PostgresHostLeases;
  readonly jobs: PostgresJobQueue;
  readonly cards: PostgresCardVersions;

  private constructor(
    private readonly pool: Pool,
    clock: Clock,
  ) {
    super(new PostgresRequestStore(pool), new PostgresAuditLog(pool, clock), new PostgresSettingsStore(pool));
    this.leases = new PostgresHostLeases(pool);
    this.jobs = new PostgresJobQueue(pool);
    this.cards = new PostgresCardVersions(pool);
  }

  static async open(url: string, clock: Clock, poolSize = 10): Promise<PostgresStore> {
    const pool = new Pool({ connectionString: url, max: poolSize });
    // An idle connection the server dropped is reported here, not thrown into the process.
    pool.on('error', () => undefined);
    try {
      await migratePg(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, clock);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** `npm run db -- copy`: an embedded database's rows into this empty one, in one transaction. */
  copyFromSqlite(file: string): Promise<CopyCounts> {
    return copySqliteToPostgres(file, this.pool);
  }

  /** The audit log's id (settings `audit.log_id`), which its checkpoints name; undefined before the first. */
  async auditLogId(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>("SELECT value FROM settings WHERE key = 'audit.log_id'");
    return rows[0]?.value;
  }

  auditRecords = (): AsyncGenerator<AuditRecord> => this.audit.auditRecords();
}
