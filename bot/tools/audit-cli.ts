import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { verifyChain } from '../audit/audit-chain';

/**
 * `npm run audit -- verify [--db FILE]`: recomputes the hash chain; exits 1 naming the first bad record.
 * `npm run audit -- export [--db FILE]`: writes the records as JSON lines.
 */
function main(): void {
  const [command] = process.argv.slice(2);
  const flag = process.argv.indexOf('--db');
  const file = resolve(flag >= 0 ? (process.argv[flag + 1] ?? '') : (process.env.DATABASE_FILE ?? 'data/bot.sqlite'));
  if (!existsSync(file)) {
    console.error(`audit: no database at ${file}`);
    process.exit(2);
  }
  const store = new SqliteStore(file, { now: () => new Date() });
  try {
    if (command === 'verify') {
      const verdict = verifyChain(store.auditRecords());
      if (verdict.ok) {
        console.log(
          `audit verify: ${verdict.count} records, chain intact (head ${verdict.head.slice(0, 16)}…) in ${file}`,
        );
      } else {
        console.error(`audit verify: FAILED at record ${verdict.seq}: ${verdict.reason} (${file})`);
        process.exitCode = 1;
      }
    } else if (command === 'export') {
      for (const record of store.auditRecords()) process.stdout.write(`${JSON.stringify(record)}\n`);
    } else {
      console.error('usage: npm run audit -- verify|export [--db FILE]');
      process.exitCode = 2;
    }
  } finally {
    store.close();
  }
}

main();
