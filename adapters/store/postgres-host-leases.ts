import type { Pool } from 'pg';
import type { HostLease, HostLeases } from '../../bot/ports';

/**
 * Host leases in PostgreSQL (ADR 0019). A grant is one upsert that only wins over an expired row, so two
 * instances asking at once get one lease; the server's clock decides expiry, so instances' clocks need
 * not agree. Tokens come from one sequence. `fence` keeps, per host, the newest token that wrote a
 * result, and refuses an older one: the storage side of fencing, which a paused holder cannot get past.
 */
export class PostgresHostLeases implements HostLeases {
  constructor(private readonly pool: Pool) {}

  async tryAcquire(host: string, holder: string, ttlMs: number): Promise<HostLease | undefined> {
    const key = host.toUpperCase();
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO host_leases (host, holder, token, expires_at)
         VALUES ($1, $2, nextval('host_lease_tokens'), clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (host) DO UPDATE SET holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at
         WHERE host_leases.expires_at <= clock_timestamp()
       RETURNING token`,
      [key, holder, ttlMs],
    );
    return rows[0] ? { host: key, holder, token: Number(rows[0].token) } : undefined;
  }

  async renew(lease: HostLease, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE host_leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
        WHERE host = $1 AND token = $2 AND expires_at > clock_timestamp()`,
      [lease.host, lease.token, ttlMs],
    );
    return rowCount === 1;
  }

  async fence(lease: HostLease): Promise<boolean> {
    // Refused when a newer lease holds the host now, or a newer token already wrote its result.
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO host_fences (host, token)
         SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM host_leases WHERE host = $1 AND token > $2)
       ON CONFLICT (host) DO UPDATE SET token = excluded.token WHERE host_fences.token <= excluded.token
       RETURNING token`,
      [lease.host, lease.token],
    );
    return rows.length === 1;
  }

  async release(lease: HostLease): Promise<void> {
    await this.pool.query('DELETE FROM host_leases WHERE host = $1 AND token = $2', [lease.host, lease.token]);
  }
}
