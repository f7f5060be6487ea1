// Over 250 lines on purpose: the lab is one start/seed/stop lifecycle (sshd per host, keys, hives,
// namespaces) whose steps share state; split, each half would need the other to be read. Issue 11
// grows it with a 40-host scenario and will split it along that line.
import { descendantsOf } from '../adapters/powershell/process-tree';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { findDotnetRoot, findPwsh } from '../bot/config';
import labHosts from './lab-hosts.json';
import {
  createBridge,
  createHostNamespace,
  hostAddress,
  inNamespace,
  type LabNetworkMode,
  labNetworkMode,
  removeLabNetwork,
  sshPort,
} from './lab-network';

/**
 * Lab hosts: Linux stand-ins for Windows hosts. Each host is its own sshd with the PowerShell
 * subsystem, listening on its own loopback address; the subsystem runs real pwsh with
 * RDSBOT_HIVE_FILE pointing at the host's hive file, which the module's access layer uses instead of
 * the Windows registry. Behaviours: "hang" accepts SSH but its PowerShell never answers; "down" has
 * no sshd at all. Everything lives under one folder (default data/lab).
 */
export interface LabOptions {
  /** Folder for keys, configs, hives and pid files. */
  dir: string;
  /** Lab number, so two labs (run and test) can coexist: 127.0.net.x, or 169.254.(100+net).x with namespaces. */
  net: number;
  /** Network namespaces per host (root) or loopback addresses; decided by labNetworkMode() when absent. */
  network?: LabNetworkMode;
}

export interface LabHost {
  name: string;
  fqdn?: string;
  role: 'client' | 'session-host' | 'license-server';
  users: string[];
  tags?: string[];
  scenario: string;
  behaviour?: 'hang' | 'down';
  octet: number;
}

export const LAB_HOSTS = labHosts.hosts as LabHost[];
const SSHD = '/usr/sbin/sshd';

export function defaultLabOptions(env: NodeJS.ProcessEnv = process.env): LabOptions {
  return { dir: resolve(env.RDSBOT_LAB_DIR ?? 'data/lab'), net: Number(env.RDSBOT_LAB_NET ?? 2) };
}

export function labAddress(options: LabOptions, host: LabHost): string {
  return hostAddress(options.network ?? labNetworkMode(), options.net, host.octet);
}

export function hostDir(options: LabOptions, name: string): string {
  return join(options.dir, 'hosts', name);
}

export function hiveFile(options: LabOptions, name: string): string {
  return join(hostDir(options, name), 'hive.json');
}

