import { WARM_POOL_DEFAULTS, WarmPwshExecutor } from '../../adapters/powershell/warm-pwsh-executor';
import { findDotnetRoot, findPwsh } from '../../bot/config';

/** The warm executor as integration tests use it against lab hosts. */
export function warmLabExecutor(timeoutMs = 30_000, pool: Partial<typeof WARM_POOL_DEFAULTS> = {}): WarmPwshExecutor {
  return new WarmPwshExecutor({
    pwsh: findPwsh(process.env),
    timeoutMs,
    connectTimeoutSeconds: 5,
    labOnly: true,
    env: { DOTNET_ROOT: findDotnetRoot(process.env) },
    ...WARM_POOL_DEFAULTS,
    ...pool,
  });
}
