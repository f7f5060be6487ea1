import type { ChangeRequest, RequestState } from '../domain';
import { BotError } from '../errors';
import type { AuditEntry, AuditLog, Clock, RequestStore } from '../ports';
import { type LifecycleEvent, move } from './lifecycle';

interface Deps {
  store: Pick<RequestStore, 'transition'>;
  audit: Pick<AuditLog, 'append'>;
  clock: Clock;
}

/**
 * A move that nothing may act on unaudited (a confirmation, a submission for approval, an approval):
 * the compare-and-set first, so a race yields one move and one record; then the record. If the audit
 * log cannot take it, the request moves on to `failed` (nothing will run it) and the step stops with
 * `audit_unavailable` and `refusal`, the sentence the user reads. Returns undefined when the request
 * had moved on before the compare-and-set (someone else got there first).
 */
export async function moveAudited(
  deps: Deps,
  request: Pick<ChangeRequest, 'id' | 'state' | 'version'>,
  event: LifecycleEvent,
  patch: Parameters<typeof move>[3],
  from: RequestState,
  entry: (moved: ChangeRequest) => AuditEntry,
  refusal: string,
): Promise<ChangeRequest | undefined> {
  const moved = await move(deps.store, request, event, patch, from);
  if (!moved) return undefined;
  try {
    await deps.audit.append(entry(moved));
  } catch (cause) {
    await move(deps.store, moved, 'fail', { outcome: [], updatedAt: deps.clock.now().toISOString() });
    throw new BotError('audit_unavailable', refusal, { cause });
  }
  return moved;
}
