import type { Pool } from 'pg';
import type { HostLease, HostLeases } from '../../bot/ports';

/**
 * Leases in PostgreSQL (ADR 0019): a host being changed, or a request being run (`request:<id>`). A grant is one upsert that only wins over an expired row, so two
 * instances asking at once get one lease; the server's clock decides expiry, so instances' clocks need
 * not agree. Tokens come from one sequence. `fence` keeps, per key, the newest token that wrote a
 * result, and refuses an older one: the storage side of fencing, which a paused holder cannot get past.
 */
export class PostgresHostLeases implements HostLeases {
  constructor(private readonly pool: Pool) {}

  async tryAcquire(name: string, holder: string, ttlMs: number): Promise<HostLease | undefined> {
    const key = name.toUpperCase();
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO leases (key, holder, token, expires_at)
         VALUES ($1, $2, nextval('lease_tokens'), clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at
         WHERE leases.expires_at <= clock_timestamp()
       RETURNING token`,
      [key, holder, ttlMs],
    );
    return rows[0] ? { key, holder, token: Number(rows[0].token) } : undefined;
  }

  async renew(lease: HostLease, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
        WHERE key = $1 AND token = $2 AND expires_at > clock_timestamp()`,
      [lease.key, lease.token, ttlMs],
    );
    return rowCount === 1;
  }

  async fence(lease: HostLease): Promise<boolean> {
    // Refused when a newer lease holds the host now, or a newer token already wrote its result.
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO lease_fences (key, token)
         SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM leases WHERE key = $1 AND token > $2)
       ON CONFLICT (key) DO UPDATE SET token = excluded.token WHERE lease_fences.token <= excluded.token
       RETURNING token`,
      [lease.key, lease.token],
    );
    return rows.length === 1;
  }

  async release(lease: HostLease): Promise<void> {
    await this.pool.query('DELETE FROM leases WHERE key = $1 AND token = $2', [lease.key, lease.token]);
  }
}
