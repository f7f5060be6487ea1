import type { Host } from '../domain';

/** One line of the doctor's table: a check, whether it passed, what was seen, and what to do if not. */
export interface Check {
  name: CheckName;
  /** `skipped`: an earlier check failed, so this one could not be tried. */
  result: 'ok' | 'failed' | 'skipped';
  detail: string;
  fix?: string;
}

/** The checks of one host, in the order the bot meets them on a call. */
export const HOST_CHECKS = [
  'reach',
  'host key',
  'sign-in',
  'PowerShell',
  'module',
  'registry reads',
  'Group Policy',
] as const;

export type CheckName = (typeof HOST_CHECKS)[number] | ConfigCheckName;
export type ConfigCheckName = 'settings' | 'inventory' | 'policy' | 'database' | 'signing key' | 'Teams';

export interface HostReport {
  host: string;
  /** How the bot reaches it: "ssh 10.0.0.5:22", "winrm rdsh01 (JEA RdsLicensing)". */
  transport: string;
  checks: Check[];
}

export const ok = (name: CheckName, detail: string): Check => ({ name, result: 'ok', detail });
export const failed = (name: CheckName, detail: string, fix: string): Check => ({
  name,
  result: 'failed',
  detail,
  fix,
});

/** The transport checks a host's session layer answers before any PowerShell runs (a port). */
export interface SessionProbe {
  /** Reach, host key, sign-in and the PowerShell subsystem, as far as this transport can tell them apart. */
  probe(host: Host): Promise<Check[]>;
}

export function describeTransport(host: Host): string {
  const transport = host.transport;
  if (!transport) return 'none';
  switch (transport.type) {
    case 'ssh':
      return `ssh ${transport.user}@${transport.address}:${transport.port}`;
    case 'winrm':
      return `winrm ${transport.computerName}${transport.configurationName ? ` (JEA ${transport.configurationName})` : ''}`;
    case 'local':
      return 'local';
  }
}

/** Whether a report (config or host) has a failed check. */
export function hasFailure(report: HostReport): boolean {
  return report.checks.some((check) => check.result === 'failed');
}
