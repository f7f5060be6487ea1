import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { descendantsOf } from '../adapters/powershell/process-tree';
import {
  keygen,
  knownHostsLine,
  type LabInventoryHost,
  type LabOptions,
  labPrerequisites,
  pwshSubsystem,
  readPid,
  SSHD,
  sshdConfig,
  stopSshd,
  waitForPort,
  writeHive,
} from './lab-parts';

/**
 * The scale lab: many session hosts for fan-out tests and the bench, cheaply. sshd in the root
 * namespace listens on `count` loopback addresses (127.0.net.100 and up; 127.0.0.0/8 is all on lo, so
 * nothing is added, with or without namespaces) on its own port, so it runs beside the per-host lab.
 * Each address is one host, SCALE-01, SCALE-02, ..., with its own hive seeded from one scenario; the
 * subsystem picks the hive by the address the connection came in on (SSH_CONNECTION). One sshd holds
 * at most 16 listen sockets (OpenSSH's MAX_LISTEN_SOCKS), and a wildcard address would listen beyond
 * loopback, so the hosts are served by one sshd per 16 of them (three for 40), sharing one config
 * style, host key and subsystem. Everything lives under <dir>/scale; the inventory is
 * <dir>/inventory-scale.json.
 */
export const SCALE_PORT = 2223;
export const SCALE_SCENARIO = 'rdsh-no-license-server';
const FIRST_OCTET = 100;
const MAX_COUNT = 255 - FIRST_OCTET;
/** sshd's MAX_LISTEN_SOCKS: past it sshd exits with "Too many listen sockets". */
const ADDRESSES_PER_SSHD = 16;

export interface ScaleHost {
  name: string;
  address: string;
  hiveFile: string;
}

export function scaleDir(options: LabOptions): string {
  return join(options.dir, 'scale');
}

/** The scale lab's hosts: SCALE-01 on 127.0.net.100, SCALE-02 on .101, and so on. */
export function scaleHosts(options: LabOptions, count: number): ScaleHost[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    throw new Error(`the scale lab holds 1 to ${MAX_COUNT} hosts, not ${count}`);
  return Array.from({ length: count }, (_, i) => {
    const name = `SCALE-${String(i + 1).padStart(2, '0')}`;
    return {
      name,
      address: `127.0.${options.net}.${FIRST_OCTET + i}`,
      hiveFile: join(scaleDir(options), 'hosts', name, 'hive.json'),
    };
  });
}

/** The subsystem's hive by server address: the third field of SSH_CONNECTION. An unknown address is refused. */
function subsystemScript(hosts: ScaleHost[], pwsh: string): string {
  return pwshSubsystem(pwsh, [
    '# SSH_CONNECTION is "client_ip client_port server_ip server_port".',
    'set -- $SSH_CONNECTION',
    'case "$3" in',
    ...hosts.map((host) => `  ${host.address}) export RDSBOT_HIVE_FILE='${host.hiveFile}' ;;`),
    '  *) echo "no scale lab host at $3" >&2; exit 1 ;;',
    'esac',
    '# A host taken down (labScaleHostDown) refuses every new session.',
    'if [ -e "${RDSBOT_HIVE_FILE%/*}/down" ]; then echo "this lab host is down" >&2; exit 1; fi',
  ]);
}

