import { homedir } from 'node:os';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { CheckpointPolicy } from './checkpointing-audit';
import { DEFAULT_CHECKPOINT_POLICY } from './checkpointing-audit';

export interface AuditSettings {
  /** Ed25519 private key (PEM) the bot signs checkpoints with; made on first start when absent. */
  signingKeyFile: string;
  /** The public key verify trusts. */
  verifyKeyFile: string;
  /** The default checkpoint sink: beside the database, so a copied folder verifies the same. */
  checkpointFile: string;
  policy: CheckpointPolicy;
  /** A second checkpoint sink on another machine: `udp://host:port` or `tcp://host:port` (AUDIT_CHECKPOINT_SYSLOG). */
  checkpointSyslog?: string;
  /** Where every record is forwarded as written: syslog URLs or `file:/path.jsonl` (AUDIT_FORWARD, comma-separated). */
  forward: string[];
}

const SYSLOG_URL = /^(udp|tcp):\/\/([^:/]+|\[[^\]]+\]):\d{1,5}$/;

/**
 * Where the audit's keys and checkpoints live, from the environment, for the bot and `npm run audit`
 * alike (so verify with no settings checks what the bot wrote). The keys default to the user's config
 * folder (`$XDG_CONFIG_HOME/rds-licensing-bot`, else `~/.config/…`), never the database's folder:
 * whoever can rewrite the database must not find the key beside it.
 */
export function auditSettings(env: NodeJS.ProcessEnv, root: string, databaseFile: string): AuditSettings {
  const keys = resolve(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'rds-licensing-bot');
  const signingKeyFile = resolve(root, env.AUDIT_SIGNING_KEY_FILE ?? join(keys, 'audit-signing-key.pem'));
  const verifyKeyFile = resolve(root, env.AUDIT_VERIFY_KEY_FILE ?? join(keys, 'audit-verify-key.pem'));
  for (const file of [signingKeyFile, verifyKeyFile]) {
    if (inside(file, dirname(databaseFile))) {
      throw new Error(
        `${file} is inside the database's folder ${dirname(databaseFile)}: keep the audit keys elsewhere`,
      );
    }
  }
  const policy: CheckpointPolicy = {
    everyRecords: number(env, 'AUDIT_CHECKPOINT_EVERY_RECORDS', DEFAULT_CHECKPOINT_POLICY.everyRecords),
    everyMs: number(env, 'AUDIT_CHECKPOINT_EVERY_SECONDS', DEFAULT_CHECKPOINT_POLICY.everyMs / 1000) * 1000,
    failClosedAfterRecords: number(env, 'AUDIT_FAIL_CLOSED_RECORDS', DEFAULT_CHECKPOINT_POLICY.failClosedAfterRecords),
    failClosedAfterMs:
      number(env, 'AUDIT_FAIL_CLOSED_SECONDS', DEFAULT_CHECKPOINT_POLICY.failClosedAfterMs / 1000) * 1000,
  };
  const databaseStem = databaseFile.replace(/\.(sqlite3?|db)$/i, '');
  const checkpointSyslog = env.AUDIT_CHECKPOINT_SYSLOG?.trim() || undefined;
  if (checkpointSyslog && !SYSLOG_URL.test(checkpointSyslog)) {
    throw new Error(`AUDIT_CHECKPOINT_SYSLOG must be udp://host:port or tcp://host:port, not ${checkpointSyslog}`);
  }
  const forward = (env.AUDIT_FORWARD ?? '')
    .split(',')
    .map((target) => target.trim())
    .filter((target) => target !== '');
  for (const target of forward) {
    if (!SYSLOG_URL.test(target) && !target.startsWith('file:')) {
      throw new Error(`AUDIT_FORWARD takes udp://host:port, tcp://host:port or file:/path, not ${target}`);
    }
  }
  return {
    signingKeyFile,
    verifyKeyFile,
    checkpointFile: `${databaseStem}.checkpoints.jsonl`,
    policy,
    ...(checkpointSyslog ? { checkpointSyslog } : {}),
    forward,
  };
}

function inside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return value;
}
