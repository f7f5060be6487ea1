import type { Pool } from 'pg';
import { openReadOnly } from './sqlite-audit-reader';

export interface CopyCounts {
  requests: number;
  settings: number;
  records: number;
}

export class TargetNotEmptyError extends Error {
  constructor(what: string) {
    super(`the PostgreSQL database already holds ${what}: copy into an empty one (nothing was copied)`);
    this.name = 'TargetNotEmptyError';
  }
}

/**
 * Copies an embedded database into a migrated, empty PostgreSQL one in one transaction (ADR 0018):
 * requests in the order they were made, settings (the audit log's id with them, so its checkpoints go
 * on), and the audit records byte for byte (the data text that was hashed). The file is only read.
 * The caller verifies the copy; a failure part way leaves PostgreSQL as it was.
 */
export async function copySqliteToPostgres(file: string, pool: Pool): Promise<CopyCounts> {
  const source = openReadOnly(file);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const table of ['requests', 'audit', 'settings']) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      if (Number(rows[0]?.n) > 0) throw new TargetNotEmptyError(`rows in ${table}`);
    }
    const counts: CopyCounts = { requests: 0, settings: 0, records: 0 };
    const requests = source
      .prepare('SELECT id, version, state, body FROM requests ORDER BY rowid')
      .iterate() as IterableIterator<{
      id: string;
      version: number;
      state: string;
      body: string;
    }>;
    for (const row of requests) {
      const oid = (JSON.parse(row.body) as { requester?: { oid?: string } }).requester?.oid ?? null;
      await client.query('INSERT INTO requests (id, version, state, requester_oid, body) VALUES ($1, $2, $3, $4, $5)', [
        row.id,
        row.version,
        row.state,
        oid,
        row.body,
      ]);
      counts.requests += 1;
    }
    for (const row of source.prepare('SELECT key, value FROM settings').all() as Array<{
      key: string;
      value: string;
    }>) {
      await client.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [row.key, row.value]);
      counts.settings += 1;
    }
    const records = source.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<
      Record<string, unknown>
    >;
    for (const row of records) {
      await client.query(
        'INSERT INTO audit (seq, ts, kind, request_id, actor, data, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [row.seq, row.ts, row.kind, row.request_id, row.actor, row.data, row.prev, row.hash],
      );
      counts.records += 1;
    }
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    source.close();
  }
}
