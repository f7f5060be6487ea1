import type Database from 'better-sqlite3';

/**
 * The embedded store's schema as numbered, forward-only steps. `PRAGMA user_version` records the last
 * step a file has; opening a file runs the steps it lacks in one IMMEDIATE transaction (two processes
 * opening the same file at once apply each step once), and refuses a file written by a newer release
 * instead of guessing what its extra steps meant. A step is never edited after a release: add one.
 */
export interface Migration {
  version: number;
  does: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    does: 'requests, the append-only audit chain and settings (the schema of release 0.1.0)',
    sql: `
CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS requests_state ON requests(state);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, kind TEXT NOT NULL, request_id TEXT NOT NULL,
  actor TEXT NOT NULL, data TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;`,
  },
  {
    version: 2,
    does: "an index on the requester, for 'what is the status of my last request'",
    sql: `CREATE INDEX IF NOT EXISTS requests_requester ON requests(json_extract(body, '$.requester.oid'));`,
  },
];

export class NewerDatabaseError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      `${path} was written by a newer release of the bot (schema ${found}; this release knows up to ${known}). ` +
        'Start the newer release, or restore a backup made by this one.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Brings the file up to the newest step; returns the steps it ran. */
export function migrate(db: Database.Database, path: string): number[] {
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  const run = db.transaction((): number[] => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new NewerDatabaseError(path, current, latest);
    const pending = MIGRATIONS.filter((step) => step.version > current);
    for (const step of pending) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
    return pending.map((step) => step.version);
  });
  return run.immediate();
}
