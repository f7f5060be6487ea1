import { descendantsOf } from '../adapters/powershell/process-tree';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { findDotnetRoot, findPwsh } from '../bot/config';
import type { LabNetworkMode } from './lab-network';

/**
 * The pieces every lab scenario is built from (the per-host lab in lab.ts, the one-sshd scale lab in
 * lab-scale.ts): keys, a key-only sshd config, the pwsh subsystem, hives seeded from a scenario, and
 * starting and stopping a daemon by its pid file.
 */
export interface LabOptions {
  /** Folder for keys, configs, hives and pid files. */
  dir: string;
  /** Lab number, so two labs (run and test) can coexist: 127.0.net.x, or 169.254.(100+net).x with namespaces. */
  net: number;
  /** Network namespaces per host (root) or loopback addresses; decided by labNetworkMode() when absent. */
  network?: LabNetworkMode;
}

/** One host of a lab's inventory file, in the shape the bot's inventory reads. */
export interface LabInventoryHost {
  name: string;
  fqdn?: string;
  role: string;
  tags: string[];
  users: string[];
  transport: Record<string, unknown>;
}

export const SSHD = '/usr/sbin/sshd';

/** Checks sshd and pwsh are there (and sshd's privilege-separation folder as root); returns pwsh's path. */
export function labPrerequisites(): string {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install openssh-server (apt-get install openssh-server)`);
  const pwsh = findPwsh(process.env);
  const probe = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', 'exit 0'], {
    env: { ...process.env, DOTNET_ROOT: findDotnetRoot(process.env) },
  });
  if (probe.status !== 0) throw new Error(`pwsh (${pwsh}) does not start: run bash scripts/setup.sh`);
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true });
  return pwsh;
}

export function keygen(file: string): void {
  if (existsSync(file)) return;
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rdsbot-lab', '-f', file]);
}

/** The known_hosts line pinning `keyFile`'s public half for address:port. */
export function knownHostsLine(address: string, port: number, keyFile: string): string {
  const publicKey = readFileSync(`${keyFile}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
  return `${port === 22 ? address : `[${address}]:${port}`} ${publicKey}`;
}

/** A fresh hive file for host `name` from `scenario`; event times are made relative to now, old backups go. */
export function writeHive(file: string, name: string, scenario: string): void {
  const parsed = JSON.parse(readFileSync(join(__dirname, 'scenarios', `${scenario}.json`), 'utf8')) as {
    $comment?: string;
    events?: Array<Record<string, unknown>>;
  };
  const { $comment: _comment, events, ...sections } = parsed;
  const now = Date.now();
  const hive = {
    computerName: name,
    ...sections,
    events: (events ?? []).map(({ minutesAgo, ...event }) => ({
      ...event,
      timeCreated: new Date(now - Number(minutesAgo) * 60_000).toISOString(),
    })),
  };
  mkdirSync(dirname(file), { recursive: true });
  rmSync(join(dirname(file), 'backups'), { recursive: true, force: true });
  writeFileSync(file, JSON.stringify(hive, null, 2));
}

/**
 * The subsystem script: real pwsh in server mode, with RDSBOT_HIVE_FILE set by `chooseHive` (shell
 * lines), which the module's lab access layer reads instead of the Windows registry.
 */
export function pwshSubsystem(pwsh: string, chooseHive: string[]): string {
  const dotnetRoot = findDotnetRoot(process.env);
  return [
    '#!/bin/sh',
    `export DOTNET_ROOT='${dotnetRoot}'`,
    `export PATH="$PATH:${dotnetRoot}"`,
    ...chooseHive,
    'export POWERSHELL_TELEMETRY_OPTOUT=1',
    // Each lab host keeps pwsh's cache beside its hive, and starts without the server-mode startup
    // profile: a session whose client was killed (-9) can leave that file half written, and every later
    // `pwsh -sshs` reading it then dies at start ("The given assembly name was invalid"), which took down
    // every lab host at once while the cache was shared.
    'export XDG_CACHE_HOME="${RDSBOT_HIVE_FILE%/*}/pwsh-cache"',
    'rm -f "$XDG_CACHE_HOME/powershell/StartupProfileData-SSHServerMode"',
    `exec '${pwsh}' -sshs -NoLogo -NoProfile`,
    '',
  ].join('\n');
}

export interface SshdSettings {
  /** address:port lines to listen on. */
  listen: string[];
  hostKey: string;
  pidFile: string;
  authorizedKeys: string;
  /** The powershell subsystem's command; left out, sshd has none (a host where nobody added it). */
  subsystem?: string;
  /** More sshd_config lines (limits, say). */
  extra?: string[];
}

/** A key-only sshd config: the current user only, no passwords, a pinned host key, the PowerShell subsystem. */
export function sshdConfig(settings: SshdSettings): string {
  return [
    ...settings.listen.map((address) => `ListenAddress ${address}`),
    `HostKey ${settings.hostKey}`,
    `PidFile ${settings.pidFile}`,
    `AuthorizedKeysFile ${settings.authorizedKeys}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'UsePAM no',
    'StrictModes no',
    'PermitRootLogin prohibit-password',
    `AllowUsers ${userInfo().username}`,
    'X11Forwarding no',
    'AllowTcpForwarding no',
    'PrintMotd no',
    ...(settings.extra ?? []),
    ...(settings.subsystem ? [`Subsystem powershell ${settings.subsystem}`] : []),
    'LogLevel ERROR',
    '',
  ].join('\n');
}

export function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForPort(address: string, port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect({ host: address, port }, () => {
        socket.destroy();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Stops the sshd whose pid is in `pidFile` and removes the file. 'graceful' ends the listener and lets
 * open connections finish; 'hard' kills every connection it serves (and what runs in them), then the
 * listener, as when a Windows host loses power.
 */
export async function stopSshd(pidFile: string, how: 'graceful' | 'hard'): Promise<void> {
  const pid = readPid(pidFile);
  if (pid && alive(pid)) {
    if (how === 'hard') {
      for (const child of descendantsOf(pid)) {
        try {
          process.kill(child, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
    process.kill(pid, how === 'hard' ? 'SIGKILL' : 'SIGTERM');
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  }
  rmSync(pidFile, { force: true });
}
