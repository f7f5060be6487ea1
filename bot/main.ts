import { TeamsAdapter } from '@microsoft/teams-ai';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { JsonInventory, loadPolicy } from '../adapters/inventory/json-config';
import { PwshExecutor } from '../adapters/powershell/pwsh-executor';
import { WarmPwshExecutor } from '../adapters/powershell/warm-pwsh-executor';
import { SqliteStore } from '../adapters/store/sqlite-store';
import { PostgresStore } from '../adapters/store/postgres-store';
import type { PostgresJobQueue } from '../adapters/store/postgres-job-queue';
import { PostgresQueuedExecutor } from '../adapters/store/postgres-queued-executor';
import { CheckpointFile } from '../adapters/file/checkpoint-file';
import { loadOrCreateSigningKey } from '../adapters/file/ed25519-key-files';
import { CheckpointingAudit } from './audit/checkpointing-audit';
import { ConfigWatch } from './audit/config-watch';
import { ForwardingAudit } from './audit/forwarding-audit';
import { auditOutlets } from '../adapters/syslog/audit-outlets';
import { sha256OfFile } from '../adapters/file/file-digest';
import { pinoLogger } from '../adapters/pino/pino-logger';
import { credentialsFactory, harnessAuthConfig } from '../adapters/teams/bot-authentication';
import { createServer, type Intake } from '../adapters/teams/restify-server';
import { type ProactiveCards, TeamsNotifier } from '../adapters/teams/teams-notifier';
import { alertCard } from '../cards/alert-card';
import { approvalCard } from '../cards/approval-card';
import { requestCard } from '../cards/request-card';
import { AlertingAudit } from './alerts/alerting-audit';
import { Alerts } from './alerts/alerts';
import { UnreachableWatch } from './alerts/unreachable-watch';
import { BackgroundWork } from './app/background';
import { crashingAudit } from './crash-point';
import { createApp } from './app/create-app';
import { type BotConfig, findDotnetRoot, readConfig, StartupError } from './config';
import type { Logger } from './errors';
import type {
  AuditHeadSource,
  AuditLog,
  CardVersions,
  Clock,
  Executor,
  HostLeases,
  Notifier,
  RequestStore,
  SettingsStore,
} from './ports';
import { DenialSampler } from './workflow/denial-sampler';
import { HostLocks } from './workflow/host-locks';
import { Slots } from './workflow/slots';
import { localMemberKind, teamsMemberKind } from './app/member-kind';
import { expireOverdue } from './workflow/expire-overdue';
import { orphanedConfirmed, recoverInterrupted, takeOverOrphanedRuns } from './workflow/recover-interrupted';
import { runRequest } from './workflow/run-request';
import { serveCalls } from './workflow/serve-calls';
import type { WorkflowDeps } from './workflow/deps';

export interface RunningBot {
  url: string;
  deps: WorkflowDeps;
  background: BackgroundWork;
  close(): Promise<void>;
}

/**
 * The composition root: config -> adapters -> app -> HTTP server. Also recovers requests a previous
 * process left running. `overrides` lets tests swap one adapter (never in production).
 */
/** The warm pool by default; `POOL_PROCESSES=0` starts one pwsh per call (the cold executor). */
export function hostExecutor(
  config: Pick<BotConfig, 'pwsh' | 'executionTimeoutMs' | 'connectTimeoutSeconds' | 'local' | 'pool'>,
): Executor {
  const common = {
    pwsh: config.pwsh,
    timeoutMs: config.executionTimeoutMs,
    connectTimeoutSeconds: config.connectTimeoutSeconds,
    labOnly: config.local,
    env: { DOTNET_ROOT: findDotnetRoot(process.env) },
  };
  return config.pool.processes > 0 ? new WarmPwshExecutor({ ...common, ...config.pool }) : new PwshExecutor(common);
}

type Store = RequestStore & AuditLog & AuditHeadSource & SettingsStore & { close(): void | Promise<void> };

/**
 * The embedded SQLite file, or PostgreSQL when DATABASE_URL is set (one setting, ADR 0018); with a
 * shared database, host leases too (ADR 0019), so instances never change one host at once.
 */
async function openStore(
  config: BotConfig,
  clock: Clock,
): Promise<{ store: Store; leases?: HostLeases; calls?: PostgresJobQueue; cards?: CardVersions }> {
  if (!config.databaseUrl) return { store: new SqliteStore(config.databaseFile, clock) };
  const store = await PostgresStore.open(config.databaseUrl, clock);
  return { store, leases: store.leases, calls: store.jobs, cards: store.cards };
}

