import { Pool } from 'pg';
import type { ChangeRequest, Intent, RequestState } from '../../bot/domain';
import type {
  ApprovalsChannel,
  AuditEntry,
  AuditHead,
  AuditHeadSource,
  AuditLog,
  AuditQuery,
  AuditRecord,
  Clock,
  RequestStore,
  SettingsStore,
} from '../../bot/ports';
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
export class PostgresStore implements RequestStore, AuditLog, AuditHeadSource, SettingsStore {
  readonly requests: PostgresRequestStore;
  readonly audit: PostgresAuditLog;
  readonly settings: PostgresSettingsStore;
  readonly leases: PostgresHostLeases;
  readonly jobs: PostgresJobQueue;
  readonly cards: PostgresCardVersions;

  private constructor(
    private readonly pool: Pool,
    clock: Clock,
  ) {
    this.requests = new PostgresRequestStore(pool);
    this.audit = new PostgresAuditLog(pool, clock);
    this.settings = new PostgresSettingsStore(pool);
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

  create = (request: ChangeRequest): Promise<void> => this.requests.create(request);
  get = (id: string): Promise<ChangeRequest | undefined> => this.requests.get(id);
  transition = (
    id: string,
    from: RequestState,
    version: number,
    patch: Partial<ChangeRequest> & { state: RequestState },
  ): Promise<ChangeRequest | undefined> => this.requests.transition(id, from, version, patch);
  listByState = (state: RequestState): Promise<ChangeRequest[]> => this.requests.listByState(state);
  setCardActivityId = (id: string, activityId: string): Promise<void> =>
    this.requests.setCardActivityId(id, activityId);
  setApprovalCardId = (id: string, activityId: string): Promise<void> =>
    this.requests.setApprovalCardId(id, activityId);
  listUnpublished = (): Promise<ChangeRequest[]> => this.requests.listUnpublished();
  markPublished = (id: string): Promise<void> => this.requests.markPublished(id);
  setResubmittedAs = (id: string, newId: string): Promise<void> => this.requests.setResubmittedAs(id, newId);
  lastByRequester = (oid: string): Promise<ChangeRequest | undefined> => this.requests.lastByRequester(oid);
  changesOn = (intent: Intent, host: string, since: string): Promise<ChangeRequest[]> =>
    this.requests.changesOn(intent, host, since);
  lastChangeOn = (hosts: string[]): Promise<ChangeRequest | undefined> => this.requests.lastChangeOn(hosts);

  getApprovalsChannel = (): Promise<ApprovalsChannel | undefined> => this.settings.getApprovalsChannel();
  setApprovalsChannel = (channel: ApprovalsChannel): Promise<void> => this.settings.setApprovalsChannel(channel);

  append = (entry: AuditEntry): Promise<AuditRecord> => this.audit.append(entry);
  query = (filter: AuditQuery): Promise<AuditRecord[]> => this.audit.query(filter);
  atHead = <T>(take: (head: AuditHead) => T): Promise<T> => this.audit.atHead(take);
  auditRecords = (): AsyncGenerator<AuditRecord> => this.audit.auditRecords();
}
