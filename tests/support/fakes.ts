import type { ChangeRequest, Host, TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor, type Notifier } from '../../bot/ports';

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
        existed && !request.whatIf ? { path: `/backups/${request.requestId}.json`, sha256: 'a'.repeat(64) } : null,
      verified: true,
    };
  }

  realRuns(): ExecutionRequest[] {
    return this.calls.filter((call) => !call.whatIf);
  }
}

/** Keeps every card update the workflow asked for. */
export class RecordingNotifier implements Notifier {
  readonly updates: ChangeRequest[] = [];
  async updateRequestCard(request: ChangeRequest): Promise<void> {
    this.updates.push(request);
  }
  last(): ChangeRequest | undefined {
    return this.updates[this.updates.length - 1];
  }
}

export function host(name: string, role: Host['role'] = 'client', users: string[] = []): Host {
  return { name, role, users, tags: [], transport: { type: 'local', lab: true } };
}
