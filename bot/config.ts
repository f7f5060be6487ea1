import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { type AuditSettings, auditSettings } from './audit/audit-settings';
import { type BotCredentials, readCredentials } from './credentials/bot-credentials';
import { StartupError } from './startup-error';

/** Everything the composition root needs, read once from the environment at start-up. */
export interface BotConfig {
  /** Unauthenticated local mode (no BOT_ID): loopback only, lab hosts only. */
  local: boolean;
  /** Teams mode: the bot's Entra credential, one kind (ADR 0023); files already read. */
  credentials?: BotCredentials;
  /** Teams mode: the Bot Framework service URLs an activity may name (prefixes, https only). */
  serviceUrls: string[];
  /** Local mode: the one chat URL answers go to (LOCAL_CHAT_URL); by default any loopback http URL. */
  localChatUrl?: string;
  host: string;
  port: number;
  inventoryFile: string;
  policyFile: string;
  databaseFile: string;
  /** PostgreSQL instead of the embedded file (ADR 0018): DATABASE_URL, postgres://… (never logged). */
  databaseUrl?: string;
  pwsh: string;
  executionTimeoutMs: number;
  connectTimeoutSeconds: number;
  /**
   * The warm executor's pool: long-lived pwsh processes (0: one pwsh per call, the cold executor),
   * calls per session and minutes per session before it is rebuilt, and how long an idle process lives.
   */
  pool: { processes: number; maxOperations: number; maxAgeMinutes: number; idleMs: number; maxSessions: number };
  /** Where host calls run (ADR 0020): here, or as jobs in the shared database that workers take. */
  hostCalls: HostCalls;
  /**
   * Fan-out bounds: host calls at once across all requests, hosts at once for one request, and how
   * long a request queues for a host another request is changing before that host fails as busy.
   */
  execution: {
    concurrency: number;
    requestConcurrency: number;
    hostWaitMs: number;
    progressIntervalMs: number;
    checkingCardMs: number;
    /** A host lease's life unless renewed, with a shared database (ADR 0019): a dead holder's hosts wait this long. */
    leaseMs: number;
  };
  planTtlMinutes: number;
  /** The least time between two alert posts of one cause (per host for a host's), ADR 0024. */
  alertIntervalMinutes: number;
  /** How often overdue plans and approval requests are expired (and their cards updated). */
  expirySweepMs: number;
  /** On SIGTERM, how long runs in flight may take to finish before they are handed back to the next start. */
  shutdownGraceMs: number;
  /** How often the policy and inventory files are hashed again (a change is audited, not reloaded). */
  configCheckMs: number;
  /** Signed checkpoints of the audit log: keys, the file sink, how often and when to fail closed (ADR 0017). */
  audit: AuditSettings;
  /** Local lab mode only: kill -9 at an audit step (the crash tests; see bot/crash-point.ts). */
  crashPoint?: string;
}

export { StartupError };

/** Settings that would let someone redirect token validation; refused outright (security.md §1.2, A2). */
const FORBIDDEN_OVERRIDES = [
  'BotOpenIdMetadata',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromChannelTokenIssuer',
  'ValidateAuthority',
];

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function findPwsh(env: NodeJS.ProcessEnv): string {
  if (env.RDSBOT_PWSH) return env.RDSBOT_PWSH;
  const tool = join(homedir(), '.dotnet', 'tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
  return existsSync(tool) ? tool : 'pwsh';
}

/**
 * Where the .NET runtime lives: the dotnet-tool pwsh needs DOTNET_ROOT when it starts outside a login
 * shell (under node-powershell, and as sshd's PowerShell subsystem on lab hosts).
 */
export function findDotnetRoot(env: NodeJS.ProcessEnv): string {
  if (env.DOTNET_ROOT) return env.DOTNET_ROOT;
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, process.platform === 'win32' ? 'dotnet.exe' : 'dotnet');
    if (existsSync(candidate)) return dirname(realpathSync(candidate));
  }
  return '/usr/share/dotnet';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StartupError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/**
 * Reads and checks the configuration. The bot refuses to start rather than start unsafe: without
 * BOT_ID it needs RDSBOT_LOCAL=1 and then binds to 127.0.0.1 only; with BOT_ID it needs a GUID and
 * exactly one credential (bot-credentials.ts), and token-validation overrides are never accepted.
 */
