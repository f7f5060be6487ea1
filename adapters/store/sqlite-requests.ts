import type Database from 'better-sqlite3';
import type { ChangeRequest, Intent, RequestState } from '../../bot/domain';
import type { RequestStore } from '../../bot/ports';
import {
  published,
  withApprovalCardId,
  withCardActivityId,
  withResubmittedAs,
} from '../../bot/requests/card-annotations';
import { countsAgainstLimit, FINISHED, IN_FLIGHT, leftBackupOn } from '../../bot/requests/host-history';

const ALL_COUNTED = [...IN_FLIGHT, ...FINISHED];
const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/**
 * Requests in the embedded store: one row per request (its state and version as columns for the
 * compare-and-set, the request itself as JSON). Every move is a compare-and-set on (id, state,
 * version) inside an IMMEDIATE transaction.
 */
export class SqliteRequestStore implements RequestStore {
  constructor(private readonly db: Database.Database) {}

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
    this.annotate(id, withCardActivityId(activityId));
  }

  async setApprovalCardId(id: string, activityId: string): Promise<void> {
    this.annotate(id, withApprovalCardId(activityId));
  }

  async listUnpublished(): Promise<ChangeRequest[]> {
    const rows = this.db
      .prepare("SELECT body FROM requests WHERE json_extract(body, '$.unpublished') = 1 ORDER BY rowid")
      .all() as Array<{ body: string }>;
    return rows.map((row) => JSON.parse(row.body) as ChangeRequest);
  }

  async markPublished(id: string): Promise<void> {
    this.annotate(id, published);
  }

  async setResubmittedAs(id: string, newId: string): Promise<void> {
    this.annotate(id, withResubmittedAs(newId));
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
    // Candidates by state and operation (a JSON query, not a text search); the rule itself is the core's.
    const rows = this.db
      .prepare(
        `SELECT body FROM requests WHERE state IN (${placeholders(ALL_COUNTED)})
           AND EXISTS (SELECT 1 FROM json_each(body, '$.operations') WHERE json_extract(value, '$.intent') = ?)`,
      )
      .all(...ALL_COUNTED, intent) as Array<{ body: string }>;
    return rows
      .map((row) => JSON.parse(row.body) as ChangeRequest)
      .filter((request) => countsAgainstLimit(request, intent, host, since));
  }

  async lastChangeOn(hosts: string[]): Promise<ChangeRequest | undefined> {
    // Newest first, read lazily until one fits: no cut-off, so an old change is still found (and undone).
    const rows = this.db
      .prepare(`SELECT body FROM requests WHERE state IN (${placeholders(FINISHED)}) ORDER BY rowid DESC`)
      .iterate(...FINISHED) as IterableIterator<{ body: string }>;
    for (const row of rows) {
      const request = JSON.parse(row.body) as ChangeRequest;
      if (leftBackupOn(request, hosts)) return request;
    }
    return undefined;
  }
}
