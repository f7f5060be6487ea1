import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../adapters/store/sqlite-store';
import { describeStoreContract } from '../../contract/store-contract';

const clock = { now: () => new Date('2026-12-01T10:00:00Z') };

describeStoreContract('SQLite (a real database file)', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'rdsbot-contract-')), 'bot.sqlite');
  const opened: SqliteStore[] = [new SqliteStore(path, clock)];
  return {
    store: opened[0]!,
    reopen: () => {
      const again = new SqliteStore(path, clock);
      opened.push(again);
      return again;
    },
    close: () => opened.forEach((store) => store.close()),
  };
});
