import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeRequest, RequestState } from '../../../bot/domain';
import { LIFECYCLE, type LifecycleEvent, lifecycleDiagram, nextState } from '../../../bot/requests/lifecycle';
import { move } from '../../../bot/requests/move-request';
import { ROOT } from '../../support/test-paths';

const STATES: RequestState[] = [
  'pending',
  'submitted',
  'confirmed',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'rejected',
  'expired',
  'superseded',
];
const EVENTS: LifecycleEvent[] = [
  'confirm',
  'submit',
  'vote',
  'approve',
  'reject',
  'cancel',
  'expire',
  'start',
  'drift',
  'succeed',
  'fail',
];

/** A store that records the compare-and-set it was asked for and answers as if it won; an audit log that takes all. */
function recordingStore() {
  const calls: Array<{ id: string; from: RequestState; version: number; state: RequestState }> = [];
  return {
    calls,
    store: {
      transition: async (id: string, from: RequestState, version: number, patch: { state: RequestState }) => {
        calls.push({ id, from, version, state: patch.state });
        return { id, state: patch.state, version: version + 1 } as ChangeRequest;
      },
    },
    audit: { append: async () => ({}) as never },
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
}

const record = (moved: ChangeRequest) => ({
  kind: 'request.confirmed' as const,
  requestId: moved.id,
  actor: 'u1',
  data: {},
});

describe('the request lifecycle', () => {
  const legal = LIFECYCLE.map((edge) => [edge.from, edge.event, edge.to] as const);
  const illegal = STATES.flatMap((from) =>
    EVENTS.filter((event) => !nextState(from, event)).map((event) => [from, event] as const),
  );

  it.each(legal)('moves a %s request by %s to %s, in one compare-and-set', async (from, event, to) => {
    const store = recordingStore();
    const moved = await move(store, { id: 'r1', state: from, version: 3 }, event, { patch: {}, record });
    expect(moved?.state).toBe(to);
    expect(store.calls).toEqual([{ id: 'r1', from, version: 3, state: to }]);
  });

  it.each(illegal)('refuses to move a %s request by %s, before touching the store', async (from, event) => {
    const store = recordingStore();
    await expect(
      move(store, { id: 'r1', state: from, version: 3 }, event, { patch: {}, record }),
    ).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    expect(store.calls).toEqual([]);
  });

  it('has no way out of a finished request', () => {
    for (const end of ['succeeded', 'failed', 'cancelled', 'rejected', 'expired', 'superseded'] as const)
      expect(LIFECYCLE.filter((edge) => edge.from === end)).toEqual([]);
  });

  it('is drawn in docs/request-lifecycle.md exactly as the table says', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'request-lifecycle.md'), 'utf8');
    expect(doc).toContain(lifecycleDiagram());
  });

  it('reports how many edges it checked', () => {
    console.log(`lifecycle: ${legal.length} legal edges moved, ${illegal.length} illegal ones refused`);
    expect(legal.length + illegal.length).toBe(STATES.length * EVENTS.length);
  });
});
