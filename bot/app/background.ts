/**
 * Work that continues after the turn that started it (a run after Confirm): tracked so that shutdown
 * and tests can wait for it, and so a failure is logged rather than lost.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  start(work: () => Promise<unknown>): void {
    const job = Promise.resolve()
      .then(work)
      .catch(this.onError)
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Resolves when nothing is running any more (including work started meanwhile). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
