import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { sealNext } from '../../bot/audit/audit-chain';
import type { AuditEntry, AuditHead, AuditHeadSource, AuditLog, AuditQuery, AuditRecord, Clock } from '../../bot/ports';
import { AUDIT_LOCK } from './postgres-migrations';
import { inTransaction } from './postgres-requests';
import { toRecord, type AuditRow } from './sqlite-audit-log';

const PAGE = 1_000;
const HEAD = 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1';

/**
 * The hash-chained audit log in PostgreSQL, one chain for every instance and worker: an append holds a
 * transaction-scoped advisory lock while it reads the head and inserts the next record, so concurrent
 * writers queue instead of forking the chain, and `seq` as the primary key refuses a gap's twin. Triggers
 * refuse UPDATE, DELETE and TRUNCATE. A commit returns once the record is durable (synchronous_commit).
 */
export class PostgresAuditLog implements AuditLog, AuditHeadSource {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  append(entry: AuditEntry): Promise<AuditRecord> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      const last = (await client.query<{ seq: string; hash: string }>(HEAD)).rows[0];
      const record = sealNext(last && { seq: Number(last.seq), hash: last.hash }, entry, this.clock.now());
      await client.query(
        'INSERT INTO audit (seq, ts, kind, request_id, actor, data, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          record.seq,
          record.ts,
          record.kind,
          record.requestId,
          record.actor,
          JSON.stringify(record.data),
          record.prev,
          record.hash,
        ],
      );
      return record;
    });
  }

  async query(filter: AuditQuery): Promise<AuditRecord[]> {
    const { rows } = await this.pool.query<AuditRow & { seq: string }>(
      `SELECT * FROM audit WHERE ($1::text IS NULL OR strpos(data, $2) > 0) AND ($3::text IS NULL OR ts >= $3)
         AND ($4::text IS NULL OR request_id = $4) ORDER BY seq DESC LIMIT $5`,
      [
        filter.host ?? null,
        filter.host ? JSON.stringify(filter.host) : '',
        filter.since ?? null,
        filter.requestId ?? null,
        filter.limit,
      ],
    );
    return rows.map(fromRow);
  }

  /**
   * The head under the append lock: no instance can append until `take` returns, so the checkpoint it
   * signs names the head and two instances' checkpoints never cross. The log's id is made on first use.
   */
  atHead<T>(take: (head: AuditHead) => T): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      await client.query("INSERT INTO settings (key, value) VALUES ('audit.log_id', $1) ON CONFLICT (key) DO NOTHING", [
        randomUUID(),
      ]);
      const { rows } = await client.query<{ value: string }>("SELECT value FROM settings WHERE key = 'audit.log_id'");
      const last = (await client.query<{ seq: string; hash: string }>(HEAD)).rows[0];
      return take({ logId: rows[0]?.value ?? '', seq: Number(last?.seq ?? 0), hash: last?.hash ?? '' });
    });
  }

  /** Every audit record in order, a page at a time, for verification and export. */
  async *auditRecords(): AsyncGenerator<AuditRecord> {
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<AuditRow & { seq: string }>(
        'SELECT * FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, PAGE],
      );
      for (const row of rows) yield fromRow(row);
      if (rows.length < PAGE) return;
      after = Number(rows.at(-1)?.seq);
    }
  }
}

/** bigint columns come back as text from pg: seq is a number everywhere else. */
function fromRow(row: AuditRow & { seq: string | number }): AuditRecord {
  return toRecord({ ...row, seq: Number(row.seq) });
}
