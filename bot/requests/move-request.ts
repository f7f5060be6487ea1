import type { ChangeRequest, RequestState } from '../domain';
import { BotError, type Logger } from '../errors';
import type { AuditEntry, AuditLog, Clock, RequestStore } from '../ports';
import { edgeFor, type LifecycleEvent } from './lifecycle';

export interface MoveDeps {
  store: Pick<RequestStore, 'transition'>;
  audit: Pick<AuditLog, 'append'>;
  clock: Clock;
  log: Logger;
}

export type Patch = Omit<Partial<ChangeRequest>, 'state' | 'id' | 'version'>;

export interface Step {
  /** Written with the new state in the same compare-and-set. */
  patch: Patch;
  /** The state the caller read the request in; by default its own. */
  from?: RequestState;
  /** The audit record of the step, made from the moved request. */
  record: (moved: ChangeRequest) => AuditEntry;
  /** Fail-closed steps: the sentence the user reads when the audit log cannot take the record. */
  refusal?: string;
}

const DEFAULT_REFUSAL = 'The audit log is not taking records now (an admin must look at it), so nothing was changed.';

/**
 * Moves `request` by `event`: the compare-and-set first (a race yields one move and one record), then
 * the audit record, written the way the lifecycle table says for that edge. A move the table lacks is
 * a bug in the caller and throws before the store is touched. Returns the moved request, or undefined
 * when it was no longer in `from` at its version (someone else got there first: a double click, a
 * re-delivered invoke, another instance); nothing is recorded then.
 */
export async function move(
  deps: MoveDeps,
  request: Pick<ChangeRequest, 'id' | 'state' | 'version'>,
  event: LifecycleEvent,
  step: Step,
): Promise<ChangeRequest | undefined> {
  const from = step.from ?? request.state;
  const edge = edgeFor(from, event);
  if (!edge)
    throw new BotError('illegal_transition', 'That step is not possible for this request.', {
      cause: new Error(`no lifecycle edge ${from} --${event}-->`),
    });
  const moved = await deps.store.transition(request.id, from, request.version, { ...step.patch, state: edge.to });
  if (!moved) return undefined;
  const entry = step.record(moved);
  try {
    await deps.audit.append(entry);
  } catch (cause) {
    if (edge.audit === 'after') {
      deps.log.warn(`could not audit ${entry.kind}`, { requestId: entry.requestId, error: String(cause) });
      return moved;
    }
    await failUnaudited(deps, moved);
    throw new BotError('audit_unavailable', step.refusal ?? DEFAULT_REFUSAL, { cause });
  }
  return moved;
}

/**
 * A fail-closed step the audit log could not take: nothing may act on it, so the request ends as
 * failed. This move has no record of its own (the log is what failed); the log line says why.
 */
async function failUnaudited(deps: MoveDeps, moved: ChangeRequest): Promise<void> {
  const edge = edgeFor(moved.state, 'fail');
  if (!edge) return;
  deps.log.error('audit unavailable; the request fails and nothing acts on it', { requestId: moved.id });
  await deps.store.transition(moved.id, moved.state, moved.version, {
    outcome: [],
    updatedAt: deps.clock.now().toISOString(),
    failure: 'audit_unavailable',
    state: edge.to,
  });
}
