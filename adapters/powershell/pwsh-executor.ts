import { type ValidateFunction } from 'ajv';
import { join } from 'node:path';
import { singleQuoted } from './single-quoted';
import type { TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import { killProcessTree } from './process-tree';
import { callPayload, type PwshCallOptions, startPwsh } from './pwsh-call';
import { readResult, resultValidator } from './read-result';

/** The fixed entry script; the only PowerShell the bot ever starts. */
export const ENTRY_SCRIPT = join(__dirname, 'scripts', 'Invoke-RdsBotOperation.ps1');

export interface PwshExecutorOptions extends PwshCallOptions {
  /** Whole-call deadline: pwsh start, SSH, module, operation. On expiry the process tree is killed. */
  timeoutMs: number;
}

/**
 * Executor on node-powershell: one short-lived pwsh per call, running one line that calls the entry
 * script with the base64 payload. A timeout kills pwsh and everything it started (ssh included).
 * The target's answer is validated against operation-result.schema.json before anyone reads it.
 */
export class PwshExecutor implements Executor {
  private readonly validateResult: ValidateFunction;

  constructor(private readonly options: PwshExecutorOptions) {
    singleQuoted(ENTRY_SCRIPT); // refuses a path PowerShell would read as more than one string
    this.validateResult = resultValidator();
  }

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const payloadB64 = callPayload(request, this.options);
    const hostName = request.host.name;
    const stdout = await this.invokeEntryScript(payloadB64, hostName);
    return readResult(stdout, hostName, this.validateResult);
  }

  private async invokeEntryScript(payloadB64: string, hostName: string): Promise<string> {
    const { shell, pid } = startPwsh(this.options);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid) killProcessTree(pid);
    }, this.options.timeoutMs);
    try {
      const result = await shell.invoke(`& ${singleQuoted(ENTRY_SCRIPT)} -PayloadBase64 '${payloadB64}'`);
      return result.stdout?.toString('utf8') ?? '';
    } catch (error) {
      if (timedOut) {
        throw new ExecutionError(
          'executor_timeout',
          `${hostName} did not answer within ${Math.round(this.options.timeoutMs / 1000)} s.`,
        );
      }
      throw new ExecutionError('executor_failed', `pwsh failed: ${String(error)}`);
    } finally {
      clearTimeout(timer);
      if (pid) killProcessTree(pid);
      await shell.dispose('SIGKILL').catch(() => undefined);
    }
  }
}
