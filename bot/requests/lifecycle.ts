import type { RequestState } from '../domain';

/**
 * The request lifecycle as data: every legal move is one row (state, event, next state, audit mode).
 * `move` (move-request.ts) is the only way the workflow changes a request's state and the only writer
 * of state-change audit records. `docs/request-lifecycle.md` is generated from this table and a test
 * keeps the two equal.
 *
 * The audit mode of a step:
 * - `fail-closed`: something will act on the new state (hosts run, approvers see it), so the record
 *   must be written before anything acts; if the audit log cannot take it, the request moves on to
 *   `failed` and the step stops with `audit_unavailable`.
 * - `after`: the step ends or stops the request; the record is written after the fact and a failure
 *   to write it is logged, because refusing to cancel or expire would leave more to run, not less.
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

export type AuditMode = 'fail-closed' | 'after';

export interface Edge {
  from: RequestState;
  event: LifecycleEvent;
  to: RequestState;
  audit: AuditMode;
  /** Why the edge exists, for the generated diagram. */
  when: string;
}

const row = (from: RequestState, event: LifecycleEvent, to: RequestState, audit: AuditMode, when: string): Edge => ({
  from,
  event,
  to,
  audit,
  when,
});

export const LIFECYCLE: readonly Edge[] = [
  row('pending', 'confirm', 'confirmed', 'fail-closed', 'the requester confirms a low-risk plan'),
  row('pending', 'submit', 'submitted', 'fail-closed', 'a risky plan goes to the approvers'),
  row('pending', 'cancel', 'cancelled', 'after', 'the requester cancels'),
  row('pending', 'expire', 'expired', 'after', 'nobody confirmed in time'),
  row('submitted', 'vote', 'submitted', 'fail-closed', 'one approver of several approves'),
  row('submitted', 'approve', 'confirmed', 'fail-closed', 'the last approval needed comes in'),
  row('submitted', 'reject', 'rejected', 'after', 'an approver rejects'),
  row('submitted', 'cancel', 'cancelled', 'after', 'the requester withdraws it, or its card could not be posted'),
  row('submitted', 'expire', 'expired', 'after', 'the approvals did not come in time'),
  row('submitted', 'fail', 'failed', 'after', 'the audit log could not record a vote'),
  row('confirmed', 'start', 'running', 'fail-closed', 'execution begins (once, compare-and-set)'),
  row('confirmed', 'drift', 'superseded', 'after', 'the hosts changed after approval'),
  row('confirmed', 'fail', 'failed', 'after', 'refused or not auditable just before running'),
  row('running', 'succeed', 'succeeded', 'after', 'every host succeeded'),
  row('running', 'fail', 'failed', 'after', 'a host failed, the run was interrupted, or "started" was not auditable'),
];

/** The edge an event takes from a state, or undefined when the table has none. */
export function edgeFor(from: RequestState, event: LifecycleEvent): Edge | undefined {
  return LIFECYCLE.find((edge) => edge.from === from && edge.event === event);
}

/** The state an event leads to from a state, or undefined when the table has no such edge. */
export function nextState(from: RequestState, event: LifecycleEvent): RequestState | undefined {
  return edgeFor(from, event)?.to;
}

/** The diagram in docs/request-lifecycle.md, one line per edge. */
export function lifecycleDiagram(): string {
  const rows = LIFECYCLE.map((edge) => `| ${edge.from} | ${edge.event} | ${edge.to} | ${edge.audit} | ${edge.when} |`);
  return ['| from | event | to | audit | when |', '|---|---|---|---|---|', ...rows].join('\n');
}
