import { resolve } from 'node:path';
import { readCheckpoints } from '../../adapters/file/checkpoint-file';
import { loadVerifyKey } from '../../adapters/file/ed25519-key-files';
import { openAuditEvidence } from '../../adapters/store/sqlite-audit-reader';
import { auditSettings } from '../audit/audit-settings';
import { CSV_COLUMNS, csvCell, csvLine, type ExportFilter, jsonLine, keeps } from '../audit/export-records';
import { verifyLog } from '../audit/verify-log';
import type { AuditRecord } from '../ports';

const USAGE =
  'usage: npm run audit -- verify|export [--db FILE] [--checkpoints FILE] [--key PUBLIC.pem] [--no-checkpoints]';

/**
 * `npm run audit -- verify [--db FILE]`: checks the chain, the signed checkpoints beside the database and
 * that the database reaches each of them; exits 1 naming the first problem. Opens nothing for writing.
 * `npm run audit -- export [--db FILE] [--format jsonl|csv] [filters]`: streams the records, read-only too.
 * With no flags the paths are the bot's own defaults (the same environment variables), ADR 0017.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const [command] = args;
  const root = process.cwd();
  const file = resolve(option('--db') ?? process.env.DATABASE_FILE ?? 'data/bot.sqlite');
  let evidence;
  try {
    evidence = openAuditEvidence(file);
  } catch (error) {
    console.error(`audit: ${(error as Error).message}`);
    return 2;
  }
  try {
    if (command === 'export') {
      const format = option('--format') ?? 'jsonl';
      if (format !== 'jsonl' && format !== 'csv') {
        console.error(USAGE);
        return 2;
      }
      const filter = {
        since: option('--since'),
        until: option('--until'),
        host: option('--host'),
        user: option('--user'),
        request: option('--request'),
      };
      await exportRecords(evidence.records ?? [], format, filter);
      return 0;
    }
    if (command !== 'verify') {
      console.error(USAGE);
      return 2;
    }
    const settings = auditSettings(
      { ...process.env, ...(option('--key') ? { AUDIT_VERIFY_KEY_FILE: option('--key') } : {}) },
      root,
      file,
    );
    const checkpointFile = resolve(option('--checkpoints') ?? settings.checkpointFile);
    const { checkpoints, torn } = readCheckpoints(checkpointFile);
    if (torn)
      console.log(`audit verify: ${torn} line(s) of ${checkpointFile} are not checkpoints (torn by a crash?); skipped`);
    const verdict = verifyLog(
      { records: evidence.records, logId: evidence.logId, checkpoints },
      loadVerifyKey(settings.verifyKeyFile),
      { requireCheckpoints: !args.includes('--no-checkpoints') },
    );
    if (!verdict.ok) {
      console.error(`audit verify: FAILED: ${verdict.problem} (${file})`);
      return 1;
    }
    const tail = verdict.count - verdict.coveredTo;
    console.log(
      `audit verify: ${verdict.count} records, chain intact (head ${verdict.head.slice(0, 16)}…), ` +
        `${verdict.checkpoints} checkpoints signed by the trusted key cover records 1-${verdict.coveredTo}` +
        `${tail > 0 ? ` (${tail} after the last checkpoint)` : ''} in ${file}`,
    );
    return 0;
  } catch (error) {
    console.error(`audit verify: FAILED: ${(error as Error).message}`);
    return 1;
  } finally {
    evidence.close();
  }
}

/** Streams to stdout, waiting when the pipe is full, so a large log never sits in memory. */
async function exportRecords(
  records: Iterable<AuditRecord>,
  format: 'jsonl' | 'csv',
  filter: ExportFilter,
): Promise<void> {
  const write = async (text: string): Promise<void> => {
    if (!process.stdout.write(text))
      await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  };
  if (format === 'csv') await write(`${CSV_COLUMNS.map(csvCell).join(',')}\r\n`);
  for (const record of records) {
    if (keeps(record, filter)) await write(format === 'csv' ? csvLine(record) : jsonLine(record));
  }
}

void main().then((code) => {
  process.exitCode = code;
});
