import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../adapters/store/sqlite-store';
import { verifyChain } from '../../../bot/audit/audit-chain';
import type { ChangeRequest } from '../../../bot/domain';

const clock = { now: () => new Date('2026-11-28T10:00:00Z') };

function request(id: string): ChangeRequest {
  return {
    id,
    version: 1,
    state: 'pending',
    requester: { oid: 'o', name: 'n', tenantId: 't' },
    text: 't',
    operations: [],
    preview: [],
    fingerprint: 'f',
    createdAt: '',
    updatedAt: '',
    expiresAt: '',
    conversation: {},
  };
}

describe('the SQLite store (a real database file)', () => {
  const path = () => join(mkdtempSync(join(tmpdir(), 'rdsbot-store-')), 'bot.sqlite');

  it('moves a request once: the second compare-and-set from the same state loses', async () => {
    const store = new SqliteStore(path(), clock);
    await store.create(request('r-1'));
    const first = await store.transition('r-1', 'pending', 1, { state: 'confirmed' });
    const second = await store.transition('r-1', 'pending', 1, { state: 'cancelled' });
    expect(first?.state).toBe('confirmed');
    expect(second).toBeUndefined();
    expect((await store.get('r-1'))?.state).toBe('confirmed');
    store.close();
  });

  it('keeps requests and an intact audit chain across a reopen', async () => {
    const file = path();
    const store = new SqliteStore(file, clock);
    await store.create(request('r-2'));
    for (let i = 0; i < 3; i++)
      await store.append({ kind: 'request.planned', requestId: 'r-2', actor: 'o', data: { i } });
    store.close();
    const reopened = new SqliteStore(file, clock);
    expect((await reopened.get('r-2'))?.id).toBe('r-2');
    expect(verifyChain(reopened.auditRecords())).toMatchObject({ ok: true, count: 3 });
    reopened.close();
  });

  it('refuses to update or delete audit records through SQL', async () => {
    const file = path();
    const store = new SqliteStore(file, clock);
    await store.append({ kind: 'request.planned', requestId: 'r', actor: 'o', data: {} });
    store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow('append-only');
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow('append-only');
    db.close();
  });
});
