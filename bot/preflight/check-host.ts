import type { Host, Intent, Params, TargetReport } from '../domain';
import { ExecutionError, type Executor } from '../ports';
import { type Check, describeTransport, failed, HOST_CHECKS, type HostReport, ok, type SessionProbe } from './check';
import { groupPolicyCheck } from './group-policy-check';

export interface HostCheckDeps {
  probe: SessionProbe;
  /** The executor the bot uses (same entry script, same module, same payload checks). */
  executor: Executor;
  /** The RdsLicensing module version this bot sends (or expects installed behind a JEA endpoint). */
  moduleVersion: string;
  timeoutSeconds: number;
}

interface Read {
  operation: Intent;
  params: Params;
  whatIf: boolean;
}

/** The first call on each role's hosts: it proves PowerShell and the module answer there. */
const FIRST_READ: Record<Host['role'], Read> = {
  client: { operation: 'client.reset_license_cache', params: {}, whatIf: true },
  'session-host': { operation: 'licensing.diagnose', params: {}, whatIf: false },
  'license-server': { operation: 'ls.cal_inventory', params: {}, whatIf: false },
};

/** The rest of what a role's operations read: reads and previews (-WhatIf) only, never a change. */
function laterReads(host: Host, mode: string | undefined): Read[] {
  if (host.role !== 'session-host') return [];
  return [
    {
      operation: 'rdsh.set_licensing_mode',
      params: { mode: mode === 'PerDevice' ? 'PerDevice' : 'PerUser' },
      whatIf: true,
    },
    { operation: 'rdsh.events', params: { since: '1d' }, whatIf: false },
  ];
}

/**
 * One host, checked the way the bot will call it: the session layer first (reach, host key, sign-in,
 * subsystem), then the first real call (PowerShell and the module answer), then every read the role's
 * operations need, then who owns the settings. The first failure is the one reported; what it hides
 * is marked skipped, so the fix is never buried under consequences of the same cause.
 */
export async function checkHost(host: Host, deps: HostCheckDeps): Promise<HostReport> {
  const checks: Check[] = await deps.probe.probe(host);
  const report = (): HostReport => ({ host: host.name, transport: describeTransport(host), checks: complete(checks) });
  if (checks.some((check) => check.result === 'failed')) return report();

  const call = (read: Read): Promise<TargetReport> => deps.executor.run({ requestId: 'doctor', host, ...read });
  const first = FIRST_READ[host.role];
  let diagnosis: TargetReport | undefined;
  try {
    const answer = await call(first);
    if (first.operation === 'licensing.diagnose') diagnosis = answer;
  } catch (error) {
    checks.push(firstCallFailure(error, deps));
    return report();
  }
  const jea = host.transport?.type === 'winrm' && host.transport.configurationName;
  checks.push(ok('PowerShell', jea ? `the JEA endpoint ${jea} answered` : 'PowerShell 7 answered over the subsystem'));
  checks.push(
    ok('module', `RdsLicensing ${deps.moduleVersion} ${jea ? 'installed on the host' : 'sent with the call'} ran`),
  );

  const mode = (diagnosis?.data as { mode?: string } | undefined)?.mode;
  const reads = laterReads(host, mode);
  for (const read of reads) {
    try {
      await call(read);
    } catch (error) {
      const message = error instanceof ExecutionError ? error.message : String(error);
      checks.push(
        failed(
          'registry reads',
          `${read.operation}${read.whatIf ? ' (preview)' : ''}: ${message}`,
          'Give the account the bot signs in with read access to the licensing keys (HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server, HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services, HKLM\\SOFTWARE\\Microsoft\\MSLicensing) and the event log.',
        ),
      );
      return report();
    }
  }
  checks.push(ok('registry reads', `${[first, ...reads].map((read) => read.operation).join(', ')} read`));
  checks.push(groupPolicyCheck(host, diagnosis));
  return report();
}

/** The first call's failure, named for the layer that failed: PowerShell itself, or the module. */
function firstCallFailure(error: unknown, deps: HostCheckDeps): Check {
  const code = error instanceof ExecutionError ? error.code : 'executor_failed';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'executor_timeout':
      return failed(
        'PowerShell',
        `the session opened but PowerShell did not answer within ${deps.timeoutSeconds} s`,
        'On the host, run the subsystem command from sshd_config by hand (pwsh -sshs -NoLogo): it must start PowerShell 7 and wait; restart sshd after fixing it.',
      );
    case 'host_unreachable':
      return failed(
        'PowerShell',
        message,
        'Check that the PowerShell remoting endpoint accepts this account (sshd_config Subsystem powershell, or the JEA session configuration).',
      );
    case 'target_refused':
    case 'target_failed':
      return failed(
        'module',
        message,
        'Check that the host runs PowerShell 7.2 or later; behind JEA, install the RdsLicensing module and its role capability with Install-RdsBotJea.ps1.',
      );
    default:
      return failed(
        'PowerShell',
        message,
        'Run the doctor again; if it repeats, check pwsh on this machine (PowerShell 7.6).',
      );
  }
}

/** Every host check in order: what was checked, then the rest marked as not tried. */
function complete(checks: Check[]): Check[] {
  return HOST_CHECKS.map(
    (name) =>
      checks.find((check) => check.name === name) ?? {
        name,
        result: 'skipped' as const,
        detail: 'not tried (an earlier check failed)',
      },
  );
}
