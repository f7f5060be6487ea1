import { canonicalJson, canonicalRecord, GENESIS, hashRecord, verifyChain } from '../../../bot/audit/audit-chain';
import type { AuditRecord } from '../../../bot/ports';

function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const unsealed = {
      seq,
      ts: `2026-11-28T10:00:0${seq}Z`,
      kind: 'request.planned' as const,
      requestId: `r-${seq}`,
      actor: 'oid',
      data: { n: seq, text: 'héllo "x"' },
      prev,
    };
    const record = { ...unsealed, hash: hashRecord(unsealed) };
    records.push(record);
    prev = record.hash;
  }
  return records;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, count: 5 });
  });

  it.each([1, 2, 3, 4, 5])('names record %i when its content was changed', (k) => {
    const records = chain(5);
    records[k - 1] = { ...records[k - 1]!, data: { n: 999 } };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: k });
  });

  it('detects a deleted, a duplicated and a swapped record', () => {
    const records = chain(5);
    expect(verifyChain([...records.slice(0, 2), ...records.slice(3)])).toMatchObject({ ok: false, seq: 4 });
    expect(verifyChain([...records.slice(0, 3), records[2]!, ...records.slice(3)])).toMatchObject({
      ok: false,
      seq: 3,
    });
    expect(verifyChain([records[0]!, records[2]!, records[1]!, ...records.slice(3)])).toMatchObject({
      ok: false,
      seq: 3,
    });
  });

  it('detects an edited record whose own hash was recomputed (the next link breaks)', () => {
    const records = chain(3);
    const edited = { ...records[1]!, actor: 'someone-else' };
    records[1] = { ...edited, hash: hashRecord(edited) };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 3 });
  });

  it('hashes the same record the same way whatever the key order', () => {
    const [record] = chain(1);
    const reordered = JSON.parse(
      JSON.stringify({
        data: record!.data,
        prev: record!.prev,
        seq: record!.seq,
        ts: record!.ts,
        kind: record!.kind,
        requestId: record!.requestId,
        actor: record!.actor,
      }),
    );
    expect(hashRecord(reordered)).toBe(record!.hash);
  });
});

describe('a record written out for its hash', () => {
  it('is exactly the canonical JSON of its fields', () => {
    for (const record of chain(3)) {
      const { hash: _hash, ...unsealed } = record;
      expect(canonicalRecord(unsealed)).toBe(canonicalJson(unsealed));
    }
  });
});
