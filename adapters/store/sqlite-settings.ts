import type Database from 'better-sqlite3';
import type { ApprovalsChannel, SettingsStore } from '../../bot/ports';

/** Bot-wide settings admins change in chat (the approvals channel), one row per key. */
export class SqliteSettingsStore implements SettingsStore {
  constructor(private readonly db: Database.Database) {}

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
}
