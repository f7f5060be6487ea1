import type { Pool, PoolClient } from 'pg';
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
const PAGE = 200;

type Body = { body: ChangeRequest };

/**
 * Requests in PostgreSQL: one row per request, its state and version as columns for the compare-and-set
 * and the request itself as jsonb. A move is one UPDATE guarded by (id, state, version), so of two
 * instances that take the same click only one moves it; the other gets undefined, as with SQLite.
 */
export class PostgresRequestStore implements RequestStore {
  constructor(private readonly pool: Pool) {}

  async create(request: ChangeRequest): Promise<void> {
    await this.pool.query(
      'INSERT INTO requests (id, version, state, requester_oid, body) VALUES ($1, $2, $3, $4, $5)',
      [request.id, request.version, request.state, request.requester.oid, JSON.stringify(request)],
    );
  }

  async get(id: string): Promise<ChangeRequest | undefined> {
    const { rows } = await this.pool.query<Body>('SELECT body FROM requests WHERE id = $1', [id]);
    return rows[0]?.body;
  }

  async transition(
    id: string,
    from: RequestState,
    version: number,
    patch: Partial<ChangeRequest> & { state: RequestState },
  ): Promise<ChangeRequest | undefined> {
    // The patch is applied as the core writes it ({ ...request, ...patch }: a key set to undefined goes),
    // which a jsonb merge would not do; the row lock keeps the read and the write one step.
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<Body>(
        'SELECT body FROM requests WHERE id = $1 AND state = $2 AND version = $3 FOR UPDATE',
        [id, from, version],
      );
      const row = rows[0];
      if (!row) return undefined;
      const next = JSON.parse(JSON.stringify({ ...row.body, ...patch, version: version + 1 })) as ChangeRequest;
      await client.query('UPDATE requests SET version = $2, state = $3, body = $4 WHERE id = $1', [
        id,
        next.version,
        next.state,
        JSON.stringify(next),
      ]);
      return next;
    });
  }

  async listByState(state: RequestState): Promise<ChangeRequest[]> {
    const { rows } = await this.pool.query<Body>('SELECT body FROM requests WHERE state = $1 ORDER BY seq', [state]);
    return rows.map((row) => row.body);
  }

  async setCardActivityId(id: string, activityId: string): Promise<void> {
    await this.annotate(id, withCardActivityId(activityId));
  }

  async setApprovalCardId(id: string, activityId: string): Promise<void> {
    await this.annotate(id, withApprovalCardId(activityId));
  }

  async listUnpublished(): Promise<ChangeRequest[]> {
    const { rows } = await this.pool.query<Body>(
      "SELECT body FROM requests WHERE body->>'unpublished' = 'true' ORDER BY seq",
    );
    return rows.map((row) => row.body);
  }

  async markPublished(id: string): Promise<void> {
    await this.annotate(id, published);
  }

  async setResubmittedAs(id: string, newId: string): Promise<void> {
    await this.annotate(id, withResubmittedAs(newId));
  }

  /** A change to where a request is shown, not to what it is: the row locked, no new version. */
  private async annotate(id: string, change: (body: ChangeRequest) => ChangeRequest): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<Body>('SELECT body FROM requests WHERE id = $1 FOR UPDATE', [id]);
      const row = rows[0];
      if (row)
        await client.query('UPDATE requests SET body = $2 WHERE id = $1', [id, JSON.stringify(change(row.body))]);
    });
  }

  async lastByRequester(oid: string): Promise<ChangeRequest | undefined> {
    const { rows } = await this.pool.query<Body>(
      'SELECT body FROM requests WHERE requester_oid = $1 ORDER BY seq DESC LIMIT 1',
      [oid],
    );
    return rows[0]?.body;
  }

  async changesOn(intent: Intent, host: string, since: string): Promise<ChangeRequest[]> {
    // Candidates by state and operation (a jsonb containment, not a text search); the rule itself is the core's.
    const { rows } = await this.pool.query<Body>(
      `SELECT body FROM requests WHERE state = ANY($1) AND body->'operations' @> $2::jsonb ORDER BY seq`,
      [ALL_COUNTED, JSON.stringify([{ intent }])],
    );
    return rows.map((row) => row.body).filter((request) => countsAgainstLimit(request, intent, host, since));
  }

  async lastChangeOn(hosts: string[]): Promise<ChangeRequest | undefined> {
    // Newest first, a page at a time until one fits: no cut-off, so an old change is still found (and undone).
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const { rows } = await this.pool.query<Body & { seq: string }>(
        'SELECT seq, body FROM requests WHERE state = ANY($1) AND seq < $2 ORDER BY seq DESC LIMIT $3',
        [FINISHED, before, PAGE],
      );
      const found = rows.find((row) => leftBackupOn(row.body, hosts));
      if (found) return found.body;
      if (rows.length < PAGE) return undefined;
      before = Number(rows.at(-1)?.seq);
    }
  }
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
