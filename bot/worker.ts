import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { JsonInventory } from '../adapters/inventory/json-config';
import { pinoLogger } from '../adapters/pino/pino-logger';
import { PostgresStore } from '../adapters/store/postgres-store';
import { hostCallSettings, hostCallsOf, StartupError } from './config';
import type { Logger } from './errors';
import { hostExecutor } from './main';
import { serveCalls } from './workflow/serve-calls';

export interface RunningWorker {
  name: string;
  readonly served: number;
  stop(): Promise<void>;
}

/**
 * The worker's composition root (`npm run worker`, ADR 0020): near the hosts of its tags, it takes their
 * calls from the shared PostgreSQL queue and runs them with its own pwsh pool and its own inventory. It
 * has no Teams side, no credentials for it and no say over requests: approvals, audit and cards stay
 * with the bot instances.
 */
export async function startWorker(
  env: NodeJS.ProcessEnv,
  root = process.cwd(),
  log: Logger = pinoLogger(),
): Promise<RunningWorker> {
  const url = env.DATABASE_URL?.trim();
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new StartupError('a worker needs DATABASE_URL (PostgreSQL)');
  const inventory = JsonInventory.load(resolve(root, env.INVENTORY_FILE ?? 'data/lab/inventory.json'));
  // The same WORKER_TAGS, WORKER_CONCURRENCY and WORKER_HEARTBEAT_SECONDS an instance serving calls reads.
  const { tags, concurrency, heartbeatMs } = hostCallsOf(env, url);
  const name = env.WORKER_NAME?.trim() || `worker:${hostname()}:${process.pid}`;
  const executor = hostExecutor({ ...hostCallSettings(env), local: env.RDSBOT_LOCAL === '1' });
  const store = await PostgresStore.open(url, { now: () => new Date() });
  const server = serveCalls(
    store.jobs,
    executor,
    inventory,
    { worker: name, tags, concurrency, idleMs: 50, heartbeatMs },
    log,
  );
  log.info('worker started', { name, tags: tags.length > 0 ? tags : ['(every host)'] });
  return {
    name,
    get served() {
      return server.served;
    },
    async stop() {
      await server.stop();
      await executor.close?.();
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  let worker: RunningWorker;
  try {
    worker = await startWorker(process.env);
  } catch (error) {
    console.error(`rds-licensing-bot worker: ${(error as Error).message}`);
    process.exit(2);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void worker.stop().then(() => process.exit(0)));
  }
}

// The entry point (`npm run worker`, `node dist/bot/worker.js`); tests import startWorker instead.
if (/[\\/]bot[\\/]worker\.[jt]s$/.test(process.argv[1] ?? '')) void main();
