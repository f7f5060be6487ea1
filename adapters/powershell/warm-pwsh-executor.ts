import { type ValidateFunction } from 'ajv';
import type { PowerShell } from 'node-powershell';
import { join } from 'node:path';
import type { TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import { killProcessTree } from './process-tree';
import type { PwshExecutorOptions } from './pwsh-executor';
import { callPayload, startPwsh } from './pwsh-call';
import { readResult, resultValidator } from './read-result';

/** The warm entry script, dot-sourced once into each long-lived pwsh. */
export const WARM_SCRIPT = join(__dirname, 'scripts', 'RdsBotWarm.ps1');

export interface WarmPoolOptions extends PwshExecutorOptions {
  /** Long-lived pwsh processes; each holds the sessions of the hosts assigned to it (default 4). */
  processes: number;
  /** A session is rebuilt after this many calls (default 200) ... */
  maxOperations: number;
  /** ... or this many minutes (default 30). */
  maxAgeMinutes: number;
  /** A process idle this long is stopped, with its sessions (default 10 minutes). */
  idleMs: number;
  /** Sessions one process keeps; past it the least recently used one is closed (default 64). */
  maxSessions: number;
}

export const WARM_POOL_DEFAULTS = {
  processes: 2,
  maxOperations: 200,
  maxAgeMinutes: 30,
  idleMs: 600_000,
  maxSessions: 64,
};

/** One long-lived pwsh: calls run on it one at a time, in order. */
interface Worker {
  shell?: PowerShell;
  pid?: number;
  starting?: Promise<PowerShell>;
  queue: Promise<unknown>;
  lastUsed: number;
}

/**
 * Executor on a bounded pool of long-lived pwsh processes driven by node-powershell. Each host always
 * goes to the same process (by its name), which keeps one PowerShell session to it with the module
 * loaded (RdsBotWarm.ps1), so a warm call is one round trip. A process runs one call at a time; a call
 * that times out kills that process and everything it started (its ssh connections too), and the next
 * call starts a fresh one. The payload and the result are the cold executor's, checked the same way.
 */
export class WarmPwshExecutor implements Executor {
  private readonly validateResult: ValidateFunction;
  private readonly workers: Worker[];
  private readonly sweeper: NodeJS.Timeout;
  /** Which process each host's session lives on: given once, to the process with the fewest hosts. */
  private readonly homes = new Map<string, number>();

  constructor(private readonly options: WarmPoolOptions) {
    if (!Number.isInteger(options.processes) || options.processes < 1) throw new Error('processes must be 1 or more');
    this.validateResult = resultValidator();
    this.workers = Array.from({ length: options.processes }, () => ({ queue: Promise.resolve(), lastUsed: 0 }));
    this.sweeper = setInterval(() => this.stopIdle(), Math.min(options.idleMs, 60_000));
    this.sweeper.unref();
  }

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const payloadB64 = callPayload(request, this.options);
    const { host } = request;
    const worker = this.workers[this.home(host.name)] as Worker;
    const call = worker.queue.then(() => this.call(worker, payloadB64, host.name));
    worker.queue = call.catch(() => undefined);
    return call;
  }

  /**
   * The same host always to the same process, so its warm session is found again; a new host goes to
   * the process holding the fewest, so a fan-out over many hosts spreads over every process.
   */
  private home(name: string): number {
    const key = name.toLowerCase();
    const known = this.homes.get(key);
    if (known !== undefined) return known;
    const counts = this.workers.map(() => 0);
    for (const index of this.homes.values()) counts[index] = (counts[index] ?? 0) + 1;
    const index = counts.indexOf(Math.min(...counts));
    this.homes.set(key, index);
    return index;
  }

  /** The pwsh processes running now (the bench reports their memory apart from the bot's). */
  pids(): number[] {
    return this.workers.flatMap((worker) => (worker.pid ? [worker.pid] : []));
  }

  /** Closes every session and stops every process (graceful shutdown). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all(this.workers.map((worker) => this.stop(worker, true)));
  }

  private async call(worker: Worker, payloadB64: string, hostName: string): Promise<TargetReport> {
    const shell = await this.ensure(worker);
    worker.lastUsed = Date.now();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void this.stop(worker, false);
    }, this.options.timeoutMs);
    try {
      // The base64 payload is the only value in the command; the pool limits came in the environment.
      const result = await shell.invoke(`Invoke-RdsBotWarm -PayloadBase64 '${payloadB64}'`);
      return readResult(result.stdout?.toString('utf8') ?? '', hostName, this.validateResult);
    } catch (error) {
      if (error instanceof ExecutionError) throw error;
      if (timedOut) {
        throw new ExecutionError(
          'executor_timeout',
          `${hostName} did not answer within ${Math.round(this.options.timeoutMs / 1000)} s.`,
        );
      }
      await this.stop(worker, false);
      throw new ExecutionError('executor_failed', `pwsh failed: ${String(error)}`);
    } finally {
      clearTimeout(timer);
      worker.lastUsed = Date.now();
    }
  }

  /** The worker's pwsh, started (and the warm script loaded) if it is not running. */
  private ensure(worker: Worker): Promise<PowerShell> {
    if (worker.shell) return Promise.resolve(worker.shell);
    worker.starting ??= this.start(worker).finally(() => (worker.starting = undefined));
    return worker.starting;
  }

  private async start(worker: Worker): Promise<PowerShell> {
    // The script's path and the session limits reach pwsh as environment, never as command text.
    const { shell, pid } = startPwsh(this.options, {
      RDSBOT_WARM_SCRIPT: WARM_SCRIPT,
      RDSBOT_SESSION_MAX_OPERATIONS: String(this.options.maxOperations),
      RDSBOT_SESSION_MAX_MINUTES: String(this.options.maxAgeMinutes),
      RDSBOT_POOL_MAX_SESSIONS: String(this.options.maxSessions),
    });
    worker.pid = pid;
    try {
      await shell.invoke('. $env:RDSBOT_WARM_SCRIPT');
    } catch (error) {
      if (worker.pid) killProcessTree(worker.pid);
      worker.pid = undefined;
      await shell.dispose('SIGKILL').catch(() => undefined);
      throw new ExecutionError('executor_failed', `the warm entry script did not load: ${String(error)}`);
    }
    worker.shell = shell;
    return shell;
  }

  /** Stops a worker's pwsh and everything it started; `graceful` closes its sessions first. */
  private async stop(worker: Worker, graceful: boolean): Promise<void> {
    const { shell, pid } = worker;
    worker.shell = undefined;
    worker.pid = undefined;
    if (!shell) return;
    if (graceful) await withTimeout(shell.invoke('Close-RdsBotSessions'), 5_000).catch(() => undefined);
    if (pid) killProcessTree(pid);
    await shell.dispose('SIGKILL').catch(() => undefined);
  }

  private stopIdle(): void {
    const now = Date.now();
    for (const worker of this.workers)
      if (worker.shell && now - worker.lastUsed > this.options.idleMs)
        worker.queue = worker.queue.then(() => this.stop(worker, true)).catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
