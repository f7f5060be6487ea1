import type { Host } from '../bot/domain';

/**
 * A made-up 5,000-host estate for the parser figures: the corpus inventory has thirty hosts, and a
 * parser that scans the inventory per word only shows its cost at a real organisation's size. The
 * mix (mostly clients, about a fifth session hosts, a few dozen license servers) and the name
 * shapes follow what helpdesks name in chat.
 */
const SITES = ['london', 'berlin', 'paris', 'madrid', 'dublin', 'warsaw', 'oslo', 'lisbon'];
const COLLECTIONS = ['FIN', 'SALES', 'HR', 'OPS', 'ENG', 'LEGAL'];
const FIRST = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'w'];
const LAST = ['doe', 'smith', 'patel', 'garcia', 'nguyen', 'schulz', 'rossi', 'kowalski', 'murphy', 'silva'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const fqdn = (name: string): string => `${name.toLowerCase()}.corp.example.net`;

export interface BigInventoryShape {
  clients: number;
  sessionHosts: number;
  licenseServers: number;
}

export const FIVE_THOUSAND: BigInventoryShape = { clients: 3_960, sessionHosts: 1_000, licenseServers: 40 };

export function bigInventory(shape: BigInventoryShape = FIVE_THOUSAND): Host[] {
  const hosts: Host[] = [];
  for (let i = 1; i <= shape.clients; i++) {
    const name = `PC-${pad(i, 5)}`;
    // User names repeat their stem across the estate, as real ones do; the number keeps them unique.
    const user = `${FIRST[i % FIRST.length]}${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i}`;
    hosts.push({ name, fqdn: fqdn(name), role: 'client', tags: [`site:${SITES[i % SITES.length]}`], users: [user] });
  }
  for (let i = 1; i <= shape.sessionHosts; i++) {
    const name = `RDSH${pad(i, 4)}`;
    const tags = [`collection:${COLLECTIONS[i % COLLECTIONS.length]}`, `site:${SITES[i % SITES.length]}`];
    if (i % 25 === 0) tags.push('lab');
    if (i % 40 === 0) tags.push('workgroup');
    hosts.push({ name, fqdn: fqdn(name), role: 'session-host', tags, users: [] });
  }
  for (let i = 1; i <= shape.licenseServers; i++) {
    const name = `LS${pad(i, 3)}`;
    const tags = [`site:${SITES[i % SITES.length]}`, ...(i % 10 === 0 ? ['dr'] : [])];
    hosts.push({ name, fqdn: fqdn(name), role: 'license-server', tags, users: [] });
  }
  return hosts;
}
