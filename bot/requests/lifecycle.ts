import type { ChangeRequest, RequestState } from '../domain';
import { BotError } from '../errors';
import type { RequestStore } from '../ports';

/**
 * The request lifecycle as data: every legal move is one row (state, event, next state), and `move`
 * is the only way the workflow changes a request's state. A move the table lacks is a bug in the
 * caller, so it throws before the store is touched; a move the store refuses (someone else got
 * there first: a double click, a re-delivered invoke, two instances) returns undefined.
 * `docs/request-lifecycle.md` is generated from this table and a test keeps the two equal.
 */
export type LifecycleEvent =
  | 'confirm'
  | 'submit'
  | 'vote'
  | 'approve'
  | 'reject'
  | 'cancel'
  | 'expire'
  | 'start'
  | 'drift'
  | 'succeed'
  | 'fail';

export interface Edge {
  from: RequestState;
  event: LifecycleEvent;
  to: RequestState;
  /** Why the edge exists, for the generated diagram. */
  when: string;
}

export const LIFECYCLE: readonly Edge[] = [
  { from: 'pending', event: 'confirm', to: 'confirmed', when: 'the requester confirms a low-risk plan' },
  { from: 'pending', event: 'submit', to: 'submitted', when: 'a risky plan goes to the approvers' },
  { from: 'pending', event: 'cancel', to: 'cancelled', when: 'the requester cancels' },
  { from: 'pending', event: 'expire', to: 'expired', when: 'nobody confirmed in time' },
  { from: 'submitted', event: 'vote', to: 'submitted', when: 'one approver of several approves' },
  { from: 'submitted', event: 'approve', to: 'confirmed', when: 'the last approval needed comes in' },
  { from: 'submitted', event: 'reject', to: 'rejected', when: 'an approver rejects' },
  { from: 'submitted', event: 'cancel', to: 'cancelled', when: 'the requester withdraws it' },
  { from: 'submitted', event: 'expire', to: 'expired', when: 'the approvals did not come in time' },
  { from: 'submitted', event: 'fail', to: 'failed', when: 'the audit log could not record the step' },
  { from: 'confirmed', event: 'start', to: 'running', when: 'execution begins (once, compare-and-set)' },
  { from: 'confirmed', event: 'drift', to: 'superseded', when: 'the hosts changed after approval' },
  { from: 'confirmed', event: 'fail', to: 'failed', when: 'refused or not auditable just before running' },
  { from: 'running', event: 'succeed', to: 'succeeded', when: 'every host succeeded' },
  { from: 'running', event: 'fail', to: 'failed', when: 'a host failed, or the run was interrupted' },
];

/** The state an event leads to from a state, or undefined when the table has no such edge. */
export function nextState(from: RequestState, event: LifecycleEvent): RequestState | undefined {
  return LIFECYCLE.find((edge) => edge.from === from && edge.event === event)?.to;
}

type Patch = Omit<Partial<ChangeRequest>, 'state' | 'id' | 'version'>;

/**
 * Moves `request` by `event` from `from` (the state the caller read it in, by default its own),
 * writing `patch` with the new state in the same compare-and-set. Returns the updated request, or
 * undefined when it was no longer in `from` at its version.
 */
export async function move(
  store: Pick<RequestStore, 'transition'>,
  request: Pick<ChangeRequest, 'id' | 'state' | 'version'>,
  event: LifecycleEvent,
  patch: Patch,
  from: RequestState = request.state,
): Promise<ChangeRequest | undefined> {
  const to = nextState(from, event);
  if (!to)
    throw new BotError('illegal_transition', 'That step is not possible for this request.', {
      cause: new Error(`no lifecycle edge ${from} --${event}-->`),
    });
  return store.transition(request.id, from, request.version, { ...patch, state: to });
}

/** The diagram in docs/request-lifecycle.md, one line per edge. */
export function lifecycleDiagram(): string {
  const rows = LIFECYCLE.map((edge) => `| ${edge.from} | ${edge.event} | ${edge.to} | ${edge.when} |`);
  return ['| from | event | to | when |', '|---|---|---|---|', ...rows].join('\n');
}
