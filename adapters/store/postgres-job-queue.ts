import type { Pool } from 'pg';
import type { CallQueue, CallResult, ExecutionRequest, TakenCall } from '../../bot/ports';

/** What a worker sends back: the report, or the failure the executor classified. */
export type JobResult = CallResult;
type Job = TakenCall;

/**
 * Host calls as rows (ADR 0020): the instance that runs a request queues one job per host call and
 * waits for its result; any instance or worker takes queued jobs with `FOR UPDATE SKIP LOCKED`, so two
 * takers never get the same job and neither waits for the other. A worker limited to tags only ever
 * sees jobs whose host carries one of them. A job nobody took in time is expired by its caller, and a
 * worker can then no longer take it: a late start cannot surprise anyone.
 */
export class PostgresJobQueue implements CallQueue {
  constructor(private readonly pool: Pool) {}

  async enqueue(call: ExecutionRequest): Promise<number> {
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO jobs (request_id, host, tags, call) VALUES ($1, $2, $3, $4) RETURNING id',
      [call.requestId, call.host.name.toUpperCase(), call.host.tags, JSON.stringify(call)],
    );
    return Number(rows[0]?.id);
  }

  /** The next queued job for these tags (any tag when none are given), now taken by `worker`. */
  async take(worker: string, tags: readonly string[], ttlMs: number): Promise<Job | undefined> {
    const { rows } = await this.pool.query<{ id: string; call: ExecutionRequest }>(
      `UPDATE jobs SET state = 'running', taken_by = $1, taken_at = clock_timestamp(),
              alive_until = clock_timestamp() + $3 * interval '1 millisecond'
        WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND (cardinality($2::text[]) = 0 OR tags && $2::text[])
                     ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, call`,
      [worker, tags, ttlMs],
    );
    const row = rows[0];
    return row ? { id: Number(row.id), call: row.call } : undefined;
  }

  /** The taker's result; false when the job is no longer this worker's (its caller gave up on it). */
  async finish(id: number, worker: string, result: JobResult): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET state = 'done', result = $3, finished_at = clock_timestamp()
        WHERE id = $1 AND taken_by = $2 AND state = 'running'`,
      [id, worker, JSON.stringify(result)],
    );
    return rowCount === 1;
  }

  async beat(worker: string, ids: number[], ttlMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query(
      `UPDATE jobs SET alive_until = clock_timestamp() + $3 * interval '1 millisecond'
        WHERE id = ANY($1) AND taken_by = $2 AND state = 'running'`,
      [ids, worker, ttlMs],
    );
  }

  /** Where a job stands: its result once finished, or whether the worker holding it stopped beating. */
  async status(id: number): Promise<{ result?: JobResult; workerGone: boolean; takenMsAgo?: number }> {
    const { rows } = await this.pool.query<{
      result: JobResult | null;
      state: string;
      gone: boolean | null;
      ago: number | null;
    }>(
      `SELECT result, state, alive_until < clock_timestamp() AS gone,
              (extract(epoch FROM clock_timestamp() - taken_at) * 1000)::float8 AS ago FROM jobs WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return {
      ...(row?.state === 'done' && row.result ? { result: row.result } : {}),
      workerGone: row?.state === 'running' && row.gone === true,
      ...(row?.ago != null ? { takenMsAgo: row.ago } : {}),
    };
  }

  /** Gives up on a job: a queued one is never taken now; says whether a worker had taken it. */
  async expire(id: number): Promise<'never taken' | 'taken'> {
    const { rows } = await this.pool.query<{ state: string }>(
      "UPDATE jobs SET state = CASE WHEN state = 'queued' THEN 'expired' ELSE state END WHERE id = $1 RETURNING state",
      [id],
    );
    return rows[0]?.state === 'expired' ? 'never taken' : 'taken';
  }
}
