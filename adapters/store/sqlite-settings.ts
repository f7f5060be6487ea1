import type Database from 'better-sqlite3';
import type { AlertsChannel, ApprovalsChannel, SettingsStore } from '../../bot/ports';

/** Bot-wide settings admins change in chat (the approvals and alerts channels), one row per key. */
export class SqliteSettingsStore implements SettingsStore {
  constructor(private readonly db: Database.Database) {}

  async getApprovalsChannel(): Promise<ApprovalsChannel | undefined> {
    return this.read<ApprovalsChannel>('approvals.channel');
  }

  async setApprovalsChannel(channel: ApprovalsChannel): Promise<void> {
    this.write('approvals.channel', channel);
  }

  async getAlertsChannel(): Promise<AlertsChannel | undefined> {
    return this.read<AlertsChannel>('alerts.channel');
  }

  async setAlertsChannel(channel: AlertsChannel): Promise<void> {
    this.write('alerts.channel', channel);
  }

  private read<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  private write(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }
}
