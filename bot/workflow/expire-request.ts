import type { ChangeRequest } from '../domain';
import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { publish } from './publish';

/**
 * Moves one overdue request (a plan nobody confirmed, or approvals that did not come in time) to
 * `expired`, audited, and updates its cards. Returns the expired request, or undefined when another
 * click or the sweeper got there first.
 */
export async function expireRequest(deps: WorkflowDeps, request: ChangeRequest): Promise<ChangeRequest | undefined> {
  if (request.state !== 'pending' && request.state !== 'submitted') return undefined;
  const expired = await move(deps, request, 'expire', {
    patch: { updatedAt: deps.clock.now().toISOString() },
    record: (moved) => ({
      kind: 'request.expired',
      requestId: moved.id,
      actor: 'bot',
      data: { from: request.state, expiresAt: request.expiresAt },
    }),
  });
  if (!expired) return undefined;
  await publish(deps, expired);
  return expired;
}
