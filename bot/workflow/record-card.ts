import type { WorkflowDeps } from './deps';
import type { PlanOutcome, ResubmitOutcome } from './outcomes';

/**
 * The chat card a new request lives on, recorded once the Teams layer has posted it (or replaced the
 * clicked card with it), so that later steps (running, done, expired) update that card in place.
 * Which outcomes start a request, and so own a card, is decided here, not in the Teams layer.
 *
 * Not a lifecycle move: the card id is not state, and a compare-and-set on the request's version
 * would lose it to a Confirm clicked in the same second; the store writes it on its own.
 */
export async function recordRequestCard(
  deps: WorkflowDeps,
  outcome: PlanOutcome | ResubmitOutcome,
  activityId: string | undefined,
  /** "Submit again": the old request; any other request in the outcome is the new one. */
  options: { replacing?: string } = {},
): Promise<void> {
  if (!activityId || !('request' in outcome) || !outcome.request) return;
  const started =
    options.replacing !== undefined
      ? outcome.request.id !== options.replacing
      : outcome.kind === 'planned' || outcome.kind === 'nothing-to-do';
  if (!started) return;
  await deps.store.setCardActivityId(outcome.request.id, activityId);
}