export async function startBot(
  config: BotConfig,
  overrides: {
    executor?: Executor;
    notifier?: Notifier;
    log?: Logger;
    /**
     * The test harness's Bot Framework: channel tokens checked against its keys, the bot's own outbound
     * credential replaced (a canary), and its reply URLs allowed. Code only; nothing in the environment sets it.
     */
    botFramework?: { openIdMetadataUrl: string; credentials: ServiceClientCredentialsFactory; serviceUrls: string[] };
  } = {},
): Promise<RunningBot> {
  const log = overrides.log ?? pinoLogger();
  const inventory = JsonInventory.load(config.inventoryFile);
  const policy = loadPolicy(config.policyFile);
  const clock = { now: () => new Date() };
  const { store, leases, calls, cards } = await openStore(config, clock);
  const holder = `${hostname()}:${process.pid}`;
  const harness = overrides.botFramework;
  const adapter = harness
    ? new TeamsAdapter(harnessAuthConfig(harness.openIdMetadataUrl), harness.credentials)
    : new TeamsAdapter({}, credentialsFactory(config.credentials));
  const botAppId = config.credentials?.botId ?? '';
  const notifier = overrides.notifier ?? new TeamsNotifier(adapter, botAppId, proactiveCards);
  // Alerts for admins (ADR 0024): the audit failing closed, missed checkpoints, unknown hosts, dead hosts.
  const alerts = new Alerts({
    settings: store,
    notifier,
    clock,
    log,
    intervalMs: config.alertIntervalMinutes * 60_000,
  });
  const outlets = auditOutlets(config.audit);
  const checkpointed = new CheckpointingAudit(
    outlets.forwarders.length > 0 ? new ForwardingAudit(store, outlets.forwarders, log) : store,
    store,
    loadOrCreateSigningKey(config.audit.signingKeyFile, config.audit.verifyKeyFile),
    [new CheckpointFile(config.audit.checkpointFile), ...outlets.sinks],
    config.audit.policy,
    clock,
    log,
    (detail) => void alerts.raise('checkpoint_missed', detail),
  );
  const audit = new AlertingAudit(
    config.crashPoint ? crashingAudit(checkpointed, config.crashPoint) : checkpointed,
    alerts,
  );
  const hostRunner = overrides.executor ?? hostExecutor(config);
  // HOST_CALLS=queue (ADR 0020): calls go to the shared queue; this instance takes its tags' share too.
  const queued = config.hostCalls.queue && calls;
  const executor: Executor = queued
    ? new PostgresQueuedExecutor(calls, {
        queuedMs: config.hostCalls.queuedMs,
        runningMs: config.executionTimeoutMs + 10_000,
        executionMs: config.executionTimeoutMs,
        pollMs: 25,
      })
    : hostRunner;
  const deps: WorkflowDeps = {
    store,
    settings: store,
    audit,
    // Counted per host as the workflow sees them, so a dead host alerts whichever instance or worker ran it.
    executor: new UnreachableWatch(executor, alerts),
    inventory,
    notifier,
    clock,
    ids: { newId: () => randomUUID() },
    policy,
    locks: new HostLocks(),
    ...(leases ? { leases: { leases, holder, ttlMs: config.execution.leaseMs, pollMs: 50 } } : {}),
    ...(cards ? { cards } : {}),
    log,
    alerts,
    planTtlMs: config.planTtlMinutes * 60_000,
    concurrency: config.execution.requestConcurrency,
    slots: new Slots(config.execution.concurrency),
    hostWaitMs: config.execution.hostWaitMs,
    progressIntervalMs: config.execution.progressIntervalMs,
    denials: new DenialSampler(),
  };
  const callServer =
    queued && config.hostCalls.serve
      ? serveCalls(
          calls,
          hostRunner,
          inventory,
          {
            worker: holder,
            tags: config.hostCalls.tags,
            concurrency: config.hostCalls.concurrency,
            idleMs: 50,
            heartbeatMs: config.hostCalls.heartbeatMs,
          },
          log,
        )
      : undefined;
  const background = new BackgroundWork((error) => log.error('background work failed', { error: String(error) }));
  const app = createApp({
    deps,
    background,
    adapter,
    botAppId,
    memberKind: config.local ? localMemberKind : teamsMemberKind,
    checkingCardMs: config.execution.checkingCardMs,
  });
  adapter.onTurnError = async (context, error) => {
    log.error('turn failed', { error: String(error), activityType: context.activity.type });
  };
  const intake: Intake = { draining: false };
  const serviceUrls = harness?.serviceUrls ?? config.serviceUrls;
  const gate = config.credentials ? { botId: config.credentials.botId, serviceUrls } : undefined;
  const local = config.credentials ? undefined : { ...(config.localChatUrl ? { chatUrl: config.localChatUrl } : {}) };
  const server = createServer(app, adapter, log, intake, gate, local);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
  const address = server.address() as AddressInfo;
  const url = `http://${config.host}:${address.port}`;

  const { recovered, notStarted } = await recoverInterrupted(deps);
  if (recovered.length > 0) log.warn('recovered requests a previous process left running', { count: recovered.length });
  // Confirmed before the stop but never started: nothing touched a host, so they run now (re-checked).
  for (const request of notStarted) background.start(() => runRequest(deps, request));
  // Expiry is enforced on every click; the sweeper also updates the cards of requests nobody touches.
  const sweep = (): void => {
    background.start(() => expireOverdue(deps));
    // With a shared database: runs whose instance died (their run lease ran out) are closed here.
    if (deps.leases) {
      background.start(() => takeOverOrphanedRuns(deps));
      background.start(async () => {
        for (const request of await orphanedConfirmed(deps, config.execution.leaseMs)) await runRequest(deps, request);
      });
    }
  };
  sweep();
  /** The head checkpointed (a log at rest is covered to its end), then the file and the forwarders closed. */
  const closeAudit = async (): Promise<void> => {
    await alerts.idle();
    await checkpointed.close();
    await store.close();
    for (const forwarder of outlets.forwarders) forwarder.close();
  };
  const sweeper = setInterval(sweep, config.expirySweepMs);
  sweeper.unref();
  // The policy and inventory in effect, by hash, and any later change to their files (not reloaded).
  const configWatch = new ConfigWatch(
    [
      { role: 'policy', path: config.policyFile },
      { role: 'inventory', path: config.inventoryFile },
    ],
    sha256OfFile,
    deps.audit,
  );
  // Like a read, this record is best effort: a log that cannot be written stops changes, not the start.
  await configWatch
    .start()
    .catch((error: unknown) => log.error('could not audit the configuration', { error: String(error) }));
  const watcher = setInterval(() => {
    configWatch.check().catch((error: unknown) => log.error('config check failed', { error: String(error) }));
  }, config.configCheckMs);
  watcher.unref();

  return {
    url,
    deps,
    background,
    /**
     * Graceful shutdown (SIGTERM): new activities get 503, runs in flight get `shutdownGraceMs` to
     * finish; one still running then is handed back: the pool is stopped, the request stays `running`,
     * and the next start re-reads its hosts and records what was and was not done (recoverInterrupted).
     */
    async close() {
      clearInterval(sweeper);
      clearInterval(watcher);
      intake.draining = true;
      server.close();
      const finished = await Promise.race([
        background.idle().then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), config.shutdownGraceMs).unref()),
      ]);
      if (finished) {
        await callServer?.stop();
        await hostRunner.close?.();
        await closeAudit();
        return;
      }
      // Handed back: the store closes first, so a run cut short by the pool stopping records nothing
      // (no false "failed"); its request stays `running` for the next start to re-read and report.
      log.warn('shutdown: runs still in flight are handed back to the next start', {});
      await closeAudit();
      // The pool first: calls this instance took for the queue end with it, then its lanes stop.
      await hostRunner.close?.();
      await callServer?.stop();
    },
  };
}

export async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    console.error(`rds-licensing-bot: ${(error as Error).message}`);
    process.exit(2);
  }
  try {
    const bot = await startBot(config);
    if (config.local) {
      console.log(
        [
          '',
          '  RDS Licensing Bot is running in LOCAL MODE: no Bot Framework authentication.',
          `  It listens on ${bot.url}/api/messages (loopback only) and reaches lab hosts only.`,
          '  Set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID to run it for Microsoft Teams.',
          '',
        ].join('\n'),
      );
    } else {
      console.log(`RDS Licensing Bot listening on ${bot.url}/api/messages`);
    }
    const stop = (): void => {
      void bot.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const known =
      error instanceof StartupError || ['ConfigError', 'NewerDatabaseError'].includes((error as Error).name);
    console.error(`rds-licensing-bot: ${known ? (error as Error).message : String(error)}`);
    process.exit(2);
  }
}

/** The cards proactive messages carry: built here, so the Teams adapter never imports cards/. */
const proactiveCards: ProactiveCards = {
  request: (request) => requestCard(request),
  approval: (request, view) => approvalCard(request, { decide: false, ...view }),
  alert: (alert) => alertCard(alert),
};
