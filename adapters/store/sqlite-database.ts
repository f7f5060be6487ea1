import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './sqlite-migrations';

/**
 * The one SQLite file the embedded stores share: WAL with synchronous=FULL, so a committed request or
 * audit record survives kill -9 and power loss; a busy timeout so two processes on one file wait
 * instead of failing; the schema migrated to this release's step.
 */
export function openSqlite(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db, path);
  return db;
}
