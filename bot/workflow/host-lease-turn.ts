import type { HostOutcome } from '../domain';
import type { HostLease, HostLeases } from '../ports';
import { HostBusyError } from './host-locks';

/** Leases shared with the other instances and workers on the same database (ADR 0019). */
export interface LeaseSettings {
  leases: HostLeases;
  /** Who holds a lease: this process, by instance name and pid, for the admin reading the table. */
  holder: string;
  /** How long a lease lives unless renewed; renewed every third of it while the host's work runs. */
  ttlMs: number;
  /** How often a host another process holds is asked for again. */
  pollMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Renews a held lease every third of its life until the returned timer is cleared; `onLost` hears once a
 * renewal finds the lease gone (or cannot reach the database), since another process may then hold it.
 */
export function keepRenewed(settings: LeaseSettings, lease: HostLease, onLost: () => void = () => undefined) {
  return setInterval(
    () => {
      settings.leases.renew(lease, settings.ttlMs).then(
        (held) => held || onLost(),
        () => onLost(),
      );
    },
    Math.max(50, Math.floor(settings.ttlMs / 3)),
  );
}

/**
 * Runs one host's work under its lease: waits (in turn with other processes, at most `waitMs`) until the
 * host is free, keeps the lease alive while the work runs, and fences the result. A holder that lost its
 * lease (renewals failed, and another process may have taken the host) does not report its result as the
 * host's: the outcome says what happened, so nobody reads a stale result as the newest.
 */
export async function underLease(
  settings: LeaseSettings,
  host: string,
  wait: { waitMs: number; onWait?: () => void },
  work: () => Promise<HostOutcome>,
): Promise<HostOutcome> {
  const lease = await acquire(settings, host, wait);
  let lost = false;
  const heartbeat = keepRenewed(settings, lease, () => (lost = true));
  try {
    const outcome = await work();
    if (!lost && (await settings.leases.fence(lease).catch(() => false))) return outcome;
    return {
      host: outcome.host,
      status: 'failed',
      error: {
        code: 'lease_lost',
        message: `This bot's hold on ${outcome.host} expired while it worked there, so its result is not recorded as the host's; read ${outcome.host} again before changing it.`,
      },
    };
  } finally {
    clearInterval(heartbeat);
    await settings.leases.release(lease).catch(() => undefined);
  }
}

async function acquire(
  settings: LeaseSettings,
  host: string,
  wait: { waitMs: number; onWait?: () => void },
): Promise<HostLease> {
  const deadline = Date.now() + wait.waitMs;
  let told = false;
  for (;;) {
    const lease = await settings.leases.tryAcquire(host, settings.holder, settings.ttlMs);
    if (lease) return lease;
    if (!told) wait.onWait?.();
    told = true;
    if (Date.now() >= deadline) throw new HostBusyError(host, wait.waitMs);
    await sleep(Math.min(settings.pollMs, Math.max(1, deadline - Date.now())));
  }
}
