import type { ChangeRequest, HostOutcome } from '../domain';
import { move } from '../requests/move-request';
import type { WorkflowDeps } from './deps';
import { publish } from './publish';

/**
 * Ends a run (or a request stopped just before it ran): `succeeded` only when every host succeeded,
 * otherwise `failed` with the reason; audited, and the cards updated.
 */
export async function finishRun(
  deps: WorkflowDeps,
  request: ChangeRequest,
  from: 'confirmed' | 'running',
  outcomes: HostOutcome[],
  failure?: string,
): Promise<ChangeRequest | undefined> {
  const succeeded = !failure && outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 'succeeded');
  const finished = await move(deps, request, succeeded ? 'succeed' : 'fail', {
    patch: {
      outcome: outcomes,
      updatedAt: deps.clock.now().toISOString(),
      unpublished: true,
      ...(failure ? { failure } : {}),
    },
    from,
    record: (moved) => ({
      kind: 'execution.finished',
      requestId: moved.id,
      actor: 'bot',
      data: { state: moved.state, failure: failure ?? null },
    }),
  });
  if (!finished) return undefined;
  await publish(deps, finished);
  await deps.store.markPublished(finished.id);
  const { unpublished: _, ...shown } = finished;
  return shown;
}
