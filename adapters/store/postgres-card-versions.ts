import type { Pool } from 'pg';
import type { CardVersions } from '../../bot/ports';

/**
 * Card versions in PostgreSQL: the send happens inside a transaction that holds the card's advisory lock
 * and reads the newest version sent, so of two instances updating one card the later-locked one sees
 * what the first sent, and an older version is dropped instead of overwriting a newer one on screen.
 */
export class PostgresCardVersions implements CardVersions {
  constructor(private readonly pool: Pool) {}

  async sendIfNewest(card: string, version: number, send: () => Promise<void>): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`card:${card}`]);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM card_versions WHERE card = $1', [
        card,
      ]);
      if ((rows[0]?.version ?? 0) > version) {
        await client.query('COMMIT');
        return false;
      }
      await send();
      await client.query(
        'INSERT INTO card_versions (card, version) VALUES ($1, $2) ON CONFLICT (card) DO UPDATE SET version = excluded.version',
        [card, version],
      );
      await client.query('COMMIT');
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
