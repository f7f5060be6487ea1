import { appendFileSync, copyFileSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf, signCheckpoint, type SignedCheckpoint } from '../../bot/audit/checkpoint';
import {
  appendRecords,
  copyFolder,
  type LogFolder,
  newLogFolder,
  otherKey,
  rebuildChain,
  rewriteCheckpoints,
  snapshot,
  tamper,
  verifyCli,
} from '../support/audit-log-fixture';

/**
 * The tamper table of ADR 0017: each way someone with write access to the database's folder could
 * shorten or rewrite the log, and the words verify finds it with. The log: 30 records, checkpoints
 * every 10 and at the clean stop; an older copy of the database taken at record 20.
 */
const log: LogFolder = newLogFolder();
let older: string;

beforeAll(async () => {
  await appendRecords(log, 20);
  older = join(log.dir, '..', 'older.sqlite');
  copyFileSync(log.db, older);
  await appendRecords(log, 10);
});

const tried: string[] = [];
const caught: string[] = [];
afterAll(() => {
  console.log(`audit tamper table: ${tried.length} tried, ${caught.length} detected`);
});

function expectCaught(name: string, folder: LogFolder, words: string): void {
  tried.push(name);
  const result = verifyCli(folder);
  expect(result.out).toContain(words);
  expect(result.status).toBe(1);
  caught.push(name);
}

function checkpointsOf(folder: LogFolder): SignedCheckpoint[] {
  return readFileSync(folder.checkpoints, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SignedCheckpoint);
}

describe('npm run audit -- verify', () => {
  it('passes an untouched log, its checkpoints covering it to the head, and changes nothing in the folder', () => {
    const before = snapshot(log);
    const result = verifyCli(log);
    expect(result.out).toContain('30 records, chain intact');
    expect(result.out).toContain('3 checkpoints signed by the trusted key cover records 1-30');
    expect(result.status).toBe(0);
    expect(snapshot(log)).toEqual(before);
  });

  it('passes a copy of the whole folder the same way', () => {
    expect(verifyCli(copyFolder(log, 'copied')).status).toBe(0);
  });

  it('finds one changed byte in a record', () => {
    const copy = copyFolder(log, 'byte');
    tamper(copy, (db) => db.prepare("UPDATE audit SET data = replace(data, 'PC-4', 'PC-5') WHERE seq = 5").run());
    expectCaught('a byte flipped', copy, 'record 5: its content does not match its hash');
  });

  it('finds a record deleted from the middle', () => {
    const copy = copyFolder(log, 'middle');
    tamper(copy, (db) => db.prepare('DELETE FROM audit WHERE seq = 12').run());
    expectCaught('one deleted in the middle', copy, 'record 13: expected record 12 here');
  });

  it('finds two records swapped', () => {
    const copy = copyFolder(log, 'swapped');
    tamper(copy, (db) => {
      db.prepare('UPDATE audit SET seq = -1 WHERE seq = 7').run();
      db.prepare('UPDATE audit SET seq = 7 WHERE seq = 8').run();
      db.prepare('UPDATE audit SET seq = 8 WHERE seq = -1').run();
    });
    expectCaught('two reordered', copy, 'record 7:');
  });

  it('finds the tail cut off, which the chain alone cannot see', () => {
    const copy = copyFolder(log, 'tail');
    tamper(copy, (db) => db.prepare('DELETE FROM audit WHERE seq > 25').run());
    expectCaught(
      'tail truncated',
      copy,
      'the tail is missing: a checkpoint covers record 30, the database ends at record 25',
    );
  });

  it('finds the audit table dropped, and does not make a new one', () => {
    const copy = copyFolder(log, 'dropped');
    tamper(copy, (db) => db.exec('DROP TABLE audit'));
    const before = snapshot(copy);
    expectCaught('table dropped', copy, 'the database has no audit table');
    expect(snapshot(copy)).toEqual(before);
  });

  it('finds the database replaced by an older copy of itself', () => {
    const copy = copyFolder(log, 'older');
    copyFileSync(older, copy.db);
    expectCaught(
      'older copy',
      copy,
      'the tail is missing: a checkpoint covers record 30, the database ends at record 20',
    );
  });

  it('finds a chain rebuilt after an edit by someone without the signing key', () => {
    const copy = copyFolder(log, 'rebuilt');
    tamper(copy, (db) => {
      db.prepare("UPDATE audit SET data = replace(data, 'PC-4', 'PC-5') WHERE seq = 5").run();
      rebuildChain(db);
    });
    expectCaught('chain rebuilt', copy, 'record 10 is not the record checkpoint-signed at that position');
  });

  it('finds checkpoints forged with another key to match a rebuilt chain', () => {
    const copy = copyFolder(log, 'forged');
    tamper(copy, (db) => {
      db.prepare("UPDATE audit SET data = replace(data, 'PC-4', 'PC-5') WHERE seq = 5").run();
      rebuildChain(db);
    });
    const forger = otherKey();
    const heads = verifyHeads(copy);
    const forged = checkpointsOf(copy).map((c) =>
      signCheckpoint({ ...c, head: heads[c.seq] ?? c.head, keyId: keyIdOf(forger) }, forger),
    );
    rewriteCheckpoints(copy, forged);
    expectCaught(
      'checkpoint forged with another key',
      copy,
      'checkpoint 1 (record 10) is not signed by the trusted key',
    );
  });

  it('finds a checkpoint removed from the middle of the checkpoints', () => {
    const copy = copyFolder(log, 'gap');
    rewriteCheckpoints(
      copy,
      checkpointsOf(copy).filter((_, index) => index !== 1),
    );
    expectCaught('checkpoint removed', copy, 'checkpoint 2 does not follow checkpoint 1');
  });

  it('fails a log with records and no checkpoints, unless told --no-checkpoints', () => {
    const copy = copyFolder(log, 'none');
    unlinkSync(copy.checkpoints);
    expectCaught('checkpoints deleted', copy, '30 records and no checkpoint to check them against');
    expect(verifyCli(copy, '--no-checkpoints').status).toBe(0);
  });
});

/** The hashes of the rebuilt records, by sequence, as a forger would read them. */
function verifyHeads(folder: LogFolder): Record<number, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3');
  const db = new Database(folder.db, { readonly: true });
  const rows = db.prepare('SELECT seq, hash FROM audit').all() as Array<{ seq: number; hash: string }>;
  db.close();
  return Object.fromEntries(rows.map((row) => [row.seq, row.hash]));
}

describe('a checkpoint line torn by a kill -9 mid-write', () => {
  it('is skipped by verify and by the next checkpoint, which gets a line of its own', async () => {
    const folder = newLogFolder();
    await appendRecords(folder, 10);
    appendFileSync(folder.checkpoints, '{"logId":"half a li');
    await appendRecords(folder, 10);
    const result = verifyCli(folder);
    expect(result.out).toContain('1 line(s)');
    expect(result.out).toContain('20 records, chain intact');
    expect(result.status).toBe(0);
  });
});
