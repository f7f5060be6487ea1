import { type ValidateFunction } from 'ajv';
import { PowerShell } from 'node-powershell';
import { join } from 'node:path';
import type { TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import { encodePayload } from './encode-payload';
import { killProcessTree } from './process-tree';
import { minimalEnv } from './pwsh-env';
import { readResult, resultValidator } from './read-result';

/** The fixed entry script; the only PowerShell the bot ever starts. */
export const ENTRY_SCRIPT = join(__dirname, 'scripts', 'Invoke-RdsBotOperation.ps1');

export interface PwshExecutorOptions {
  /** Path of pwsh (PowerShell 7). */
  pwsh: string;
  /** Whole-call deadline: pwsh start, SSH, module, operation. On expiry the process tree is killed. */
  timeoutMs: number;
  /** Seconds ssh may take to connect. */
  connectTimeoutSeconds: number;
  /** Refuse every host whose transport is not a lab transport (unauthenticated local mode). */
  labOnly: boolean;
  /** Extra environment for pwsh (DOTNET_ROOT for the dotnet global tool, for example). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Executor on node-powershell: one short-lived pwsh per call, running one line that calls the entry
 * script with the base64 payload. A timeout kills pwsh and everything it started (ssh included).
 * The target's answer is validated against operation-result.schema.json before anyone reads it.
 */
export class PwshExecutor implements Executor {
  private readonly validateResult: ValidateFunction;

  constructor(private readonly options: PwshExecutorOptions) {
    if (/['\r\n]/.test(ENTRY_SCRIPT)) throw new Error(`unsafe entry script path: ${ENTRY_SCRIPT}`);
    this.validateResult = resultValidator();
  }

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const { host } = request;
    if (!host.transport) throw new ExecutionError('target_refused', `${host.name} has no transport in the inventory.`);
    if (this.options.labOnly && !host.transport.lab) {
      throw new ExecutionError(
        'target_refused',
        `${host.name} is a real host; this bot runs in local mode and only reaches lab hosts.`,
      );
    }
    const payloadB64 = encodePayload({
      target: { name: host.name, transport: host.transport },
      operation: request.operation,
      params: request.params,
      whatIf: request.whatIf,
      requestId: request.requestId,
      connectTimeoutSeconds: this.options.connectTimeoutSeconds,
    });
    const stdout = await this.invokeEntryScript(payloadB64, host.name);
    return readResult(stdout, host.name, this.validateResult);
  }

  private async invokeEntryScript(payloadB64: string, hostName: string): Promise<string> {
    let shell: PowerShell;
    try {
      shell = new PowerShell({
        executable: this.options.pwsh,
        executableOptions: { '-NoProfile': true, '-NonInteractive': true },
        spawnOptions: { env: { ...minimalEnv(), ...this.options.env } },
        throwOnInvocationError: false,
      });
    } catch (error) {
      throw new ExecutionError('executor_failed', `pwsh could not be started: ${String(error)}`);
    }
    const pid = (shell as unknown as { process: { pid?: number } }).process.pid;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid) killProcessTree(pid);
    }, this.options.timeoutMs);
    try {
      const result = await shell.invoke(`& '${ENTRY_SCRIPT}' -PayloadBase64 '${payloadB64}'`);
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
