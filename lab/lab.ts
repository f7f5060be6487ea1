import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
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
import {
  keygen,
  knownHostsLine,
  type LabInventoryHost,
  type LabOptions,
  labPrerequisites,
  pwshSubsystem,
  SSHD,
  sshdConfig,
  stopSshd,
  waitForPort,
  writeHive,
} from './lab-parts';
import { labScaleDown } from './lab-scale';

export type { LabInventoryHost, LabOptions } from './lab-parts';

/**
 * Lab hosts: Linux stand-ins for Windows hosts. Each host is its own sshd with the PowerShell
 * subsystem, listening on its own loopback address; the subsystem runs real pwsh with
 * RDSBOT_HIVE_FILE pointing at the host's hive file, which the module's access layer uses instead of
 * the Windows registry. Behaviours: "hang" accepts SSH but its PowerShell never answers; "down" has
 * no sshd at all. Everything lives under one folder (default data/lab).
 */
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
  writeHive(hiveFile(options, host.name), host.name, host.scenario);
}

function subsystemScript(options: LabOptions, host: LabHost, pwsh: string): string {
  if (host.behaviour === 'hang') {
    // Accepts the session, then never speaks: what a wedged WinRM/SSH endpoint looks like.
    return '#!/bin/sh\nexec cat > /dev/null\n';
  }
  return pwshSubsystem(pwsh, [`export RDSBOT_HIVE_FILE='${hiveFile(options, host.name)}'`]);
}

function hostSshdConfig(options: LabOptions, host: LabHost, subsystem = true): string {
  const dir = hostDir(options, host.name);
  return sshdConfig({
    listen: [`${labAddress(options, host)}:${sshPort(options.network ?? labNetworkMode())}`],
    hostKey: join(dir, 'ssh_host_ed25519_key'),
    pidFile: join(dir, 'sshd.pid'),
    authorizedKeys: join(options.dir, 'authorized_keys'),
    ...(subsystem ? { subsystem: join(dir, 'subsystem.sh') } : {}),
  });
}

/** Starts every lab host (fresh hives from their scenarios) and writes inventory.json for the bot. */
export async function labUp(given: LabOptions = defaultLabOptions()): Promise<string> {
  const options: LabOptions = { ...given, network: given.network ?? labNetworkMode() };
  const port = sshPort(options.network as LabNetworkMode);
  const pwsh = labPrerequisites();
  // The hosts only: a scale lab (lab-scale.ts) started from the same folder keeps running.
  await stopHosts(options);
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
    knownHosts.push(knownHostsLine(address, port, join(dir, 'ssh_host_ed25519_key')));
    writeFileSync(join(dir, 'subsystem.sh'), subsystemScript(options, host, pwsh), { mode: 0o755 });
    writeFileSync(join(dir, 'sshd_config'), hostSshdConfig(options, host));
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
export async function restartSshd(
  given: LabOptions,
  name: string,
  variant: 'as-configured' | 'no-subsystem' = 'as-configured',
): Promise<void> {
  const options: LabOptions = { ...given, network: given.network ?? labNetworkMode() };
  const host = LAB_HOSTS.find((h) => h.name === name);
  if (!host) throw new Error(`no lab host ${name}`);
  await stopSshd(join(hostDir(options, name), 'sshd.pid'), 'hard');
  // "no-subsystem": the doctor's scenario of an OpenSSH server nobody added PowerShell to.
  writeFileSync(
    join(hostDir(options, name), 'sshd_config'),
    hostSshdConfig(options, host, variant === 'as-configured'),
  );
  await startSshd(options, host);
}

async function stopHosts(options: LabOptions): Promise<void> {
  for (const host of LAB_HOSTS) await stopSshd(join(hostDir(options, host.name), 'sshd.pid'), 'graceful');
  removeLabNetwork(
    options.net,
    LAB_HOSTS.map((host) => host.octet),
  );
}

/** Stops every lab host started from `options.dir`, and the scale lab's sshd if it runs. */
export async function labDown(options: LabOptions = defaultLabOptions()): Promise<void> {
  await stopHosts(options);
  await labScaleDown(options);
}