/** ALLOWED_SERVICE_URLS: comma-separated https prefixes; by default Teams' public-cloud channel. */
function serviceUrls(env: NodeJS.ProcessEnv): string[] {
  const given = (env.ALLOWED_SERVICE_URLS ?? 'https://smba.trafficmanager.net/')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of given) {
    if (!/^https:\/\/[a-z0-9.-]+(:[0-9]+)?\/[^\s]*$/i.test(url))
      throw new StartupError(`ALLOWED_SERVICE_URLS: ${url} is not an https URL prefix`);
  }
  return given;
}

function localChatUrlOf(value: string): string {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?\/[^\s]*$/.test(value.trim()))
    throw new StartupError('LOCAL_CHAT_URL must be an http URL on this machine (127.0.0.1, localhost or [::1])');
  return value.trim();
}

export function readConfig(env: NodeJS.ProcessEnv, root = process.cwd()): BotConfig {
  const present = FORBIDDEN_OVERRIDES.filter((name) => env[name] !== undefined);
  if (present.length > 0) throw new StartupError(`refusing to start: ${present.join(', ')} must not be set`);

  const botId = env.BOT_ID?.trim() ?? '';
  const local = botId === '';
  if (local && env.RDSBOT_LOCAL !== '1') {
    throw new StartupError(
      'BOT_ID is not set. Set BOT_ID and BOT_PASSWORD for Teams, or RDSBOT_LOCAL=1 for local mode.',
    );
  }
  if (!local && !GUID.test(botId)) throw new StartupError('BOT_ID must be the bot registration GUID');
  const credentials = local ? undefined : readCredentials(env, botId);
  const host = local ? '127.0.0.1' : (env.HOST ?? '0.0.0.0');
  if (local && env.HOST && env.HOST !== '127.0.0.1') throw new StartupError('local mode listens on 127.0.0.1 only');
  if (!local && (!env.INVENTORY_FILE || !env.POLICY_FILE)) {
    throw new StartupError('INVENTORY_FILE and POLICY_FILE are required outside local mode');
  }

  const crashPoint = env.RDSBOT_CRASH_POINT?.trim();
  if (crashPoint && !local) throw new StartupError('RDSBOT_CRASH_POINT is for the local lab only');
  if (crashPoint && !/^(before|after):[a-z_]+\.[a-z_]+$/.test(crashPoint)) {
    throw new StartupError('RDSBOT_CRASH_POINT must be before:<audit kind> or after:<audit kind>');
  }

  const databaseFile = resolve(root, env.DATABASE_FILE ?? 'data/bot.sqlite');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new StartupError('DATABASE_URL must be a PostgreSQL URL (postgres://user@host:port/database)');
  }
  let audit: AuditSettings;
  try {
    audit = auditSettings(env, root, databaseFile);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }

  return {
    local,
    audit,
    ...(crashPoint ? { crashPoint } : {}),
    ...(credentials ? { credentials } : {}),
    host,
    serviceUrls: serviceUrls(env),
    ...(env.LOCAL_CHAT_URL ? { localChatUrl: localChatUrlOf(env.LOCAL_CHAT_URL) } : {}),
    port: integer(env, 'PORT', 3978, 0, 65535),
    inventoryFile: resolve(root, env.INVENTORY_FILE ?? 'data/lab/inventory.json'),
    policyFile: resolve(root, env.POLICY_FILE ?? 'config/policy.local.json'),
    databaseFile,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...hostCallSettings(env),
    hostCalls: hostCallsOf(env, databaseUrl),
    execution: {
      concurrency: integer(env, 'EXECUTION_CONCURRENCY', 8, 1, 64),
      requestConcurrency: integer(env, 'REQUEST_CONCURRENCY', 8, 1, 64),
      hostWaitMs: integer(env, 'HOST_WAIT_SECONDS', 120, 0, 3600) * 1000,
      progressIntervalMs: 1000,
      checkingCardMs: integer(env, 'CHECKING_CARD_MS', 800, 0, 60_000),
      leaseMs: integer(env, 'HOST_LEASE_SECONDS', 30, 1, 3600) * 1000,
    },
    planTtlMinutes: integer(env, 'PLAN_TTL_MINUTES', 30, 1, 1440),
    alertIntervalMinutes: integer(env, 'ALERT_INTERVAL_MINUTES', 60, 1, 10_080),
    expirySweepMs: integer(env, 'EXPIRY_SWEEP_MS', 60_000, 1_000, 3_600_000),
    configCheckMs: integer(env, 'CONFIG_CHECK_SECONDS', 300, 1, 86_400) * 1000,
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_SECONDS', 60, 0, 3600) * 1000,
  };
}

