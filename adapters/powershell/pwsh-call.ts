import { PowerShell } from 'node-powershell';
import { ExecutionError, type ExecutionRequest } from '../../bot/ports';
import { encodePayload } from './encode-payload';

/** What both executors need to start pwsh and to reach a host. */
export interface PwshCallOptions {
  /** Path of pwsh (PowerShell 7). */
  pwsh: string;
  /** Seconds ssh may take to connect. */
  connectTimeoutSeconds: number;
  /** Refuse every host whose transport is not a lab transport (unauthenticated local mode). */
  labOnly: boolean;
  /** Extra environment for pwsh (DOTNET_ROOT for the dotnet global tool, for example). */
  env?: NodeJS.ProcessEnv;
}

/**
 * The one base64 payload for a call, after the checks both executors make before anything starts: the
 * host has a transport, and in local mode it is a lab host.
 */
export function callPayload(request: ExecutionRequest, options: PwshCallOptions): string {
  const { host } = request;
  if (!host.transport) throw new ExecutionError('target_refused', `${host.name} has no transport in the inventory.`);
  if (options.labOnly && !host.transport.lab) {
    throw new ExecutionError(
      'target_refused',
      `${host.name} is a real host; this bot runs in local mode and only reaches lab hosts.`,
    );
  }
  return encodePayload({
    target: { name: host.name, transport: host.transport },
    operation: request.operation,
    params: request.params,
    whatIf: request.whatIf,
    requestId: request.requestId,
    connectTimeoutSeconds: options.connectTimeoutSeconds,
  });
}

/** A pwsh driven by node-powershell, with the minimal environment plus `extra`, and its process id. */
export function startPwsh(
  options: PwshCallOptions,
  extra: NodeJS.ProcessEnv = {},
): { shell: PowerShell; pid?: number } {
  let shell: PowerShell;
  try {
    shell = new PowerShell({
      executable: options.pwsh,
      executableOptions: { '-NoProfile': true, '-NonInteractive': true },
      spawnOptions: { env: { ...minimalEnv(), ...options.env, ...extra } },
      throwOnInvocationError: false,
    });
  } catch (error) {
    throw new ExecutionError('executor_failed', `pwsh could not be started: ${String(error)}`);
  }
  return { shell, pid: (shell as unknown as { process: { pid?: number } }).process.pid };
}

/** pwsh gets only what it needs from the bot's environment: no secrets, no bot tokens. */
function minimalEnv(): NodeJS.ProcessEnv {
  const keep = [
    'PATH',
    'HOME',
    'USER',
    'LANG',
    'TMPDIR',
    'DOTNET_ROOT',
    'SystemRoot',
    'ProgramData',
    'USERPROFILE',
    'TEMP',
    'TMP',
  ];
  const env: NodeJS.ProcessEnv = { TERM: 'dumb', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' };
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
}
