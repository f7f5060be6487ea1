import { PwshExecutor } from '../../adapters/powershell/pwsh-executor';
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
