/**
 * A fixed number of slots shared by every request in this process, handed out first come, first
 * served: the global bound on host calls running at once, whatever each request's own bound is.
 */
export class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error('slots: size must be 1 or more');
    this.free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or goes back to the free count.
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }

  /** Calls running now (for the bench and tests). */
  get inUse(): number {
    return this.size - this.free;
  }
}
