import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { type Check, failed, ok, type SessionProbe } from '../../bot/preflight/check';
import type { Host, SshTransport } from '../../bot/domain';

export interface SshPreflightOptions {
  connectTimeoutSeconds: number;
  /** The OpenSSH client PowerShell remoting uses (ssh on PATH). */
  ssh?: string;
}

/**
 * The session layer of an ssh host, one step at a time with the OpenSSH client PowerShell itself uses
 * and the same options the entry script passes (key only, the inventory's pinned known_hosts, no
 * prompt): is the port open, is the host key the pinned one, does the key sign in, is there a
 * `powershell` subsystem. PowerShell's own error for each is the same "connection closed", which is
 * why the doctor asks ssh directly.
 */
export class SshPreflight implements SessionProbe {
  constructor(private readonly options: SshPreflightOptions) {}

  async probe(host: Host): Promise<Check[]> {
    const transport = host.transport;
    if (!transport) {
      return [
        failed(
          'reach',
          'no transport in the inventory',
          'Add a transport (ssh or winrm) to this host in the inventory file.',
        ),
      ];
    }
    if (transport.type === 'local') return [ok('reach', 'runs on this machine')];
    if (transport.type === 'winrm') return this.winrm(transport.computerName);
    return this.ssh(transport);
  }

  private async winrm(computerName: string): Promise<Check[]> {
    if (process.platform !== 'win32') {
      return [
        failed(
          'reach',
          'WinRM hosts are reached from a Windows machine only',
          'Run the bot and the doctor on a domain-joined Windows server, or give this host an ssh transport.',
        ),
      ];
    }
    if (!(await portOpen(computerName, 5985, this.options.connectTimeoutSeconds))) {
      return [
        failed(
          'reach',
          `no answer on ${computerName}:5985`,
          'On the host run Enable-PSRemoting, and allow WinRM (TCP 5985) from the bot host in its firewall.',
        ),
      ];
    }
    // Kerberos sign-in and the endpoint are proven by the first call (the PowerShell check).
    return [ok('reach', `${computerName}:5985 answers`)];
  }

  private async ssh(transport: SshTransport): Promise<Check[]> {
    const where = `${transport.address}:${transport.port}`;
    if (!(await portOpen(transport.address, transport.port, this.options.connectTimeoutSeconds))) {
      return [
        failed(
          'reach',
          `no answer on ${where}`,
          `Check that the host is on, that the OpenSSH server (sshd) runs, and that TCP ${transport.port} is open from the bot host.`,
        ),
      ];
    }
    const checks = [ok('reach', `${where} answers`)];
    const seen = await this.trySubsystem(transport);
    const key = /Server host key: (\S+ \S+)/.exec(seen.stderr)?.[1] ?? 'its key';
    if (
      /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No \S+ host key is known/.test(seen.stderr)
    ) {
      return [
        ...checks,
        failed(
          'host key',
          `the host presented ${key}, which is not the key pinned in ${transport.knownHostsFile}`,
          `If the host was rebuilt, confirm its new key on the console (Get-Content C:\\ProgramData\\ssh\\ssh_host_ed25519_key.pub) and replace its line in ${transport.knownHostsFile}; otherwise treat it as an impostor and do not connect.`,
        ),
      ];
    }
    checks.push(ok('host key', `matches the pin (${key})`));
    if (!/Authenticated to /.test(seen.stderr)) {
      return [
        ...checks,
        failed(
          'sign-in',
          `${transport.user} could not sign in with ${transport.keyFile}${/Permission denied/.test(seen.stderr) ? ' (permission denied)' : ''}`,
          `Add the public key of ${transport.keyFile} to the account's authorized_keys on the host (for an administrator: C:\\ProgramData\\ssh\\administrators_authorized_keys).`,
        ),
      ];
    }
    checks.push(ok('sign-in', `${transport.user} signed in with its key`));
    if (/subsystem request failed/.test(seen.stderr)) {
      return [
        ...checks,
        failed(
          'PowerShell',
          'sshd has no powershell subsystem',
          'Add "Subsystem powershell c:/progra~1/powershell/7/pwsh.exe -sshs -NoLogo" to C:\\ProgramData\\ssh\\sshd_config and restart sshd.',
        ),
      ];
    }
    return checks;
  }

  /** One ssh session asking for the powershell subsystem, with stdin closed so it ends at once. */
  private trySubsystem(transport: SshTransport): Promise<{ status: number | null; stderr: string }> {
    const options = [
      'BatchMode=yes',
      'StrictHostKeyChecking=yes',
      `UserKnownHostsFile=${transport.knownHostsFile}`,
      'GlobalKnownHostsFile=/dev/null',
      'IdentitiesOnly=yes',
      'PasswordAuthentication=no',
      'KbdInteractiveAuthentication=no',
      `ConnectTimeout=${this.options.connectTimeoutSeconds}`,
    ];
    const args = [
      ...['-v', '-T', ...options.flatMap((option) => ['-o', option])],
      ...['-i', transport.keyFile, '-p', String(transport.port), '-l', transport.user, transport.address],
      ...['-s', 'powershell'],
    ];
    return new Promise((resolve) => {
      const child = spawn(this.options.ssh ?? 'ssh', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      // A subsystem that never ends (a wedged pwsh) is the PowerShell check's to name, not this one's.
      const timer = setTimeout(() => child.kill('SIGKILL'), (this.options.connectTimeoutSeconds + 5) * 1000);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ status: null, stderr: `${stderr}\n${String(error)}` });
      });
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stderr });
      });
    });
  }
}

function portOpen(address: string, port: number, timeoutSeconds: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutSeconds * 1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, address, () => done(true));
  });
}
