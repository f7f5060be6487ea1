/**
 * One change at a time per host, within this process: work for a host waits for the work before it.
 * Keyed by canonical inventory name, so aliases (FQDN, case) share a lock.
 */
export class HostLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(host: string, work: () => Promise<T>): Promise<T> {
    const key = host.toUpperCase();
    const before = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    await before;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
