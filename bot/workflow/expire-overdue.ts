import type { WorkflowDeps } from './deps';
import { expireRequest } from './expire-request';

/** The sweeper (every minute in production): expires every overdue pending or submitted request. */
export async function expireOverdue(deps: WorkflowDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  let count = 0;
  for (const state of ['pending', 'submitted'] as const) {
    for (const request of await deps.store.listByState(state)) {
      if (now > Date.parse(request.expiresAt) && (await expireRequest(deps, request))) count += 1;
    }
  }
  return count;
}
