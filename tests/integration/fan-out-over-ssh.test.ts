import { readFileSync } from 'node:fs';
import { JsonInventory } from '../../adapters/inventory/json-config';
import { descendantsOf } from '../../adapters/powershell/process-tree';
import type { WarmPwshExecutor } from '../../adapters/powershell/warm-pwsh-executor';
import type { Host, HostOutcome, Intent, Params, TargetReport } from '../../bot/domain';
import { silentLogger } from '../../bot/errors';
import type { ExecutionRequest, Executor } from '../../bot/ports';
import type { WorkflowDeps } from '../../bot/workflow/deps';
import { HostLocks } from '../../bot/workflow/host-locks';
import { type RunOptions, runPerHost } from '../../bot/workflow/run-per-host';
import { Slots } from '../../bot/workflow/slots';
import {
  labScaleDown,
  labScaleHostDown,
  labScaleHostUp,
  labScaleUp,
  scaleHosts,
  scaleSshdPids,
} from '../../lab/lab-scale';
import { warmLabExecutor } from '../support/lab-executor';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';

/**
 * Fan-out on the scale lab: 40 session hosts on three sshds (lab/lab-scale.ts), each with its own
 * hive, driven by the warm executor through the same per-host runner the bot uses. Building 40 warm
 * sessions costs a few CPU seconds each (both ends are pwsh), so the suite shares one executor and
 * its sessions across its tests, in order.
 */
const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const COUNT = 40;
const CONCURRENCY = 8;
const MINUTES = 60_000;

/** The executor, watched: calls in flight at once, overall and per host (queued in the pool included). */
class Gauge implements Executor {
  peak = 0;
  private now = 0;
  readonly hostPeak = new Map<string, number>();
  private readonly hostNow = new Map<string, number>();

  constructor(private readonly inner: Executor) {}

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const name = request.host.name;
    this.now += 1;
    this.peak = Math.max(this.peak, this.now);
    this.hostNow.set(name, (this.hostNow.get(name) ?? 0) + 1);
    this.hostPeak.set(name, Math.max(this.hostPeak.get(name) ?? 0, this.hostNow.get(name) as number));
    try {
      return await this.inner.run(request);
    } finally {
      this.now -= 1;
      this.hostNow.set(name, (this.hostNow.get(name) as number) - 1);
    }
  }

  reset(): void {
    this.peak = 0;
    this.hostPeak.clear();
  }
}

function deps(executor: Executor, locks: HostLocks, slots: Slots): WorkflowDeps {
  const wanted: Pick<WorkflowDeps, 'executor' | 'locks' | 'slots' | 'concurrency' | 'hostWaitMs' | 'log'> = {
    executor,
    locks,
    slots,
    concurrency: CONCURRENCY,
    hostWaitMs: 5 * MINUTES,
    log: silentLogger,
  };
  // runPerHost reads nothing else.
  return wanted as WorkflowDeps;
}

/** Processes below `root` that are pwsh (the dotnet tool's shim, or dotnet running pwsh.dll) or ssh. */
function pwshAndSsh(root: number): string[] {
  return descendantsOf(root)
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        return '';
      }
    })
    .filter((command) => /(^|\/)(pwsh|ssh)( |$)|pwsh\.dll/.test(command));
}

const failures = (outcomes: HostOutcome[]) => outcomes.filter((outcome) => outcome.status !== 'succeeded');
const timebombs = (host: string) =>
  Object.keys(
    (
      JSON.parse(readFileSync(scaleHosts(lab, COUNT).find((h) => h.name === host)!.hiveFile, 'utf8')) as {
        registry: Record<string, { values: Record<string, unknown> }>;
      }
    ).registry['HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM\\GracePeriod']?.values ?? {},
  ).filter((value) => /TIMEBOMB/i.test(value));

