import type { Pool } from 'pg';
import type { ApprovalsChannel, SettingsStore } from '../../bot/ports';

/** Bot-wide settings admins change in chat (the approvals channel), one row per key, shared by every instance. */
export class PostgresSettingsStore implements SettingsStore {
  constructor(private readonly pool: Pool) {}

  async getApprovalsChannel(): Promise<ApprovalsChannel | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'approvals.channel'",
    );
    return rows[0] ? (JSON.parse(rows[0].value) as ApprovalsChannel) : undefined;
  }

  async setApprovalsChannel(channel: ApprovalsChannel): Promise<void> {
    await this.pool.query(
      "INSERT INTO settings (key, value) VALUES ('approvals.channel', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [JSON.stringify(channel)],
    );
  }
}
