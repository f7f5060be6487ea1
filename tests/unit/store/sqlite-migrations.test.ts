import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../adapters/store/sqlite-store';
import { MIGRATIONS } from '../../../adapters/store/sqlite-migrations';
import { verifyChain } from '../../../bot/audit/audit-chain';

const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
const file = () => join(mkdtempSync(join(tmpdir(), 'rdsbot-migrate-')), 'bot.sqlite');

/** Exactly what release 0.1.0 ran when it opened a file (before schema versions existed). */
const RELEASE_0_1_0_SCHEMA = `
CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS requests_state ON requests(state);
CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, kind TEXT NOT NULL, request_id TEXT NOT NULL,
  actor TEXT NOT NULL, data TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;`;

describe('the embedded store schema', () => {
  it('opens a file written by release 0.1.0, upgraded, with its requests and audit chain intact', async () => {
    const path = file();
    // Release 0.1.0's file: its schema, then a request and an audit record written through today's store.
    const old = new Database(path);
    old.exec(RELEASE_0_1_0_SCHEMA);
    old.close();
    const first = new SqliteStore(path, clock);
    await first.append({ kind: 'request.planned', requestId: 'r1', actor: 'a', data: {} });
    first.close();
    const raw = new Database(path);
    raw.pragma('user_version = 0'); // as 0.1.0 left it
    raw.close();

    const upgraded = new SqliteStore(path, clock);
    const records = await upgraded.query({ limit: 10 });
    upgraded.close();
    expect(verifyChain([...records].reverse()).ok).toBe(true);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'requests_requester'").get()).toBeTruthy();
    check.close();
  });

  it('runs each step once, however often the file is opened', () => {
    const path = file();
    new SqliteStore(path, clock).close();
    new SqliteStore(path, clock).close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });

  it('refuses a file written by a newer release, and says so', () => {
    const path = file();
    new SqliteStore(path, clock).close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => new SqliteStore(path, clock)).toThrow(/written by a newer release of the bot \(schema 99/);
  });
});
