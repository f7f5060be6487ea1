import type { ChangeRequest } from '../domain';
import type { WorkflowDeps } from './deps';
import { publish } from './publish';
import { recordStep } from './record-step';
import { move } from '../requests/lifecycle';

/**
 * Moves one overdue request (a plan nobody confirmed, or approvals that did not come in time) to
 * `expired`, audits it and updates its cards. Returns the expired request, or undefined when another
 * click or the sweeper got there first.
 */
export async function expireRequest(deps: WorkflowDeps, request: ChangeRequest): Promise<ChangeRequest | undefined> {
  if (request.state !== 'pending' && request.state !== 'submitted') return undefined;
  const expired = await move(deps.store, request, 'expire', {
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!expired) return undefined;
  await recordStep(
    deps,
    {
      kind: 'request.expired',
      requestId: expired.id,
      actor: 'bot',
      data: { from: request.state, expiresAt: request.expiresAt },
    },
    'warn',
  );
  await publish(deps, expired);
  return expired;
}

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
