import type { Host } from '../domain';
import type { Word } from './tokens';

/**
 * Finds the inventory hosts a message names. The inventory is the allow-list: a word becomes a target
 * only when it equals a host's name or FQDN (ASCII case ignored), names a user whose PC it is, or is a
 * range of inventory names. A near miss is returned as a suggestion, never as a target.
 */
export interface ResolvedHosts {
  hosts: Host[];
  /** Host-like words that matched nothing (the bot must ask). */
  unknown: string[];
  /** Inventory names close to an unknown word ("Did you mean PC-042?"). */
  suggestions: string[];
}

export function resolveHosts(words: Word[], inventory: readonly Host[]): ResolvedHosts {
  const byName = new Map<string, Host>();
  for (const host of inventory) {
    byName.set(host.name.toLowerCase(), host);
    if (host.fqdn) byName.set(host.fqdn.toLowerCase(), host);
  }
  const found: Host[] = [];
  const unknown: string[] = [];
  const add = (host: Host): void => {
    if (!found.includes(host)) found.push(host);
  };

  for (const word of words) {
    if (!word.clean) continue;
    const exact = byName.get(word.lower);
    if (exact) {
      add(exact);
      continue;
    }
    const range = expandRange(word.text, byName);
    if (range) {
      range.forEach(add);
      continue;
    }
    const owned = inventory.filter((host) => host.users.some((user) => user.toLowerCase() === word.lower));
    if (owned.length > 0) {
      owned.forEach(add);
      continue;
    }
    if (looksLikeHost(word.text, inventory)) unknown.push(word.text);
  }

  const suggestions = unknown
    .flatMap((word) => nearMisses(word, inventory))
    .filter((name, i, all) => all.indexOf(name) === i);
  return { hosts: found, unknown, suggestions };
}

/** "RDSH01-04" or "RDSH01-RDSH04": every inventory name in the range, or undefined if it is no range. */
function expandRange(text: string, byName: Map<string, Host>): Host[] | undefined {
  const match = /^([A-Za-z][A-Za-z-]*?)(\d+)-(?:\1)?(\d+)$/i.exec(text);
  if (!match) return undefined;
  const [, prefix = '', fromText = '', toText = ''] = match;
  const from = Number(fromText);
  const to = Number(toText);
  if (!(to > from) || to - from > 50) return undefined;
  const hosts: Host[] = [];
  for (let n = from; n <= to; n++) {
    const host = byName.get(`${prefix}${String(n).padStart(fromText.length, '0')}`.toLowerCase());
    if (host) hosts.push(host);
  }
  return hosts.length > 0 ? hosts : undefined;
}

/** A word that reads like a machine name: shares a name prefix with the inventory, or is a near miss. */
function looksLikeHost(text: string, inventory: readonly Host[]): boolean {
  if (!/\d/.test(text) || !/^[A-Za-z]/.test(text)) return nearMisses(text, inventory).length > 0;
  const prefix = alphaPrefix(text);
  if (prefix.length >= 2 && inventory.some((host) => alphaPrefix(host.name) === prefix)) return true;
  return nearMisses(text, inventory).length > 0;
}

function alphaPrefix(name: string): string {
  return (/^[A-Za-z]+/.exec(name)?.[0] ?? '').toLowerCase();
}

function nearMisses(text: string, inventory: readonly Host[]): string[] {
  const squash = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[-.]/g, '')
      .replace(/0+(\d)/g, '$1');
  const word = text.toLowerCase();
  return inventory
    .filter((host) => {
      const name = host.name.toLowerCase();
      return squash(name) === squash(word) || (word.length >= 4 && editDistance(name, word) <= 1);
    })
    .map((host) => host.name);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
