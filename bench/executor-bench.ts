import { spawnSync } from 'node:child_process';
import { encodePayload } from '../adapters/powershell/encode-payload';
import { ENTRY_SCRIPT } from '../adapters/powershell/pwsh-executor';
import { WARM_POOL_DEFAULTS, WarmPwshExecutor } from '../adapters/powershell/warm-pwsh-executor';
import type { Host } from '../bot/domain';
import type { Figures } from './latest-json';
import { round3 } from './latest-json';
import { median, timed } from './timing';

/**
 * One read-only operation (the client reset's preview) on one lab host, three ways, side by side:
 * - by hand: what an admin types, one `pwsh -File` running the entry script (a new pwsh, one
 *   Invoke-Command -HostName, the module sent with it);
 * - cold: the first call of a fresh warm executor (no pwsh running, no session);
 * - warm: the next calls to the same host through that executor.
 */
export async function measureExecutor(
  host: Host,
  pwsh: string,
  env: NodeJS.ProcessEnv,
  runs: number,
): Promise<{ lines: string[]; figures: Figures }> {
  const request = {
    requestId: 'bench-exec',
    host,
    operation: 'client.reset_license_cache' as const,
    params: {},
    whatIf: true,
  };
  const payload = encodePayload({
    target: { name: host.name, transport: host.transport },
    operation: request.operation,
    params: {},
    whatIf: true,
    requestId: request.requestId,
    connectTimeoutSeconds: 5,
  });
  const byHand: number[] = [];
  for (let i = 0; i < runs; i++)
    byHand.push(
      await timed(() =>
        spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', ENTRY_SCRIPT, '-PayloadBase64', payload], { env }),
      ),
    );

  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const executor = new WarmPwshExecutor({
      pwsh,
      timeoutMs: 30_000,
      connectTimeoutSeconds: 5,
      labOnly: true,
      env: { DOTNET_ROOT: env.DOTNET_ROOT },
      ...WARM_POOL_DEFAULTS,
    });
    try {
      cold.push(await timed(() => executor.run(request)));
      for (let j = 0; j < 3; j++) warm.push(await timed(() => executor.run(request)));
    } finally {
      await executor.close();
    }
  }
  const h = median(byHand);
  const c = median(cold);
  const w = median(warm);
  return {
    lines: [
      `  one host read, by hand (pwsh -File) ${h.toFixed(0)} ms   1.00x`,
      `  one host read, warm pool, cold      ${c.toFixed(0)} ms   ${(c / h).toFixed(2)}x by hand`,
      `  one host read, warm pool, warm      ${w.toFixed(0)} ms   ${(w / h).toFixed(2)}x by hand`,
    ],
    figures: {
      'executor.by_hand_ms': round3(h),
      'executor.cold_ms': round3(c),
      'executor.warm_ms': round3(w),
      'executor.cold_vs_hand': round3(c / h),
      'executor.warm_vs_hand': round3(w / h),
    },
  };
}
