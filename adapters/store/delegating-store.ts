import type { ChangeRequest, Intent, RequestState } from '../../bot/domain';
import type {
  AlertsChannel,
  ApprovalsChannel,
  AuditEntry,
  AuditHead,
  AuditHeadSource,
  AuditLog,
  AuditQuery,
  AuditRecord,
  RequestStore,
  SettingsStore,
} from '../../bot/ports';

/**
 * One object for the composition root and the tools to open and close: each call handed to the port
 * implementation that owns it. The SQLite file and PostgreSQL stores differ only in what they open.
 */
export abstract class DelegatingStore implements RequestStore, AuditLog, AuditHeadSource, SettingsStore {
  constructor(
    readonly requests: RequestStore,
    readonly audit: AuditLog & AuditHeadSource,
    readonly settings: SettingsStore,
  ) {}

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
  getAlertsChannel = (): Promise<AlertsChannel | undefined> => this.settings.getAlertsChannel();
  setAlertsChannel = (channel: AlertsChannel): Promise<void> => this.settings.setAlertsChannel(channel);

  append = (entry: AuditEntry): Promise<AuditRecord> => this.audit.append(entry);
  query = (filter: AuditQuery): Promise<AuditRecord[]> => this.audit.query(filter);
  atHead = <T>(take: (head: AuditHead) => T): Promise<T> => this.audit.atHead(take);
}
