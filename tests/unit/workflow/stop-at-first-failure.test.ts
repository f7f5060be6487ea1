import type { Host, TargetReport } from '../../../bot/domain';
import { silentLogger } from '../../../bot/errors';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../../bot/ports';
import type { WorkflowDeps } from '../../../bot/workflow/deps';
import { HostLocks } from '../../../bot/workflow/host-locks';
import { BatchStop, runPerHost } from '../../../bot/workflow/run-per-host';
import { Slots } from '../../../bot/workflow/slots';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const host = (name: string): Host => ({ name, role: 'session-host', tags: [], users: [] }) as unknown as Host;
const hosts = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'].map(host);

/** Each host takes `ms`; H2 fails. Records which hosts were started. */
class Batch implements Executor {
  readonly started: string[] = [];
  constructor(private readonly ms: number) {}
  async run(request: ExecutionRequest): Promise<TargetReport> {
    this.started.push(request.host.name);
    await sleep(request.host.name === 'H2' ? 1 : this.ms);
    if (request.host.name === 'H2') throw new ExecutionError('host_unreachable', 'H2 did not answer.');
    return { host: request.host.name, changed: true } as TargetReport;
  }
}

function deps(executor: Executor, concurrency: number): WorkflowDeps {
  const used: Pick<WorkflowDeps, 'executor' | 'locks' | 'slots' | 'concurrency' | 'hostWaitMs' | 'log'> = {
    executor,
    locks: new HostLocks(),
    slots: new Slots(8),
    concurrency,
    hostWaitMs: 1000,
    log: silentLogger,
  };
  return used as WorkflowDeps;
}

describe('a batch that stops at the first failure', () => {
  it('starts no host after the first one fails, and says so for each host it did not start', async () => {
    const executor = new Batch(5);
    const outcomes = await runPerHost(deps(executor, 1), 'r1', 'rdsh.set_licensing_mode', {}, hosts, false, {
      stop: new BatchStop(),
    });
    expect(executor.started).toEqual(['H1', 'H2']);
    expect(outcomes.map((outcome) => outcome.error?.code ?? outcome.status)).toEqual([
      'succeeded',
      'host_unreachable',
      'not_started',
      'not_started',
      'not_started',
      'not_started',
    ]);
    expect(outcomes[2]?.error?.message).toMatch(/^Not started: H2 failed first.*Nothing was changed here\.$/);
  });

  it('lets the hosts already running finish, since stopping a change halfway is worse', async () => {
    const executor = new Batch(20);
    const outcomes = await runPerHost(deps(executor, 3), 'r1', 'rdsh.set_licensing_mode', {}, hosts, false, {
      stop: new BatchStop(),
    });
    // H1 and H3 were running beside H2 and finish; H4 was next when H2 failed.
    expect(executor.started).toEqual(['H1', 'H2', 'H3']);
    expect(outcomes.filter((outcome) => outcome.status === 'succeeded').map((outcome) => outcome.host)).toEqual([
      'H1',
      'H3',
    ]);
  });

  it('carries the stop into the next operation of the same request', async () => {
    const executor = new Batch(1);
    const stop = new BatchStop();
    const options = { stop };
    await runPerHost(deps(executor, 1), 'r1', 'rdsh.set_licensing_mode', {}, hosts.slice(0, 2), false, options);
    const later = await runPerHost(
      deps(executor, 1),
      'r1',
      'rdsh.set_license_servers',
      {},
      hosts.slice(2),
      false,
      options,
    );
    expect(later.every((outcome) => outcome.error?.code === 'not_started')).toBe(true);
    expect(executor.started).toEqual(['H1', 'H2']);
  });

  it('runs every host without the stop, failures and all', async () => {
    const executor = new Batch(1);
    const outcomes = await runPerHost(deps(executor, 2), 'r1', 'rdsh.set_licensing_mode', {}, hosts, false);
    expect(executor.started).toHaveLength(6);
    expect(outcomes.filter((outcome) => outcome.status === 'failed')).toHaveLength(1);
  });
});
