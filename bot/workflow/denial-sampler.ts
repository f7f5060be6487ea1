/**
 * Denials of people the bot does not serve are audited in a bounded way: the first per person and
 * reason in each window is recorded, with how many were refused since the last record; the rest are
 * only counted. Someone sending thousands of messages can neither fill the audit log nor hide among
 * the records. At most `maxKeys` people are tracked; past that the oldest are forgotten (their next
 * denial is recorded again, which errs on the side of recording).
 */
export class DenialSampler {
  private readonly seen = new Map<string, { since: number; suppressed: number }>();

  constructor(
    private readonly windowMs = 3_600_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Whether this denial is recorded, and how many of the same were not since the last record. */
  sample(key: string, now: number): { record: boolean; suppressed: number } {
    const entry = this.seen.get(key);
    if (entry && now - entry.since < this.windowMs) {
      entry.suppressed += 1;
      return { record: false, suppressed: entry.suppressed };
    }
    const suppressed = entry?.suppressed ?? 0;
    this.seen.delete(key);
    this.seen.set(key, { since: now, suppressed: 0 });
    if (this.seen.size > this.maxKeys) this.seen.delete(this.seen.keys().next().value as string);
    return { record: true, suppressed };
  }
}
