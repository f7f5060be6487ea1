import type { WorkflowDeps } from './deps';
import { keepRenewed } from './host-lease-turn';

/** The lease key of a request being run or recovered (the same lease table as hosts, ADR 0019). */
export const runKey = (requestId: string): string => `request:${requestId}`;

/**
 * Runs `work` while this process holds the request's run lease, renewed meanwhile; undefined, without
 * running it, when another instance holds it (it runs or recovers that request now). This is what keeps
 * a starting instance's recovery off the runs of instances that are alive: only a lease that ran out
 * (its holder died) lets another instance take a `running` request over. Without a shared database
 * there is one process, and `work` just runs.
 */
export async function holdingRun<T>(
  deps: WorkflowDeps,
  requestId: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const settings = deps.leases;
  if (!settings) return work();
  const lease = await settings.leases.tryAcquire(runKey(requestId), settings.holder, settings.ttlMs);
  if (!lease) return undefined;
  const heartbeat = keepRenewed(settings, lease);
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await settings.leases.release(lease).catch(() => undefined);
  }
}
