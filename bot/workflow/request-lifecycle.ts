import type { RequestState } from '../domain';

/**
 * The request's states and the only moves between them. Every move is a compare-and-set in the
 * store, so a double click, a re-delivered invoke or two instances racing produce one move.
 *
 *   pending --confirm--> confirmed --start--> running --finish--> succeeded | failed
 *      |                     |
 *      +--cancel--> cancelled  +--audit failed--> failed
 */
const MOVES: Record<RequestState, RequestState[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['running', 'failed'],
  running: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
  cancelled: [],
};

export function canMove(from: RequestState, to: RequestState): boolean {
  return MOVES[from].includes(to);
}

export function isFinished(state: RequestState): boolean {
  return MOVES[state].length === 0;
}
