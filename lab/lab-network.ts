import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Where lab hosts live on the network. As root (and with iproute2) each host gets its own network
 * namespace, joined to a bridge in the root namespace on a link-local /24 (169.254.(100+net).0/24),
 * so a host can really go down (its link is down: connections time out, they are not refused).
 * Otherwise each host is an address on the loopback interface (127.0.net.octet).
 */
export type LabNetworkMode = 'netns' | 'loopback';

const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find((path) => existsSync(path));

export function labNetworkMode(env: NodeJS.ProcessEnv = process.env): LabNetworkMode {
  if (env.RDSBOT_LAB_NETWORK === 'loopback') return 'loopback';
  return process.getuid?.() === 0 && IP ? 'netns' : 'loopback';
}

export function hostAddress(mode: LabNetworkMode, net: number, octet: number): string {
  return mode === 'netns' ? `169.254.${100 + net}.${octet}` : `127.0.${net}.${octet}`;
}

export function sshPort(mode: LabNetworkMode): number {
  return mode === 'netns' ? 22 : 2222;
}

export function namespaceOf(net: number, octet: number): string {
  return `rdsbot${net}-${octet}`;
}

function bridgeOf(net: number): string {
  return `rdsbr${net}`;
}

function ip(...args: string[]): void {
  execFileSync(IP as string, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The bridge host namespaces hang off (created once per lab). */
export function createBridge(net: number): void {
  ip('link', 'add', bridgeOf(net), 'type', 'bridge');
  ip('addr', 'add', `169.254.${100 + net}.1/24`, 'dev', bridgeOf(net));
  ip('link', 'set', bridgeOf(net), 'up');
}

/** A namespace for one host with a veth to the bridge; `linkUp: false` is a host that is down. */
export function createHostNamespace(net: number, octet: number, linkUp: boolean): void {
  const ns = namespaceOf(net, octet);
  const outside = `rv${net}h${octet}`;
  const inside = `rv${net}n${octet}`;
  ip('netns', 'add', ns);
  ip('-n', ns, 'link', 'set', 'lo', 'up');
  ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
  ip('link', 'set', inside, 'netns', ns);
  ip('link', 'set', outside, 'master', bridgeOf(net));
  ip('-n', ns, 'addr', 'add', `${hostAddress('netns', net, octet)}/24`, 'dev', inside);
  ip('-n', ns, 'link', 'set', inside, 'up');
  if (linkUp) ip('link', 'set', outside, 'up');
}

/** The command line that runs `command` inside a host's namespace. */
export function inNamespace(net: number, octet: number, command: string, args: string[]): [string, string[]] {
  return [IP as string, ['netns', 'exec', namespaceOf(net, octet), command, ...args]];
}

/** Removes the lab's namespaces (their veths go with them) and its bridge; what is not there is skipped. */
export function removeLabNetwork(net: number, octets: number[]): void {
  if (!IP || process.getuid?.() !== 0) return;
  for (const octet of octets) {
    const ns = namespaceOf(net, octet);
    // Anything still running in the namespace keeps it (and its veth) alive after `netns del`.
    const pids = spawnSync(IP, ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? '';
    for (const pid of pids.split(/\s+/).filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    spawnSync(IP, ['netns', 'del', ns], { stdio: 'ignore' });
    spawnSync(IP, ['link', 'del', `rv${net}h${octet}`], { stdio: 'ignore' });
  }
  spawnSync(IP, ['link', 'del', bridgeOf(net)], { stdio: 'ignore' });
}
