import type Database from 'better-sqlite3';
import { sealNext } from '../../bot/audit/audit-chain';
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditHead, AuditHeadSource, AuditLog, AuditQuery, AuditRecord, Clock } from '../../bot/ports';

export interface AuditRow {
  seq: number;
  ts: string;
  kind: string;
  request_id: string;
  actor: string;
  data: string;
  prev: string;
  hash: string;
}

/**
 * The hash-chained audit log in the embedded store. Appends run in an IMMEDIATE transaction, so two
 * processes sharing the file still produce one unbroken chain; triggers refuse UPDATE and DELETE.
 */
export class SqliteAuditLog implements AuditLog, AuditHeadSource {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const write = this.db.transaction((): AuditRecord => {
      const last = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      const record = sealNext(last, entry, this.clock.now());
      this.db
        .prepare(
          'INSERT INTO audit (seq, ts, kind, request_id, actor, data, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          record.seq,
          record.ts,
          record.kind,
          record.requestId,
          record.actor,
          JSON.stringify(record.data),
          record.prev,
          record.hash,
        );
      return record;
    });
    return write.immediate();
  }

  async query(filter: AuditQuery): Promise<AuditRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM audit WHERE (? IS NULL OR instr(data, ?) > 0) AND (? IS NULL OR ts >= ?) AND (? IS NULL OR request_id = ?) ORDER BY seq DESC LIMIT ?`,
      )
      .all(
        filter.host ?? null,
        filter.host ? JSON.stringify(filter.host) : null,
        filter.since ?? null,
        filter.since ?? null,
        filter.requestId ?? null,
        filter.requestId ?? null,
        filter.limit,
      ) as AuditRow[];
    return rows.map(toRecord);
  }

  /**
   * The head under SQLite's write lock (an IMMEDIATE transaction): no process can append until `take`
   * returns, so the checkpoint it signs names the head, and checkpoints of two processes never cross.
   * The log's id is made on first use and kept in settings.
   */
  async atHead<T>(take: (head: AuditHead) => T): Promise<T> {
    const run = this.db.transaction((): T => {
      this.db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('audit.log_id', ?)").run(randomUUID());
      const { value: logId } = this.db.prepare("SELECT value FROM settings WHERE key = 'audit.log_id'").get() as {
        value: string;
      };
      const last = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      return take({ logId, seq: last?.seq ?? 0, hash: last?.hash ?? '' });
    });
    return run.immediate();
  }

  /** Every audit record in order, for `npm run audit -- verify` and export. */
  *auditRecords(): Generator<AuditRecord> {
    for (const row of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      yield toRecord(row);
    }
  }
}

export function toRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    ts: row.ts,
    kind: row.kind as AuditRecord['kind'],
    requestId: row.request_id,
    actor: row.actor,
    data: safeParse(row.data),
    prev: row.prev,
    hash: row.hash,
  };
}

/** A record whose data no longer parses is still returned, so the verifier can name it. */
function safeParse(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unparseable: text };
  }
}
