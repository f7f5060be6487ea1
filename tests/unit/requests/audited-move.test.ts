import type { ChangeRequest, RequestState } from '../../../bot/domain';
import type { AuditEntry } from '../../../bot/ports';
import { moveAudited } from '../../../bot/requests/audited-move';

function deps(options: { auditFails?: boolean; casLost?: boolean } = {}) {
  const moves: RequestState[] = [];
  const records: AuditEntry[] = [];
  return {
    moves,
    records,
    clock: { now: () => new Date('2026-12-01T12:00:00Z') },
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

const confirm = (d: ReturnType<typeof deps>) =>
  moveAudited(
    d,
    { id: 'r1', state: 'pending', version: 1 },
    'confirm',
    {},
    'pending',
    (moved) => ({ kind: 'request.confirmed', requestId: moved.id, actor: 'u1', data: {} }),
    'The audit log cannot be written, so nothing was changed.',
  );

describe('a move nothing may act on unaudited', () => {
  it('moves, then records the step', async () => {
    const d = deps();
    expect((await confirm(d))?.state).toBe('confirmed');
    expect(d.moves).toEqual(['confirmed']);
    expect(d.records.map((r) => r.kind)).toEqual(['request.confirmed']);
  });

  it('fails the request and stops with audit_unavailable when the record cannot be written', async () => {
    const d = deps({ auditFails: true });
    await expect(confirm(d)).rejects.toMatchObject({ code: 'audit_unavailable' });
    expect(d.moves).toEqual(['confirmed', 'failed']);
  });

  it('records nothing when someone else moved the request first', async () => {
    const d = deps({ casLost: true });
    expect(await confirm(d)).toBeUndefined();
    expect(d.records).toEqual([]);
  });
});
