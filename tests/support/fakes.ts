// Over 250 lines on purpose: the in-memory fakes of every port live together, so a change of a port
// shows up in one file and every unit test fakes it the same way.
import type { ChangeRequest, Host, TargetReport } from '../../bot/domain';
import {
  type Alert,
  type AlertsChannel,
  type ApprovalsChannel,
  ExecutionError,
  type ExecutionRequest,
  type Executor,
  type Notifier,
} from '../../bot/ports';

/** A fixed, movable clock. */
export class FakeClock {
  constructor(private current = new Date('2026-11-28T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * An executor that keeps a client's MSLicensing state in memory: "present" until a real run deletes
 * it. Hosts named in `down` fail like a dead host. Records every call.
 */
export class FakeClientExecutor implements Executor {
  readonly calls: ExecutionRequest[] = [];
  private readonly present = new Map<string, boolean>();

  constructor(private readonly down: string[] = []) {}

  async run(request: ExecutionRequest): Promise<TargetReport> {
    this.calls.push(request);
    const name = request.host.name;
    if (this.down.includes(name))
      throw new ExecutionError(
        'host_unreachable',
        `${name} did not accept a PowerShell session (down or unreachable).`,
      );
    const existed = this.present.get(name) ?? true;
    if (!request.whatIf) this.present.set(name, false);
    return {
      ok: true,
      operation: 'client.reset_license_cache',
      host: name,
      whatIf: request.whatIf,
      changed: existed,
      items: [
        {
          path: 'HKLM\\SOFTWARE\\Microsoft\\MSLicensing',
          existed,
          subkeys: existed ? ['HardwareID', 'Store'] : [],
          action: existed ? 'delete' : 'none',
          after: 'absent',
        },
      ],
      backup:
        existed && !request.whatIf
          ? { path: fakeBackupPath(request.requestId, 'MSLicensing'), sha256: 'a'.repeat(64) }
          : null,
      verified: true,
    };
  }

  realRuns(): ExecutionRequest[] {
    return this.calls.filter((call) => !call.whatIf);
  }
}

/** Keeps every card the workflow posted or updated, in the requester's chat and the approvals channel. */
export class RecordingNotifier implements Notifier {
  readonly updates: ChangeRequest[] = [];
  readonly approvalCards: Array<{ request: ChangeRequest; approvers: string[]; channel?: ApprovalsChannel }> = [];
  /** Set to make posting to the approvals channel fail (the bot was removed from the team). */
  failPosting = false;
  private posted = 0;

  async updateRequestCard(request: ChangeRequest): Promise<void> {
    this.updates.push(request);
  }

  async postApprovalCard(request: ChangeRequest, channel: ApprovalsChannel, approvers: string[]): Promise<string> {
    if (this.failPosting) throw new Error('Forbidden: the bot is not a member of this team');
    this.approvalCards.push({ request, approvers, channel });
    return `approval-card-${++this.posted}`;
  }

  async updateApprovalCard(request: ChangeRequest, approvers: string[]): Promise<void> {
    this.approvalCards.push({ request, approvers });
  }

  readonly messages: Array<{ requestId: string; text: string }> = [];
  async tellRequester(request: ChangeRequest, text: string): Promise<void> {
    this.messages.push({ requestId: request.id, text });
  }

  readonly alerts: Array<{ channel: AlertsChannel; alert: Alert }> = [];
  /** Set to make posting to the alerts channel fail. */
  failAlerts = false;
  async postAlert(channel: AlertsChannel, alert: Alert): Promise<void> {
    if (this.failAlerts) throw new Error('Forbidden: the bot is not a member of this team');
    this.alerts.push({ channel, alert });
  }

  /** The newest state of the approval card of this request. */
  lastApproval(requestId: string): { request: ChangeRequest; approvers: string[] } | undefined {
    return [...this.approvalCards].reverse().find((entry) => entry.request.id === requestId);
  }
  last(): ChangeRequest | undefined {
    return this.updates[this.updates.length - 1];
  }
}

export function host(name: string, role: Host['role'] = 'client', users: string[] = []): Host {
  return { name, role, users, tags: [], transport: { type: 'local', lab: true } };
}

/** A backup path shaped like the module's: <request>-<label>-<yyyyMMddTHHmmssfff>Z.json. */
export function fakeBackupPath(requestId: string, label: string): string {
  return `/backups/${requestId}-${label}-20261128T100000000Z.json`;
}

/** What a fake session host holds: enough state for every changing operation to report before -> after. */
interface SessionHostState {
  mode: string;
  servers: string[];
  graceDays: number;
  certificate: boolean;
  gpo: boolean;
  sessions: number;
}

/**
 * An executor for session hosts (mode, license servers, grace period, certificate, service restart) and
 * clients (delegated to FakeClientExecutor). Previews report current -> proposed; real runs change the
 * state. `drift` changes a host behind the bot's back, as an admin at the console would.
 */
export class FakeEstateExecutor implements Executor {
  readonly calls: ExecutionRequest[] = [];
  private readonly client: FakeClientExecutor;
  private readonly hosts = new Map<string, SessionHostState>();
  private readonly snapshots = new Map<string, { host: string; state: SessionHostState }>();

  constructor(private readonly down: string[] = []) {
    this.client = new FakeClientExecutor(down);
  }

  state(name: string): SessionHostState {
    let state = this.hosts.get(name);
    if (!state) {
      state = { mode: 'PerDevice', servers: [], graceDays: 3, certificate: true, gpo: name === 'RDSH02', sessions: 2 };
      this.hosts.set(name, state);
    }
    return state;
  }

  drift(name: string, change: Partial<SessionHostState>): void {
    Object.assign(this.state(name), change);
  }

  async run(request: ExecutionRequest): Promise<TargetReport> {
    this.calls.push(request);
    if (request.operation === 'client.reset_license_cache') return this.client.run(request);
    const name = request.host.name;
    if (this.down.includes(name))
      throw new ExecutionError('host_unreachable', `${name} did not accept a PowerShell session.`);
    const state = this.state(name);
    const apply = !request.whatIf;
    const base = { ok: true as const, operation: request.operation, host: name, whatIf: request.whatIf };
    const read = this.read(request.operation, state);
    if (read) return { ...base, changed: false, items: [], backup: null, data: read };
    const label = request.operation.replace(/[^A-Za-z]/g, '').slice(0, 32);
    const backup = apply ? { path: fakeBackupPath(request.requestId, label), sha256: 'b'.repeat(64) } : null;
    if (request.operation === 'request.rollback') return this.rollback(request, state);
    if (apply)
      this.snapshots.set(backupName(backup?.path ?? ''), {
        host: name,
        state: { ...state, servers: [...state.servers] },
      });
    const core = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM\\Licensing Core';
    switch (request.operation) {
      case 'rdsh.set_licensing_mode': {
        const mode = String(request.params.mode);
        const before = state.mode;
        if (state.gpo) {
          return {
            ...base,
            changed: false,
            items: [{ path: core, name: 'LicensingMode', action: 'none', before, after: before }],
            backup: null,
            refused: { code: 'gpo_managed', reason: 'Group Policy sets the licensing mode on this host.' },
          };
        }
        if (apply) state.mode = mode;
        return {
          ...base,
          changed: before !== mode,
          items: [{ path: core, name: 'LicensingMode', action: before !== mode ? 'set' : 'none', before, after: mode }],
          backup: before !== mode ? backup : null,
          verified: true,
        };
      }
      case 'rdsh.reset_grace_period': {
        const before = state.graceDays;
        if (apply) state.graceDays = 120;
        return {
          ...base,
          changed: true,
          items: [
            {
              path: `${core}\\GracePeriod`,
              name: 'L$RTMTIMEBOMB',
              action: 'delete',
              before: `${before} days left`,
              after: 'absent',
            },
          ],
          backup,
          verified: true,
          impact: { restart: request.params.restart === 'now' ? 'now' : 'needed', graceDaysLeft: before },
        };
      }
      case 'rdsh.restart_service':
        return {
          ...base,
          changed: true,
          items: [{ path: 'Service', name: 'TermService', action: 'restart', before: 'Running', after: 'Running' }],
          backup: null,
          verified: true,
          impact: { sessions: state.sessions },
        };
      default: {
        const servers = Array.isArray(request.params.servers) ? (request.params.servers as string[]) : [];
        const before = state.servers;
        if (apply) state.servers = servers;
        return {
          ...base,
          changed: before.join(',') !== servers.join(','),
          items: [
            { path: `${core}\\Parameters`, name: 'SpecifiedLicenseServers', action: 'set', before, after: servers },
          ],
          backup,
          verified: true,
        };
      }
    }
  }

  /** What the read-only operations report, from the host's state (no events, every server reachable, CALs of both kinds). */
  private read(operation: string, state: SessionHostState): Record<string, unknown> | undefined {
    switch (operation) {
      case 'licensing.diagnose':
        return {
          mode: state.mode,
          modeSource: state.gpo ? 'GroupPolicy' : 'Local',
          servers: state.servers,
          serversSource: state.gpo ? 'GroupPolicy' : 'Local',
          graceDaysLeft: state.graceDays,
          hasCertificate: state.certificate,
          sessions: state.sessions,
          findings: [],
        };
      case 'rdsh.events':
        return { since: '24h', ids: [], count: 0, events: [] };
      case 'rdsh.test_license_server':
        return {
          servers: state.servers.map((server) => ({
            server,
            status: 11,
            statusName: 'VALID_LS',
            tcp135: true,
            tcp445: true,
            good: true,
          })),
          configured: true,
          none: state.servers.length === 0,
        };
      case 'ls.cal_inventory':
        return {
          keyPacks: [
            {
              typeAndModel: 'RDS Per User CAL',
              productVersion: 'Windows Server 2022',
              total: 10,
              available: 5,
              issued: 5,
            },
            {
              typeAndModel: 'RDS Per Device CAL',
              productVersion: 'Windows Server 2022',
              total: 10,
              available: 5,
              issued: 5,
            },
          ],
          available: 10,
        };
      default:
        return undefined;
    }
  }

  realRuns(operation?: string): ExecutionRequest[] {
    return this.calls.filter((call) => !call.whatIf && (!operation || call.operation === operation));
  }

  /** Puts a session host back as it was before the change that made this backup. */
  private rollback(request: ExecutionRequest, state: SessionHostState): TargetReport {
    const name = request.host.name;
    const snapshot = this.snapshots.get(String(request.params.backup));
    if (!snapshot || snapshot.host !== name)
      throw new ExecutionError('target_refused', 'backup: no such backup on this host');
    if (!request.whatIf) Object.assign(state, snapshot.state);
    return {
      ok: true,
      operation: 'request.rollback',
      host: name,
      whatIf: request.whatIf,
      changed: true,
      items: [
        {
          path: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM',
          action: 'restore',
          before: 'present',
          after: 'present',
        },
      ],
      backup: request.whatIf
        ? null
        : { path: fakeBackupPath(request.requestId, 'BeforeRollback'), sha256: 'c'.repeat(64) },
      verified: true,
      data: { restoredFrom: request.params.backup },
    };
  }
}

function backupName(path: string): string {
  return path.split('/').pop() ?? path;
}
