import type { ChangeRequest, RequestState } from '../../../bot/domain';
import type { AuditEntry } from '../../../bot/ports';
import { LIFECYCLE } from '../../../bot/requests/lifecycle';
import { move } from '../../../bot/requests/move-request';

function deps(options: { auditFails?: boolean; casLost?: boolean } = {}) {
  const moves: RequestState[] = [];
  const records: AuditEntry[] = [];
  const warnings: string[] = [];
  return {
    moves,
    records,
    warnings,
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
    log: { info: () => undefined, warn: (message: string) => void warnings.push(message), error: () => undefined },
    store: {
      transition: async (id: string, _from: RequestState, version: number, patch: { state: RequestState }) => {
        if (options.casLost) return undefined;
        moves.push(patch.state);
        return { id, state: patch.state, version: version + 1 } as ChangeRequest;
      },
    },
    audit: {
      append: async (entry: AuditEntry) => {
        if (options.auditFails) throw new Error('disk full');
        records.push(entry);
        return entry as never;
      },
    },
  };
}

const step = {
  patch: {},
  record: (moved: ChangeRequest) => ({
    kind: 'request.confirmed' as const,
    requestId: moved.id,
    actor: 'u1',
    data: {},
  }),
};
const pending = { id: 'r1', state: 'pending' as const, version: 1 };

describe('a move and its audit record', () => {
  it('moves, then records the step', async () => {
    const d = deps();
    expect((await move(d, pending, 'confirm', step))?.state).toBe('confirmed');
    expect(d.moves).toEqual(['confirmed']);
    expect(d.records.map((r) => r.kind)).toEqual(['request.confirmed']);
  });

  it('fails the request and stops with audit_unavailable when a fail-closed step cannot be recorded', async () => {
    const d = deps({ auditFails: true });
    await expect(move(d, pending, 'confirm', step)).rejects.toMatchObject({ code: 'audit_unavailable' });
    expect(d.moves).toEqual(['confirmed', 'failed']);
  });

  it('keeps a step recorded after the fact when the record cannot be written, and logs it', async () => {
    const d = deps({ auditFails: true });
    expect((await move(d, pending, 'cancel', step))?.state).toBe('cancelled');
    expect(d.moves).toEqual(['cancelled']);
    expect(d.warnings).toEqual(['could not audit request.confirmed']);
  });

  it('records nothing when someone else moved the request first', async () => {
    const d = deps({ casLost: true });
    expect(await move(d, pending, 'confirm', step)).toBeUndefined();
    expect(d.records).toEqual([]);
  });

  it('audits before anything acts on every step that lets hosts run or approvers see it', () => {
    const failClosed = LIFECYCLE.filter((edge) => edge.audit === 'fail-closed').map((edge) => edge.event);
    expect(failClosed).toEqual(['confirm', 'submit', 'vote', 'approve', 'start']);
  });

  it('can fail every fail-closed step, so an unauditable step never leaves a request that could act', () => {
    for (const edge of LIFECYCLE.filter((e) => e.audit === 'fail-closed'))
      expect(LIFECYCLE.some((e) => e.from === edge.to && e.event === 'fail')).toBe(true);
  });
});