/** How this process makes host calls: pwsh, its timeouts and the warm pool (the bot and the worker alike). */
export function hostCallSettings(
  env: NodeJS.ProcessEnv,
): Pick<BotConfig, 'pwsh' | 'executionTimeoutMs' | 'connectTimeoutSeconds' | 'pool'> {
  return {
    pwsh: findPwsh(env),
    executionTimeoutMs: integer(env, 'EXECUTION_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    connectTimeoutSeconds: integer(env, 'CONNECT_TIMEOUT_SECONDS', 10, 1, 120),
    pool: {
      processes: integer(env, 'POOL_PROCESSES', 4, 0, 32),
      maxOperations: integer(env, 'POOL_SESSION_MAX_OPERATIONS', 200, 1, 100_000),
      maxAgeMinutes: integer(env, 'POOL_SESSION_MAX_MINUTES', 30, 1, 1440),
      idleMs: integer(env, 'POOL_IDLE_MS', 600_000, 10_000, 86_400_000),
      maxSessions: integer(env, 'POOL_MAX_SESSIONS', 64, 1, 1000),
    },
  };
}

/**
 * HOST_CALLS=queue (with DATABASE_URL): host calls become jobs; this instance still takes the ones for
 * WORKER_TAGS (all hosts when unset) unless SERVE_CALLS=0, and `npm run worker` processes take them too.
 */
export interface HostCalls {
  queue: boolean;
  serve: boolean;
  tags: string[];
  concurrency: number;
  /** How long a queued call may wait for a taker before the host fails with nothing done. */
  queuedMs: number;
  /** A taken call's heartbeat: its caller gives up this long after the worker holding it died. */
  heartbeatMs: number;
}

export function hostCallsOf(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): HostCalls {
  const mode = env.HOST_CALLS?.trim() || 'local';
  if (mode !== 'local' && mode !== 'queue') throw new StartupError('HOST_CALLS must be local or queue');
  if (mode === 'queue' && !databaseUrl) throw new StartupError('HOST_CALLS=queue needs DATABASE_URL (PostgreSQL)');
  return {
    queue: mode === 'queue',
    serve: env.SERVE_CALLS !== '0',
    tags: workerTags(env),
    concurrency: integer(env, 'WORKER_CONCURRENCY', 4, 1, 64),
    queuedMs: integer(env, 'CALL_QUEUE_SECONDS', 30, 1, 3600) * 1000,
    heartbeatMs: integer(env, 'WORKER_HEARTBEAT_SECONDS', 10, 1, 600) * 1000,
  };
}

/** WORKER_TAGS=site:berlin,site:paris: inventory tags whose hosts this process takes calls for. */
function workerTags(env: NodeJS.ProcessEnv): string[] {
  const tags = (env.WORKER_TAGS ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  for (const tag of tags) if (!/^[\w:.-]{1,64}$/.test(tag)) throw new StartupError(`WORKER_TAGS: ${tag} is not a tag`);
  return tags;
}