/** Starts the scale lab's sshds with `count` freshly seeded hosts; returns the path of its inventory file. */
export async function labScaleUp(options: LabOptions, count = 40): Promise<string> {
  const hosts = scaleHosts(options, count);
  const pwsh = labPrerequisites();
  await labScaleDown(options);
  const dir = scaleDir(options);
  rmSync(join(dir, 'hosts'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The same client key as the per-host lab (made once per lab folder); authorized here on its own.
  const clientKey = join(options.dir, 'id_ed25519');
  keygen(clientKey);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
  chmodSync(join(dir, 'authorized_keys'), 0o600);
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  keygen(hostKey);
  for (const host of hosts) writeHive(host.hiveFile, host.name, SCALE_SCENARIO);
  writeFileSync(join(dir, 'subsystem.sh'), subsystemScript(hosts, pwsh), { mode: 0o755 });
  const knownHostsFile = join(dir, 'known_hosts');
  writeFileSync(
    knownHostsFile,
    `${hosts.map((host) => knownHostsLine(host.address, SCALE_PORT, hostKey)).join('\n')}\n`,
  );
  for (let first = 0, shard = 1; first < hosts.length; first += ADDRESSES_PER_SSHD, shard++) {
    const served = hosts.slice(first, first + ADDRESSES_PER_SSHD);
    const config = join(dir, `sshd-${shard}.conf`);
    writeFileSync(
      config,
      sshdConfig({
        listen: served.map((host) => `${host.address}:${SCALE_PORT}`),
        hostKey,
        pidFile: join(dir, `sshd-${shard}.pid`),
        authorizedKeys: join(dir, 'authorized_keys'),
        subsystem: join(dir, 'subsystem.sh'),
        // A fan-out opens many sessions at once: sshd's default (10:30:100) drops unauthenticated ones past 10.
        extra: ['MaxStartups 100'],
      }),
    );
    const started = spawnSync(SSHD, ['-f', config, '-E', join(dir, `sshd-${shard}.log`)], { encoding: 'utf8' });
    if (started.status !== 0)
      throw new Error(`the scale lab's sshd did not start: ${started.stderr || started.stdout}`);
  }
  for (const host of hosts)
    if (!(await waitForPort(host.address, SCALE_PORT, 10_000)))
      throw new Error(`the scale lab's sshd is not listening on ${host.address}:${SCALE_PORT} (see ${dir}/sshd-*.log)`);

  const inventory: LabInventoryHost[] = hosts.map((host) => ({
    name: host.name,
    role: 'session-host',
    tags: ['scale'],
    users: [],
    transport: {
      type: 'ssh',
      address: host.address,
      port: SCALE_PORT,
      user: userInfo().username,
      keyFile: clientKey,
      knownHostsFile,
      lab: true,
    },
  }));
  const inventoryFile = join(options.dir, 'inventory-scale.json');
  writeFileSync(inventoryFile, JSON.stringify({ hosts: inventory }, null, 2));
  return inventoryFile;
}

function pidFiles(options: LabOptions): string[] {
  let names: string[];
  try {
    names = readdirSync(scaleDir(options));
  } catch {
    return [];
  }
  return names.filter((name) => /^sshd-\d+\.pid$/.test(name)).map((name) => join(scaleDir(options), name));
}

/** The scale lab's sshd listeners running now (their sessions are their descendants). */
export function scaleSshdPids(options: LabOptions): number[] {
  return pidFiles(options).flatMap((file) => readPid(file) ?? []);
}

/**
 * Takes one scale host down mid-run: its PowerShell sessions are killed (the client's session breaks on
 * its next use) and every new one is refused, while the other hosts on the same sshd go on. The lab
 * cannot drop one loopback address at the TCP level without a firewall, so "down" here is "the host
 * stops serving PowerShell", which the bot meets the same way: a broken session, then no new one.
 */
export function labScaleHostDown(options: LabOptions, count: number, name: string): number {
  const host = scaleHosts(options, count).find((h) => h.name === name);
  if (!host) throw new Error(`no scale lab host ${name}`);
  writeFileSync(join(host.hiveFile, '..', 'down'), '');
  const serving = scaleSshdPids(options)
    .flatMap(descendantsOf)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`RDSBOT_HIVE_FILE=${host.hiveFile}`);
      } catch {
        return false;
      }
    });
  for (const pid of serving) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return serving.length;
}

/** Brings a host taken down back: new sessions are served again. */
export function labScaleHostUp(options: LabOptions, count: number, name: string): void {
  const host = scaleHosts(options, count).find((h) => h.name === name);
  if (host) rmSync(join(host.hiveFile, '..', 'down'), { force: true });
}

/** Stops the scale lab's sshds, and every session they still serve; nothing to do when none runs. */
export async function labScaleDown(options: LabOptions): Promise<void> {
  for (const file of pidFiles(options)) await stopSshd(file, 'hard');
}
