import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { ROOT } from '../support/test-paths';

const file = join(mkdtempSync(join(tmpdir(), 'rdsbot-export-')), 'bot.sqlite');

function exportCli(...flags: string[]): { status: number | null; out: string } {
  const result = spawnSync('node', ['scripts/ts-run.js', 'bot/tools/audit-cli.ts', 'export', '--db', file, ...flags], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout };
}

beforeAll(async () => {
  const store = new SqliteStore(file, { now: () => new Date() });
  await store.append({
    kind: 'request.planned',
    requestId: 'r-1',
    actor: 'oid-alex',
    data: { targets: ['PC-042'], text: 'reset PC-042' },
  });
  await store.append({
    kind: 'request.planned',
    requestId: 'r-2',
    actor: 'oid-mallory',
    data: { targets: ['PC-043'], text: '=HYPERLINK("http://evil","click")' },
  });
  store.close();
});

describe('npm run audit -- export', () => {
  it('writes JSON lines by default, one record each', () => {
    const { status, out } = exportCli();
    expect(status).toBe(0);
    expect(
      out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).requestId),
    ).toEqual(['r-1', 'r-2']);
  });

  it("writes CSV a spreadsheet shows as text, a hostile request's formula included", () => {
    const { status, out } = exportCli('--format', 'csv');
    expect(status).toBe(0);
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('"seq","ts","kind","requestId","actor","data","prev","hash"');
    expect(lines).toHaveLength(3);
    expect(out).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('keeps only the records of one host, or one person', () => {
    expect(exportCli('--host', 'PC-043').out).toContain('"r-2"');
    expect(exportCli('--host', 'PC-043').out).not.toContain('"r-1"');
    expect(exportCli('--user', 'oid-alex').out.trim().split('\n')).toHaveLength(1);
  });
});
