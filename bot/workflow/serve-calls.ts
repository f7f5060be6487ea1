import type { Logger } from '../errors';
import {
  ExecutionError,
  type CallQueue,
  type CallResult,
  type Executor,
  type Inventory,
  type TakenCall,
} from '../ports';

export interface CallServer {
  /** Resolves once the calls in hand are answered; no new call is taken after it is called. */
  stop(): Promise<void>;
  /** Calls answered so far. */
  readonly served: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A worker's loop (ADR 0020): take a host call for its tags, run it on the executor, hand the result
 * back (the host looked up in the worker's own inventory); `concurrency` calls at once, polling every `idleMs` when there is nothing to take. Host-level
 * failures go back as results with their code, so the instance that queued the call reports them as it
 * reports a local call's.
 */
export function serveCalls(
  queue: CallQueue,
  executor: Executor,
  inventory: Inventory,
  settings: { worker: string; tags: readonly string[]; concurrency: number; idleMs: number; heartbeatMs: number },
  log: Logger,
): CallServer {
  let stopping = false;
  let served = 0;
  // The calls in hand, kept alive in the queue every third of the heartbeat: a caller whose worker
  // died stops waiting once its heartbeat ran out, instead of waiting out the execution timeout.
  const inHand = new Set<number>();
  const heartbeat = setInterval(
    () =>
      void queue.beat(settings.worker, [...inHand], settings.heartbeatMs).catch((error: unknown) => {
        log.warn('worker: heartbeat failed', { error: String(error) });
      }),
    Math.max(50, Math.floor(settings.heartbeatMs / 3)),
  );
  heartbeat.unref();
  const answer = async ({ id, call }: TakenCall): Promise<void> => {
    let result: CallResult;
    // The host as this worker's own inventory has it (its transport, its key pins), never as the row says;
    // a host it does not have, or not under its tags, is refused: a worker only ever calls its own hosts.
    const host = inventory.find(call.host.name);
    const mine = host && (settings.tags.length === 0 || host.tags.some((tag) => settings.tags.includes(tag)));
    try {
      if (!host || !mine)
        throw new ExecutionError('target_refused', `${call.host.name} is not one of this worker's hosts.`);
      result = { ok: true, report: await executor.run({ ...call, host }) };
    } catch (error) {
      result =
        error instanceof ExecutionError
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'executor_failed', message: 'The executor failed unexpectedly.' };
      if (!(error instanceof ExecutionError))
        log.error('worker: executor threw', { host: call.host.name, error: String(error) });
    }
    if (!(await queue.finish(id, settings.worker, result)))
      log.warn('worker: a call was given up before its result', { id });
    served += 1;
  };
  const lane = async (): Promise<void> => {
    while (!stopping) {
      const taken = await queue.take(settings.worker, settings.tags, settings.heartbeatMs).catch((error: unknown) => {
        log.error('worker: could not take a call', { error: String(error) });
        return undefined;
      });
      if (taken) {
        inHand.add(taken.id);
        await answer(taken).finally(() => inHand.delete(taken.id));
      } else await sleep(settings.idleMs);
    }
  };
  const lanes = Array.from({ length: settings.concurrency }, lane);
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(lanes);
      clearInterval(heartbeat);
    },
    get served() {
      return served;
    },
  };
}
