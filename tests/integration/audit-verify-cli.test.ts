import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { ROOT } from '../support/test-paths';

function verify(db: string) {
  return spawnSync('node', ['scripts/ts-run.js', 'bot/tools/audit-cli.ts', 'verify', '--db', db], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run audit -- verify', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rdsbot-audit-')), 'bot.sqlite');

  beforeAll(async () => {
    const store = new SqliteStore(file, { now: () => new Date() });
    for (let i = 1; i <= 4; i++)
      await store.append({
        kind: 'request.planned',
        requestId: `r-${i}`,
        actor: 'oid-alex',
        data: { text: `reset the client license on PC-04${i}` },
      });
    store.close();
  });

  it('passes on an untouched log', () => {
    const result = verify(file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('4 records, chain intact');
  });

  it('fails, naming the first bad record, after one byte of it is changed', () => {
    const tampered = file.replace('bot.sqlite', 'tampered.sqlite');
    copyFileSync(file, tampered);
    const db = new Database(tampered);
    // Someone with the file drops the append-only guard and edits one character of record 2.
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET data = replace(data, 'PC-042', 'PC-045') WHERE seq = 2").run();
    db.close();
    const result = verify(tampered);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('FAILED at record 2');
  });

  it('fails on a log with a record deleted from the middle', () => {
    const cut = file.replace('bot.sqlite', 'cut.sqlite');
    copyFileSync(file, cut);
    const db = new Database(cut);
    db.exec('DROP TRIGGER audit_no_delete');
    db.prepare('DELETE FROM audit WHERE seq = 3').run();
    db.close();
    const result = verify(cut);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('FAILED at record 4');
  });
});
