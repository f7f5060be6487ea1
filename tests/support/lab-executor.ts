import { PwshExecutor } from '../../adapters/powershell/pwsh-executor';
import { WARM_POOL_DEFAULTS, WarmPwshExecutor } from '../../adapters/powershell/warm-pwsh-executor';
import { findDotnetRoot, findPwsh } from '../../bot/config';

/** The real executor as integration tests use it against lab hosts: this machine's pwsh, lab hosts only. */
export function labExecutor(timeoutMs = 30_000): PwshExecutor {
  return new PwshExecutor({
    pwsh: findPwsh(process.env),
    timeoutMs,
    connectTimeoutSeconds: 5,
    labOnly: true,
    env: { DOTNET_ROOT: findDotnetRoot(process.env) },
  });
}

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
