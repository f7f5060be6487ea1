import type { Logger } from '../errors';
import type { Alert, AlertCause, Clock, Notifier, SettingsStore } from '../ports';
import { withoutSecrets } from '../secrets/redact-secrets';

/** What the workflow needs to say "an admin must look at this" (ADR 0024). */
export interface AlertRaiser {
  /** Logs the alert and posts it to the alerts channel, throttled; never throws, never rejects. */
  raise(cause: AlertCause, detail?: Record<string, string | number>): Promise<void>;
}

export interface AlertsDeps {
  settings: Pick<SettingsStore, 'getAlertsChannel'>;
  notifier: Pick<Notifier, 'postAlert'>;
  clock: Clock;
  log: Logger;
  /** The least time between two posts of one cause (per host for a host's cause). */
  intervalMs: number;
}

/** Causes that stop changes are errors in the log; the others are warnings. */
const SEVERE: ReadonlySet<AlertCause> = new Set(['audit_fail_closed', 'checkpoint_missed']);

/**
 * Alerts for admins: every raise is logged; a post to the alerts channel goes out at most once per
 * cause (per host for `host_unreachable_repeatedly`) per interval. A post that was attempted counts,
 * failed or not, so a Teams outage during an audit outage cannot turn each refused append into a post;
 * a raise while no channel is set does not count, so the first one after an admin sets it is posted.
 */
export class Alerts implements AlertRaiser {
  private readonly lastPosted = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AlertsDeps) {}

  raise(cause: AlertCause, detail: Record<string, string | number> = {}): Promise<void> {
    const work = this.post(cause, clean(detail)).catch(() => undefined);
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }

  /** Resolves once every raise so far has been posted or given up (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async post(cause: AlertCause, detail: Record<string, string | number>): Promise<void> {
    const { log, clock } = this.deps;
    const at = clock.now();
    (SEVERE.has(cause) ? log.error : log.warn).call(log, `alert: ${cause}`, { cause, ...detail });
    const key = cause === 'host_unreachable_repeatedly' ? `${cause}:${String(detail.host ?? '')}` : cause;
    const last = this.lastPosted.get(key);
    if (last !== undefined && at.getTime() - last < this.deps.intervalMs) return;
    // Taken before the first await, so two raises at once post once.
    this.lastPosted.set(key, at.getTime());
    try {
      const channel = await this.deps.settings.getAlertsChannel();
      if (!channel) {
        if (last === undefined) this.lastPosted.delete(key);
        else this.lastPosted.set(key, last);
        log.warn('the alert could not be posted: no alerts channel is set', { cause });
        return;
      }
      const alert: Alert = { cause, detail, time: at.toISOString() };
      await this.deps.notifier.postAlert(channel, alert);
    } catch (error) {
      log.error('the alert could not be posted', { cause, error: withoutSecrets(String(error)).slice(0, 300) });
    }
  }
}

/** Detail values are facts for a card and a log line: short, and passed through the secret filter. */
function clean(detail: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(detail).slice(0, 8)) {
    out[name.slice(0, 40)] = typeof value === 'number' ? value : withoutSecrets(String(value)).slice(0, 300);
  }
  return out;
}