describe('fan-out over SSH on the 40-host scale lab', () => {
  let hosts: Host[];
  let warm: WarmPwshExecutor;
  let gauge: Gauge;
  const run = (
    locks: HostLocks,
    slots: Slots,
    id: string,
    intent: Intent,
    params: Params,
    on: Host[],
    whatIf: boolean,
    options: RunOptions = {},
  ) => runPerHost(deps(gauge, locks, slots), id, intent, params, on, whatIf, options);

  beforeAll(async () => {
    hosts = [...JsonInventory.load(await labScaleUp(lab, COUNT)).hosts()];
    warm = warmLabExecutor(60_000, { processes: 4 });
    gauge = new Gauge(warm);
  }, 2 * MINUTES);

  afterAll(async () => {
    await warm?.close();
    await labScaleDown(lab);
  }, MINUTES);

  it(
    `${COUNT} hosts at concurrency ${CONCURRENCY} all complete`,
    async () => {
      expect(hosts).toHaveLength(COUNT);
      const started = Date.now();
      const outcomes = await run(
        new HostLocks(),
        new Slots(CONCURRENCY),
        'it-fan-out',
        'licensing.diagnose',
        {},
        hosts,
        false,
      );
      const seconds = (Date.now() - started) / 1000;
      expect(failures(outcomes)).toEqual([]);
      expect(outcomes.map((outcome) => outcome.report?.host)).toEqual(hosts.map((host) => host.name));
      expect(outcomes.every((outcome) => outcome.report?.data?.graceDaysLeft === 3)).toBe(true);
      expect(gauge.peak).toBeLessThanOrEqual(CONCURRENCY);
      expect(gauge.peak).toBeGreaterThan(1);
      expect(warm.pids().length).toBeLessThanOrEqual(4);
      console.log(
        `fan-out: ${COUNT} hosts at c${CONCURRENCY} in ${seconds.toFixed(1)} s, at most ${gauge.peak} in flight`,
      );
    },
    5 * MINUTES,
  );

  it(
    'two requests for one host never overlap',
    async () => {
      gauge.reset();
      // The bot's one lock table and slot pool, shared by two requests whose host lists overlap on 7 to 12.
      const locks = new HostLocks();
      const slots = new Slots(CONCURRENCY);
      const first = hosts.slice(0, 12);
      const second = hosts.slice(6, 18);
      const params = { restart: 'later' };
      const [a, b] = await Promise.all([
        run(locks, slots, 'it-fan-out-a', 'rdsh.reset_grace_period', params, first, false),
        run(locks, slots, 'it-fan-out-b', 'rdsh.reset_grace_period', params, second, false),
      ]);
      expect([...failures(a), ...failures(b)]).toEqual([]);
      expect([...gauge.hostPeak.keys()].sort()).toEqual(hosts.slice(0, 18).map((host) => host.name));
      expect([...gauge.hostPeak.values()].every((peak) => peak === 1)).toBe(true);
      expect(gauge.peak).toBeLessThanOrEqual(CONCURRENCY);
      // One after the other on a shared host: the first change finds the values, the second none.
      for (const host of hosts.slice(6, 12)) {
        const changed = [...a, ...b].filter((outcome) => outcome.host === host.name && outcome.report?.changed);
        expect(changed).toHaveLength(1);
      }
      // Each change landed in its own host's hive, chosen by the address the session came in on.
      for (const host of hosts.slice(0, 18)) expect(timebombs(host.name)).toEqual([]);
      for (const host of hosts.slice(18)) expect(timebombs(host.name)).toHaveLength(1);
    },
    5 * MINUTES,
  );

  it(
    'a host that goes down mid-batch fails on its own, clearly, while every other host finishes',
    async () => {
      // Taken down once 8 hosts are done, so its warm session breaks and a new one is refused.
      const down = 'SCALE-33';
      let done = 0;
      let killed = -1;
      const watch = {
        waiting: () => undefined,
        finished: () => {
          if (++done === 8) killed = labScaleHostDown(lab, COUNT, down);
        },
      };
      const started = Date.now();
      try {
        const outcomes = await run(
          new HostLocks(),
          new Slots(CONCURRENCY),
          'it-host-down',
          'licensing.diagnose',
          {},
          hosts,
          false,
          { watch },
        );
        expect(killed).toBeGreaterThan(0);
        expect(failures(outcomes).map((outcome) => outcome.host)).toEqual([down]);
        const failed = failures(outcomes)[0];
        expect(failed?.error?.code).toBe('host_unreachable');
        expect(failed?.error?.message).toContain(down);
        expect(outcomes).toHaveLength(COUNT);
        console.log(
          `fan-out: ${down} down mid-batch: ${failed?.error?.code} (${failed?.error?.message}); ${COUNT - 1} others done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        labScaleHostUp(lab, COUNT, down);
      }
      // Back up: the next call builds a new session and answers.
      const [again] = await run(
        new HostLocks(),
        new Slots(1),
        'it-host-up',
        'licensing.diagnose',
        {},
        [hosts.find((host) => host.name === down)!],
        false,
      );
      expect(again?.status).toBe('succeeded');
    },
    5 * MINUTES,
  );

  it(
    'no process is left behind',
    async () => {
      const onHosts = () => scaleSshdPids(lab).flatMap(pwshAndSsh);
      expect(onHosts().length).toBeGreaterThan(0);
      await warm.close();
      expect(warm.pids()).toEqual([]);
      await new Promise((r) => setTimeout(r, 300));
      expect(pwshAndSsh(process.pid)).toEqual([]);
      // The hosts' side lets go too: every session's pwsh ends with its connection.
      for (let i = 0; i < 50 && onHosts().length > 0; i++) await new Promise((r) => setTimeout(r, 200));
      expect(onHosts()).toEqual([]);
    },
    MINUTES,
  );
});
