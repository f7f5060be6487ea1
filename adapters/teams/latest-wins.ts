/**
 * Card updates for one message, one at a time and newest last. The connector client waits out a
 * Teams 429 for as long as its Retry-After says and then retries; an update queued meanwhile must not
 * overtake it, or the retried "Running" lands after "Done". Of the updates queued behind the one in
 * flight only the newest is sent: the ones between would be overwritten at once anyway.
 */
export class LatestWins {
  private readonly lanes = new Map<string, { next?: Queued }>();

  /** Runs `send` after the update in flight for `key`; resolves when it was sent or replaced by a newer one. */
  update(key: string, send: () => Promise<void>): Promise<void> {
    const lane = this.lanes.get(key);
    if (!lane) {
      this.lanes.set(key, {});
      return this.drain(key, send);
    }
    lane.next?.replaced();
    return new Promise<void>((resolve, reject) => {
      lane.next = { send, resolve, reject, replaced: resolve };
    });
  }

  private async drain(key: string, first: () => Promise<void>): Promise<void> {
    try {
      await first();
    } finally {
      queueMicrotask(() => this.sendNext(key));
    }
  }

  private sendNext(key: string): void {
    const lane = this.lanes.get(key);
    const next = lane?.next;
    if (!lane || !next) {
      this.lanes.delete(key);
      return;
    }
    lane.next = undefined;
    void next
      .send()
      .then(next.resolve, next.reject)
      .finally(() => this.sendNext(key));
  }
}

interface Queued {
  send: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  replaced: () => void;
}
