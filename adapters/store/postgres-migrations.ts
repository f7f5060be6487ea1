import type { Pool } from 'pg';

/**
 * The PostgreSQL store's schema as numbered, forward-only steps, like the embedded store's. Start-up runs
 * the steps a database lacks while holding a session advisory lock, so two instances starting at the same
 * moment apply each step once (the second waits, then finds nothing to do); a database written by a newer
 * release is refused instead of guessed at. A step is never edited after a release: add one.
 */
export interface PgMigration {
  version: number;
  does: string;
  sql: string;
}

/** pg_advisory_lock keys: one for migrations, one for the audit chain's appends. */
export const MIGRATION_LOCK = 0x7264_7301;
export const AUDIT_LOCK = 0x7264_7302;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    does: 'requests, the append-only audit chain and settings (as the embedded schema 2)',
    sql: `
CREATE TABLE requests (
  id text PRIMARY KEY, seq bigserial UNIQUE, version integer NOT NULL, state text NOT NULL,
  requester_oid text, body jsonb NOT NULL
);
CREATE INDEX requests_state ON requests (state, seq);
CREATE INDEX requests_requester ON requests (requester_oid, seq);
-- data is kept as the text that was hashed: jsonb would reorder its keys.
CREATE TABLE audit (
  seq bigint PRIMARY KEY, ts text NOT NULL, kind text NOT NULL, request_id text NOT NULL,
  actor text NOT NULL, data text NOT NULL, prev text NOT NULL, hash text NOT NULL
);
CREATE INDEX audit_request ON audit (request_id, seq);
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit is append-only'; END $$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();`,
  },
  {
    version: 2,
    does: 'leases with fencing tokens (a host being changed, a request being run), shared by every instance',
    sql: `
CREATE SEQUENCE lease_tokens;
CREATE TABLE leases (key text PRIMARY KEY, holder text NOT NULL, token bigint NOT NULL, expires_at timestamptz NOT NULL);
CREATE TABLE lease_fences (key text PRIMARY KEY, token bigint NOT NULL);`,
  },
  {
    version: 3,
    does: 'host calls as jobs, taken by any instance or by workers near the hosts (by tag)',
    sql: `
CREATE TABLE jobs (
  id bigserial PRIMARY KEY, request_id text NOT NULL, host text NOT NULL, tags text[] NOT NULL,
  call jsonb NOT NULL, state text NOT NULL DEFAULT 'queued', taken_by text, result jsonb,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(), taken_at timestamptz, finished_at timestamptz
);
CREATE INDEX jobs_queued ON jobs (id) WHERE state = 'queued';`,
  },
  {
    version: 4,
    does: 'the newest version of each card sent, so racing instances never send an older one after it',
    sql: `CREATE TABLE card_versions (card text PRIMARY KEY, version integer NOT NULL);`,
  },
  {
    version: 5,
    does: "a taken job's heartbeat, so its caller stops waiting for a worker that died",
    sql: `ALTER TABLE jobs ADD COLUMN alive_until timestamptz;`,
  },
];

export class NewerPgDatabaseError extends Error {
  constructor(found: number, known: number) {
    super(
      `the database was written by a newer release of the bot (schema ${found}; this release knows up to ${known}). ` +
        'Start the newer release, or restore a backup made by this one.',
    );
    this.name = 'NewerPgDatabaseError';
  }
}

/** Brings the database up to the newest step; returns the steps this call ran. */
export async function migratePg(pool: Pool, steps: readonly PgMigration[] = PG_MIGRATIONS): Promise<number[]> {
  const latest = steps.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, does text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > latest) throw new NewerPgDatabaseError(current, latest);
    const ran: number[] = [];
    for (const step of steps.filter((s) => s.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO schema_migrations (version, does) VALUES ($1, $2)', [step.version, step.does]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      ran.push(step.version);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
