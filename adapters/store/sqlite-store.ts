import type Database from 'better-sqlite3';
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
import { SqliteAuditLog } from './sqlite-audit-log';
import { openSqlite } from './sqlite-database';
import { SqliteRequestStore } from './sqlite-requests';
import { SqliteSettingsStore } from './sqlite-settings';

/**
 * The embedded store: one SQLite file (better-sqlite3) shared by the three port implementations,
 * `SqliteRequestStore`, `SqliteAuditLog` and `SqliteSettingsStore`. This class only opens the file and
 * hands each call to the one that owns it, so the composition root and the tools have one object to
 * open and close.
 */
export class SqliteStore implements RequestStore, AuditLog, AuditHeadSource, SettingsStore {
  private readonly db: Database.Database;
  readonly requests: SqliteRequestStore;
  readonly audit: SqliteAuditLog;
  readonly settings: SqliteSettingsStore;

  constructor(
    readonly path: string,
    clock: Clock,
  ) {
    this.db = openSqlite(path);
    this.requests = new SqliteRequestStore(this.db);
    this.audit = new SqliteAuditLog(this.db, clock);
    this.settings = new SqliteSettingsStore(this.db);
  }

  close(): void {
    this.db.close();
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
  /** Every audit record in order, for `npm run audit -- verify` and export. */
  auditRecords = (): Generator<AuditRecord> => this.audit.auditRecords();
}
