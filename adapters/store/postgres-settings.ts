import type { Pool } from 'pg';
import type { AlertsChannel, ApprovalsChannel, SettingsStore } from '../../bot/ports';

/**
 * Bot-wide settings admins change in chat (the approvals and alerts channels), one row per key, shared
 * by every instance.
 */
export class PostgresSettingsStore implements SettingsStore {
  constructor(private readonly pool: Pool) {}

  async getApprovalsChannel(): Promise<ApprovalsChannel | undefined> {
    return this.read<ApprovalsChannel>('approvals.channel');
  }

  async setApprovalsChannel(channel: ApprovalsChannel): Promise<void> {
    await this.write('approvals.channel', channel);
  }

  async getAlertsChannel(): Promise<AlertsChannel | undefined> {
    return this.read<AlertsChannel>('alerts.channel');
  }

  async setAlertsChannel(channel: AlertsChannel): Promise<void> {
    await this.write('alerts.channel', channel);
  }

  private async read<T>(key: string): Promise<T | undefined> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0] ? (JSON.parse(rows[0].value) as T) : undefined;
  }

  private async write(key: string, value: unknown): Promise<void> {
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }
}
