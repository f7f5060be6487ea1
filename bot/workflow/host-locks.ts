/** Work for a host did not get its turn within the wait bound: nothing was done on it. */
export class HostBusyError extends Error {
  constructor(
    readonly host: string,
    readonly waitedMs: number,
  ) {
    super(`${host} was busy with another request for ${Math.round(waitedMs / 1000)} s, so nothing was done on it.`);
  }
}

export interface LockWait {
  /** Give up (HostBusyError) when the host is not free within this long; no bound when absent. */
  waitMs?: number;
  /** Called once when the host is busy and this work has to queue behind another request. */
  onWait?: () => void;
}

/**
 * One change at a time per host, across requests in this process: work for a host waits, in the order
 * it came, for the work before it (backup, change and verify happen inside one turn). Keyed by
 * canonical inventory name, so aliases (FQDN, case) share a lock.
 */
export class HostLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(host: string, work: () => Promise<T>, wait: LockWait = {}): Promise<T> {
    const key = host.toUpperCase();
    const before = this.tails.get(key);
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = (before ?? Promise.resolve()).then(() => mine);
    this.tails.set(key, tail);
    try {
      if (before) await this.turn(host, before, wait);
      return await work();
    } finally {
      // Released also when this work gave up waiting: the next in line then waits only for `before`.
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Whether work for this host is running or queued now. */
  busy(host: string): boolean {
    return this.tails.has(host.toUpperCase());
  }

  private async turn(host: string, before: Promise<void>, wait: LockWait): Promise<void> {
    wait.onWait?.();
    if (wait.waitMs === undefined) return before;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HostBusyError(host, wait.waitMs as number)), wait.waitMs);
    });
    try {
      await Promise.race([before, bound]);
    } finally {
      clearTimeout(timer);
    }
  }
}
