import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { JsonInventory } from '../adapters/inventory/json-config';
import { descendantsOf } from '../adapters/powershell/process-tree';
import { WARM_POOL_DEFAULTS, WarmPwshExecutor } from '../adapters/powershell/warm-pwsh-executor';
import { findDotnetRoot, findPwsh } from '../bot/config';
import type { Host } from '../bot/domain';
import { silentLogger } from '../bot/errors';
import type { WorkflowDeps } from '../bot/workflow/deps';
import { HostLocks } from '../bot/workflow/host-locks';
import { runPerHost } from '../bot/workflow/run-per-host';
import { Slots } from '../bot/workflow/slots';
import type { LabOptions } from '../lab/lab-parts';
import { labScaleDown, labScaleUp } from '../lab/lab-scale';
import type { Figures } from './latest-json';
import { round3 } from './latest-json';
import { median, timed } from './timing';

/**
 * Fan-out on the scale lab (40 session hosts): one read (licensing.diagnose) on 1, 10 and 40 hosts at
 * concurrency 1, 4 and 8 through the bot's own per-host runner and warm pool (8 processes, sessions
 * built before the runs). Per run: wall time, the CPU time of the whole machine (the bot, its pwsh,
 * the lab's sshd and pwsh: they are all there is here), peak RSS of the bot and of the pool, and the
 * ratio to ideal = max(hosts / concurrency x one warm host, CPU time / cores).
 */
const SIZES = [1, 10, 40];
const CONCURRENCY = [1, 4, 8];

function machineCpuMs(): number {
  // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal, in clock ticks (100 Hz).
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/).slice(1).map(Number);
  const busy = fields.reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
  return busy * 10;
}

/**
 * Waits until the machine is quiet (under a quarter of a core busy over two seconds), at most
 * `limitMs`: 40 new sessions leave pwsh on both ends compiling in the background for a while, and
 * that work would be counted against the runs measured after it. Returns how long it waited.
 */
async function settle(limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const before = machineCpuMs();
    await new Promise((r) => setTimeout(r, 2000));
    if ((machineCpuMs() - before) / 2000 < 0.25) break;
  }
  return Date.now() - started;
}

function rssMib(pid: number): number {
  try {
    const line = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function poolRssMib(pool: WarmPwshExecutor): number {
  return pool
    .pids()
    .flatMap((pid) => [pid, ...descendantsOf(pid)])
    .reduce((sum, pid) => sum + rssMib(pid), 0);
}

export async function measureFanOut(lab: LabOptions): Promise<{ lines: string[]; figures: Figures }> {
  const inventory = JsonInventory.load(await labScaleUp(lab, 40));
  const hosts = inventory.hosts() as Host[];
  const pool = new WarmPwshExecutor({
    ...WARM_POOL_DEFAULTS,
    processes: 8,
    pwsh: findPwsh(process.env),
    timeoutMs: 120_000,
    connectTimeoutSeconds: 30,
    labOnly: true,
    env: { DOTNET_ROOT: findDotnetRoot(process.env) },
  });
  const deps = (concurrency: number): WorkflowDeps =>
    ({
      executor: pool,
      locks: new HostLocks(),
      slots: new Slots(concurrency),
      concurrency,
      hostWaitMs: 600_000,
      log: silentLogger,
    }) as unknown as WorkflowDeps;
  const read = (list: Host[], concurrency: number) =>
    runPerHost(deps(concurrency), 'bench-fanout', 'licensing.diagnose', {}, list, false);
  try {
    // Sessions to all 40 hosts first (each costs seconds of CPU on both ends); then everything is warm.
    const warmUp = await timed(() => read(hosts, 8));
    // Two more passes: a session's first calls run young code (.NET compiles as it goes on both ends).
    for (let pass = 0; pass < 2; pass++) await read(hosts, 8);
    const settled = await settle(300_000);
    const botFullPoolMib = process.memoryUsage().rss / 1024 / 1024;
    const poolMib = poolRssMib(pool);
    const one: number[] = [];
    for (let i = 0; i < 5; i++) one.push(await timed(() => read(hosts.slice(0, 1), 1)));
    const warm = median(one);
    const cores = cpus().length;
    const lines = [
      `  fan-out warm-up: sessions to 40 hosts  ${(warmUp / 1000).toFixed(1)} s, then ${(settled / 1000).toFixed(0)} s until the cores were quiet; one warm host ${warm.toFixed(0)} ms`,
      `  bot RSS with 40 sessions              ${botFullPoolMib.toFixed(0)} MiB (pool of 8 pwsh apart: ${poolMib.toFixed(0)} MiB)`,
      '  hosts  conc   wall ms   cpu ms  cpu/op   ideal ms  vs ideal  bot MiB  pool MiB',
    ];
    const figures: Figures = {
      'rss.bot_full_pool_mib': Math.round(botFullPoolMib),
      'rss.pool_full_mib': Math.round(poolMib),
      'fanout.warm_host_ms': round3(warm),
    };
    for (const size of SIZES)
      for (const concurrency of CONCURRENCY) {
        let botPeak = 0;
        let poolPeak = 0;
        const sample = () => {
          botPeak = Math.max(botPeak, process.memoryUsage().rss / 1024 / 1024);
          poolPeak = Math.max(poolPeak, poolRssMib(pool));
        };
        // The RSS sample walks /proc on the bot's one thread (tens of ms on busy cores): during a run of
        // tens of ms it would be timed as the engine's, so a one-host run is sampled between its reps.
        const sampler = size === 1 ? undefined : setInterval(sample, 200);
        await settle(60_000);
        // A one-host run lasts tens of milliseconds: the median of five, so one timer tick does not decide it.
        const samples: Array<{ wall: number; cpu: number }> = [];
        const outcomes: Array<{ status: string }> = [];
        for (let rep = 0; rep < (size === 1 ? 5 : 1); rep++) {
          const cpuBefore = machineCpuMs();
          const ms = await timed(async () => outcomes.push(...(await read(hosts.slice(0, size), concurrency))));
          samples.push({ wall: ms, cpu: machineCpuMs() - cpuBefore });
          if (!sampler) sample();
        }
        samples.sort((a, b) => a.wall - b.wall);
        const { wall, cpu } = samples[Math.floor(samples.length / 2)] as { wall: number; cpu: number };
        if (sampler) clearInterval(sampler);
        const failed = outcomes.filter((o) => o.status !== 'succeeded').length;
        const ideal = Math.max(Math.ceil(size / concurrency) * warm, cpu / cores);
        const ratio = wall / ideal;
        lines.push(
          `  ${String(size).padStart(5)}  ${String(concurrency).padStart(4)}  ${wall.toFixed(0).padStart(8)}  ${cpu.toFixed(0).padStart(7)}  ${(cpu / size).toFixed(0).padStart(6)}  ${ideal.toFixed(0).padStart(9)}  ${ratio.toFixed(2).padStart(7)}x  ${botPeak.toFixed(0).padStart(7)}  ${poolPeak.toFixed(0).padStart(8)}${failed ? `  (${failed} failed)` : ''}`,
        );
        figures[`fanout.h${size}_c${concurrency}_ms`] = round3(wall);
        figures[`fanout.h${size}_c${concurrency}_vs_ideal`] = round3(ratio);
        if (size === 40 && concurrency === 8) figures['fanout.cpu_ms_per_host_op'] = round3(cpu / size);
      }
    return { lines, figures };
  } finally {
    await pool.close();
    await labScaleDown(lab);
  }
}