/** A fresh hive for `host` from its scenario; event times are made relative to now. */
export function seedHive(options: LabOptions, host: LabHost): void {
  const scenario = JSON.parse(readFileSync(join(__dirname, 'scenarios', `${host.scenario}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const {
    $comment: _comment,
    events,
    ...sections
  } = scenario as { $comment?: string; events?: Array<Record<string, unknown>> };
  const now = Date.now();
  const hive = {
    computerName: host.name,
    ...sections,
    events: (events ?? []).map(({ minutesAgo, ...event }) => ({
      ...event,
      timeCreated: new Date(now - Number(minutesAgo) * 60_000).toISOString(),
    })),
  };
  mkdirSync(hostDir(options, host.name), { recursive: true });
  rmSync(join(hostDir(options, host.name), 'backups'), { recursive: true, force: true });
  writeFileSync(hiveFile(options, host.name), JSON.stringify(hive, null, 2));
}

function keygen(file: string): void {
  if (existsSync(file)) return;
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rdsbot-lab', '-f', file]);
}

function subsystemScript(options: LabOptions, host: LabHost, pwsh: string): string {
  if (host.behaviour === 'hang') {
    // Accepts the session, then never speaks: what a wedged WinRM/SSH endpoint looks like.
    return '#!/bin/sh\nexec cat > /dev/null\n';
  }
  const dotnetRoot = findDotnetRoot(process.env);
  return [
    '#!/bin/sh',
    `export DOTNET_ROOT='${dotnetRoot}'`,
    `export PATH="$PATH:${dotnetRoot}"`,
    `export RDSBOT_HIVE_FILE='${hiveFile(options, host.name)}'`,
    'export POWERSHELL_TELEMETRY_OPTOUT=1',
    `exec '${pwsh}' -sshs -NoLogo -NoProfile`,
    '',
  ].join('\n');
}

function sshdConfig(options: LabOptions, host: LabHost): string {
  const dir = hostDir(options, host.name);
  return [
    `ListenAddress ${labAddress(options, host)}:${sshPort(options.network ?? labNetworkMode())}`,
    `HostKey ${join(dir, 'ssh_host_ed25519_key')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(options.dir, 'authorized_keys')}`,
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
    `Subsystem powershell ${join(dir, 'subsystem.sh')}`,
    'LogLevel ERROR',
    '',
  ].join('\n');
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForPort(address: string, port: number, timeoutMs: number): Promise<boolean> {
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

export interface LabInventoryHost {
  name: string;
  fqdn?: string;
  role: string;
  tags: string[];
  users: string[];
  transport: Record<string, unknown>;
}

/** Starts every lab host (fresh hives from their scenarios) and writes inventory.json for the bot. */
export async function labUp(given: LabOptions = defaultLabOptions()): Promise<string> {
  const options: LabOptions = { ...given, network: given.network ?? labNetworkMode() };
  const port = sshPort(options.network as LabNetworkMode);
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install openssh-server (apt-get install openssh-server)`);
  const pwsh = findPwsh(process.env);
  const probe = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', 'exit 0'], {
    env: { ...process.env, DOTNET_ROOT: findDotnetRoot(process.env) },
  });
  if (probe.status !== 0) throw new Error(`pwsh (${pwsh}) does not start: run bash scripts/setup.sh`);
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true });
  await labDown(options);
  mkdirSync(options.dir, { recursive: true });
  if (options.network === 'netns') createBridge(options.net);
  const clientKey = join(options.dir, 'id_ed25519');
  keygen(clientKey);
  writeFileSync(join(options.dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
  chmodSync(join(options.dir, 'authorized_keys'), 0o600);

  const knownHosts: string[] = [];
  const inventory: LabInventoryHost[] = [];
  for (const host of LAB_HOSTS) {
    const dir = hostDir(options, host.name);
    mkdirSync(dir, { recursive: true });
    seedHive(options, host);
    keygen(join(dir, 'ssh_host_ed25519_key'));
    const address = labAddress(options, host);
    const publicKey = readFileSync(join(dir, 'ssh_host_ed25519_key.pub'), 'utf8')
      .trim()
      .split(' ')
      .slice(0, 2)
      .join(' ');
    knownHosts.push(`${port === 22 ? address : `[${address}]:${port}`} ${publicKey}`);
    writeFileSync(join(dir, 'subsystem.sh'), subsystemScript(options, host, pwsh), { mode: 0o755 });
    writeFileSync(join(dir, 'sshd_config'), sshdConfig(options, host));
    if (options.network === 'netns') createHostNamespace(options.net, host.octet, host.behaviour !== 'down');
    if (host.behaviour !== 'down') await startSshd(options, host);
    inventory.push({
      name: host.name,
      ...(host.fqdn ? { fqdn: host.fqdn } : {}),
      role: host.role,
      tags: host.tags ?? [],
      users: host.users,
      transport: {
        type: 'ssh',
        address,
        port,
        user: userInfo().username,
        keyFile: clientKey,
        knownHostsFile: join(options.dir, 'known_hosts'),
        lab: true,
      },
    });
  }
  writeFileSync(join(options.dir, 'known_hosts'), `${knownHosts.join('\n')}\n`);
  const inventoryFile = join(options.dir, 'inventory.json');
  writeFileSync(inventoryFile, JSON.stringify({ hosts: inventory }, null, 2));
  return inventoryFile;
}

async function startSshd(options: LabOptions, host: LabHost): Promise<void> {
  const dir = hostDir(options, host.name);
  const sshdArgs = ['-f', join(dir, 'sshd_config'), '-E', join(dir, 'sshd.log')];
  const [command, args] =
    options.network === 'netns' ? inNamespace(options.net, host.octet, SSHD, sshdArgs) : [SSHD, sshdArgs];
  const started = spawnSync(command, args, { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`sshd for ${host.name} did not start: ${started.stderr || started.stdout}`);
  const address = labAddress(options, host);
  if (!(await waitForPort(address, sshPort(options.network as LabNetworkMode), 10_000)))
    throw new Error(`sshd for ${host.name} is not listening on ${address}`);
}

/**
 * Restarts one lab host's sshd the hard way: the listener and every connection it serves are killed
 * (as when a Windows host reboots), then a new sshd starts with the same keys. Warm sessions to the
 * host are dead after this; the tests check the next call rebuilds one.
 */
export async function restartSshd(given: LabOptions, name: string): Promise<void> {
  const options: LabOptions = { ...given, network: given.network ?? labNetworkMode() };
  const host = LAB_HOSTS.find((h) => h.name === name);
  if (!host) throw new Error(`no lab host ${name}`);
  const pid = readPid(join(hostDir(options, name), 'sshd.pid'));
  if (pid && alive(pid)) {
    for (const child of descendantsOf(pid)) {
      try {
        process.kill(child, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  }
  rmSync(join(hostDir(options, name), 'sshd.pid'), { force: true });
  await startSshd(options, host);
}

/** Stops every lab host started from `options.dir`. */
export async function labDown(options: LabOptions = defaultLabOptions()): Promise<void> {
  for (const host of LAB_HOSTS) {
    const pid = readPid(join(hostDir(options, host.name), 'sshd.pid'));
    if (pid && alive(pid)) {
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
    }
    rmSync(join(hostDir(options, host.name), 'sshd.pid'), { force: true });
  }
  removeLabNetwork(
    options.net,
    LAB_HOSTS.map((host) => host.octet),
  );
}
