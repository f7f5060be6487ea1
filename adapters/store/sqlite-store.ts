import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENESIS, hashRecord } from '../../bot/audit/audit-chain';
import type { ChangeRequest, Intent, RequestState } from '../../bot/domain';
import { migrate } from './sqlite-migrations';
import type {
  ApprovalsChannel,
  AuditEntry,
  AuditLog,
  AuditQuery,
  AuditRecord,
  Clock,
  RequestStore,
  SettingsStore,
} from '../../bot/ports';

interface AuditRow {
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
 * The embedded store: one SQLite file (better-sqlite3) for requests and the audit chain. WAL with
 * synchronous=FULL, so a committed request or audit record survives kill -9 and power loss.
 * Transitions are compare-and-set on (id, state, version); audit appends run in an IMMEDIATE
 * transaction so two processes sharing the file still produce one unbroken chain.
 */
export class SqliteStore implements RequestStore, AuditLog, SettingsStore {
  private readonly db: Database.Database;

  constructor(
    readonly path: string,
    private readonly clock: Clock,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, path);
  }

  close(): void {
    this.db.close();
  }

  async create(request: ChangeRequest): Promise<void> {
    this.db
      .prepare('INSERT INTO requests (id, version, state, body) VALUES (?, ?, ?, ?)')
      .run(request.id, request.version, request.state, JSON.stringify(request));
  }

  async get(id: string): Promise<ChangeRequest | undefined> {
    const row = this.db.prepare('SELECT body FROM requests WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as ChangeRequest) : undefined;
  }

  async transition(
    id: string,
    from: RequestState,
    version: number,
    patch: Partial<ChangeRequest> & { state: RequestState },
  ): Promise<ChangeRequest | undefined> {
    const move = this.db.transaction((): ChangeRequest | undefined => {
      const row = this.db
        .prepare('SELECT body FROM requests WHERE id = ? AND state = ? AND version = ?')
        .get(id, from, version) as { body: string } | undefined;
      if (!row) return undefined;
      const next: ChangeRequest = { ...(JSON.parse(row.body) as ChangeRequest), ...patch, version: version + 1 };
      const changed = this.db
        .prepare('UPDATE requests SET version = ?, state = ?, body = ? WHERE id = ? AND state = ? AND version = ?')
        .run(next.version, next.state, JSON.stringify(next), id, from, version);
      return changed.changes === 1 ? next : undefined;
    });
    return move.immediate();
  }

  async listByState(state: RequestState): Promise<ChangeRequest[]> {
    const rows = this.db.prepare('SELECT body FROM requests WHERE state = ? ORDER BY rowid').all(state) as Array<{
      body: string;
    }>;
    return rows.map((row) => JSON.parse(row.body) as ChangeRequest);
  }

  async setCardActivityId(id: string, activityId: string): Promise<void> {
    this.annotate(id, (body) => ({ ...body, cardActivityId: activityId }));
  }

  async setApprovalCardId(id: string, activityId: string): Promise<void> {
    this.annotate(id, (body) =>
      body.approval?.channel
        ? { ...body, approval: { ...body.approval, channel: { ...body.approval.channel, activityId } } }
        : body,
    );
  }

  async setResubmittedAs(id: string, newId: string): Promise<void> {
    this.annotate(id, (body) =>
      body.approval ? { ...body, approval: { ...body.approval, resubmittedAs: newId } } : body,
    );
  }

  /** A change to where a request is shown, not to what it is: atomic, but no new version. */
  private annotate(id: string, change: (body: ChangeRequest) => ChangeRequest): void {
    const update = this.db.transaction(() => {
      const row = this.db.prepare('SELECT body FROM requests WHERE id = ?').get(id) as { body: string } | undefined;
      if (!row) return;
      this.db
        .prepare('UPDATE requests SET body = ? WHERE id = ?')
        .run(JSON.stringify(change(JSON.parse(row.body) as ChangeRequest)), id);
    });
    update.immediate();
  }

  async lastByRequester(oid: string): Promise<ChangeRequest | undefined> {
    const row = this.db
      .prepare("SELECT body FROM requests WHERE json_extract(body, '$.requester.oid') = ? ORDER BY rowid DESC LIMIT 1")
      .get(oid) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as ChangeRequest) : undefined;
  }

  async changesOn(intent: Intent, host: string, since: string): Promise<ChangeRequest[]> {
    const rows = this.db
      .prepare(
        `SELECT body FROM requests WHERE state IN ('submitted', 'confirmed', 'running', 'succeeded', 'failed') AND instr(body, ?) > 0`,
      )
      .all(JSON.stringify(intent)) as Array<{ body: string }>;
    const name = host.toLowerCase();
    return rows
      .map((row) => JSON.parse(row.body) as ChangeRequest)
      .filter((request) =>
        request.operations.some(
          (operation) =>
            operation.intent === intent && operation.targets.some((target) => target.toLowerCase() === name),
        ),
      )
      .filter((request) => {
        if (request.state === 'submitted' || request.state === 'confirmed' || request.state === 'running') return true;
        // Finished: counts only if it changed this host, and only inside the window.
        const changed = (request.outcome ?? []).some(
          (outcome) => outcome.host.toLowerCase() === name && outcome.report?.changed && !outcome.report.whatIf,
        );
        return changed && request.updatedAt >= since;
      });
  }

  async lastChangeOn(hosts: string[]): Promise<ChangeRequest | undefined> {
    const names = new Set(hosts.map((host) => host.toLowerCase()));
    const rows = this.db
      // Newest first, read lazily until one fits: no cut-off, so an old change is still found (and undone).
      .prepare("SELECT body FROM requests WHERE state IN ('succeeded', 'failed') ORDER BY rowid DESC")
      .iterate() as IterableIterator<{ body: string }>;
    for (const row of rows) {
      const request = JSON.parse(row.body) as ChangeRequest;
      const changed = (request.outcome ?? []).some(
        (outcome) =>
          names.has(outcome.host.toLowerCase()) &&
          outcome.report?.changed &&
          !outcome.report.whatIf &&
          outcome.report.backup,
      );
      if (changed) return request;
    }
    return undefined;
  }

  async getApprovalsChannel(): Promise<ApprovalsChannel | undefined> {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'approvals.channel'").get() as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as ApprovalsChannel) : undefined;
  }

  async setApprovalsChannel(channel: ApprovalsChannel): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('approvals.channel', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(channel));
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const write = this.db.transaction((): AuditRecord => {
      const last = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      const unsealed = {
        seq: (last?.seq ?? 0) + 1,
        ts: this.clock.now().toISOString(),
        kind: entry.kind,
        requestId: entry.requestId,
        actor: entry.actor,
        data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>,
        prev: last?.hash ?? GENESIS,
      };
      const record: AuditRecord = { ...unsealed, hash: hashRecord(unsealed) };
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
        `SELECT * FROM audit WHERE (? IS NULL OR instr(data, ?) > 0) AND (? IS NULL OR ts >= ?) ORDER BY seq DESC LIMIT ?`,
      )
      .all(
        filter.host ?? null,
        filter.host ? JSON.stringify(filter.host) : null,
        filter.since ?? null,
        filter.since ?? null,
        filter.limit,
      ) as AuditRow[];
    return rows.map(toRecord);
  }

  /** Every audit record in order, for `npm run audit -- verify` and export. */
  *auditRecords(): Generator<AuditRecord> {
    for (const row of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      yield toRecord(row);
    }
  }
}

function toRecord(row: AuditRow): AuditRecord {
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
