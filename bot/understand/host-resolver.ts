import type { Host } from '../domain';
import type { Word } from './tokens';

/**
 * Finds the inventory hosts a message names. The inventory is the allow-list: a word becomes a target
 * only when it equals a host's name or FQDN (ASCII case ignored), names a user whose PC it is, is a
 * range of inventory names, or names a group of them ("the FIN collection", "the lab box"). A near
 * miss is returned as a suggestion, never as a target.
 */
export interface ResolvedHosts {
  /** Every host named, in the order the text names them. */
  hosts: Host[];
  /** Host-like words that matched nothing (the bot must ask). */
  unknown: string[];
  /** Inventory names close to an unknown word ("Did you mean PC-042?"), or the members of an ambiguous group. */
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
  const suggestions: string[] = [];
  const add = (host: Host): void => {
    if (!found.includes(host)) found.push(host);
  };

  for (const [position, word] of words.entries()) {
    if (!word.clean) continue;
    const exact = byName.get(word.lower) ?? byName.get(word.lower.replace(/\.$/, ''));
    if (exact) {
      add(exact);
      continue;
    }
    const range = expandRange(word.text, byName);
    if (range) {
      range.forEach(add);
      continue;
    }
    const group = groupAt(words, position, inventory);
    if (group) {
      if (group.ambiguous) suggestions.push(...group.hosts.map((host) => host.name));
      else group.hosts.forEach(add);
      if (group.ambiguous) unknown.push(word.text);
      continue;
    }
    const owned = userHosts(words, position, inventory);
    if (owned.length > 0) {
      owned.forEach(add);
      continue;
    }
    if (looksLikeHost(word.text, inventory)) unknown.push(word.text);
  }

  for (const word of unknown) suggestions.push(...nearMisses(word, inventory));
  return { hosts: found, unknown, suggestions: suggestions.filter((name, i, all) => all.indexOf(name) === i) };
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

const ROLE_WORDS: Array<[RegExp, Host['role']]> = [
  [/^(session|rdsh|rds|terminal)$/, 'session-host'],
  [/^(clients?|pcs?|laptops?|workstations?|desktops?)$/, 'client'],
  [/^(license|licence|licensing)$/, 'license-server'],
];

/** The role named just before a group word ("all session hosts in ..."), if any. */
function roleBefore(words: Word[], position: number): Host['role'] | undefined {
  for (const word of words.slice(Math.max(0, position - 6), position)) {
    for (const [pattern, role] of ROLE_WORDS) if (pattern.test(word.lower)) return role;
  }
  return undefined;
}

/**
 * Named groups of inventory hosts: "the FIN collection" / "collection FIN" (tag collection:FIN) and
 * "the lab box" / "all lab hosts" (tag lab). "the lab box" naming several hosts is ambiguous.
 */
function groupAt(
  words: Word[],
  position: number,
  inventory: readonly Host[],
): { hosts: Host[]; ambiguous: boolean } | undefined {
  const word = words[position] as Word;
  const next = words[position + 1]?.lower;
  const previous = words[position - 1]?.lower;
  let tag: string | undefined;
  if (next === 'collection' || next === 'farm') tag = `collection:${word.lower}`;
  else if (previous === 'collection' && word.lower !== 'the') tag = `collection:${word.lower}`;
  else if (
    word.lower === 'lab' &&
    /^(box|boxes|host|hosts|server|servers|machine|machines|rdsh|vm|vms)$/.test(next ?? '')
  )
    tag = 'lab';
  if (!tag) return undefined;
  const role = roleBefore(words, position) ?? (tag === 'lab' ? 'session-host' : undefined);
  const hosts = inventory.filter(
    (host) => host.tags.some((t) => t.toLowerCase() === tag) && (!role || host.role === role),
  );
  if (hosts.length === 0) return undefined;
  const plural =
    /s$/.test(words[position + 1]?.lower ?? '') ||
    words.slice(Math.max(0, position - 4), position).some((w) => w.lower === 'all');
  return { hosts, ambiguous: tag === 'lab' && hosts.length > 1 && !plural };
}

/** A user's PCs: "for jdoe", "jdoe's PC", "user jdoe" (the word must be a user in the inventory). */
function userHosts(words: Word[], position: number, inventory: readonly Host[]): Host[] {
  const word = words[position] as Word;
  if (!/^[a-z][a-z0-9._-]{1,63}$/.test(word.lower)) return [];
  return inventory.filter((host) => host.users.some((user) => user.toLowerCase() === word.lower));
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
