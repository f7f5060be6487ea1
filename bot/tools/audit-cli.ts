import { resolve } from 'node:path';
import { readCheckpoints } from '../../adapters/file/checkpoint-file';
import { loadVerifyKey } from '../../adapters/file/ed25519-key-files';
import { openAuditEvidence } from '../../adapters/store/sqlite-audit-reader';
import { auditSettings } from '../audit/audit-settings';
import { verifyLog } from '../audit/verify-log';

const USAGE =
  'usage: npm run audit -- verify|export [--db FILE] [--checkpoints FILE] [--key PUBLIC.pem] [--no-checkpoints]';

/**
 * `npm run audit -- verify [--db FILE]`: checks the chain, the signed checkpoints beside the database and
 * that the database reaches each of them; exits 1 naming the first problem. Opens nothing for writing.
 * `npm run audit -- export [--db FILE]`: writes the records as JSON lines.
 * With no flags the paths are the bot's own defaults (the same environment variables), ADR 0017.
 */
function main(): number {
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
      for (const record of evidence.records ?? []) process.stdout.write(`${JSON.stringify(record)}\n`);
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
    const verdict = verifyLog(
      { records: evidence.records, logId: evidence.logId, checkpoints: readCheckpoints(checkpointFile) },
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

process.exitCode = main();
