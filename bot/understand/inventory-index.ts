import type { Host } from '../domain';
import { deletions, withinOneEdit } from './edit-distance';

/**
 * Look-ups over the inventory, built once per inventory list and kept while the list lives, so a
 * message costs a few map reads per word whatever the inventory's size (5,000 hosts is the schema's
 * maximum; matching every word against every host took seconds).
 */
export interface InventoryIndex {
  /** Lower-case name or FQDN -> host. */
  byName: Map<string, Host>;
  /** Lower-case user name -> the PCs that are theirs. */
  byUser: Map<string, Host[]>;
  /** Lower-case tag value ("fin" of "collection:FIN", "lab") -> hosts with that tag. */
  byTag: Map<string, Host[]>;
  /** First words of tags of several words ("science" of "science-park"), so most words skip the multi-word look-up. */
  tagStarts: Set<string>;
  /** Names with separators and leading zeros squashed ("pc42") -> hosts, for "did you mean". */
  bySquash: Map<string, Host[]>;
  /** Every one-character deletion of every name -> names, to find one-edit near misses by look-up. */
  byDeletion: Map<string, string[]>;
  /** Alphabetic prefixes of names ("pc", "rdsh"), to tell a host-like word from an ordinary one. */
  prefixes: Set<string>;
  /** Prefixes only license servers have ("ls", "lic"): an unknown "LS9" is a server problem, not a host one. */
  serverOnlyPrefixes: Set<string>;
  /** Name shapes by prefix ("pc a-9" for PC-042, "wh a9-a-9" for WH2-PICK-11): another shape is no host name. */
  shapes: Set<string>;
}

const cache = new WeakMap<readonly Host[], InventoryIndex>();

/** Letters as "a", digits as "9", separators kept: "wh2-pick-11" -> "a9-a-9". */
export function nameShape(name: string): string {
  const lower = name.toLowerCase();
  return `${alphaPrefix(lower)} ${lower.replace(/[a-z]+/g, 'a').replace(/\d+/g, '9')}`;
}

export function squash(name: string): string {
  return name
    .toLowerCase()
    .replace(/[-.]/g, '')
    .replace(/0+(\d)/g, '$1');
}

export function alphaPrefix(name: string): string {
  return (/^[a-z]+/i.exec(name)?.[0] ?? '').toLowerCase();
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function indexInventory(inventory: readonly Host[]): InventoryIndex {
  const known = cache.get(inventory);
  if (known) return known;
  const index: InventoryIndex = {
    byName: new Map(),
    byUser: new Map(),
    byTag: new Map(),
    tagStarts: new Set(),
    bySquash: new Map(),
    byDeletion: new Map(),
    prefixes: new Set(),
    serverOnlyPrefixes: new Set(),
    shapes: new Set(),
  };
  const machinePrefixes = new Set<string>();
  for (const host of inventory) {
    const name = host.name.toLowerCase();
    index.byName.set(name, host);
    if (host.fqdn) index.byName.set(host.fqdn.toLowerCase(), host);
    for (const user of host.users) push(index.byUser, user.toLowerCase(), host);
    for (const tag of host.tags) {
      const value = (tag.split(':').pop() ?? tag).toLowerCase();
      push(index.byTag, value, host);
      // "site:science-park" is written "the science park hosts": its words run together as one key too.
      if (/[-_.]/.test(value)) {
        push(index.byTag, value.replace(/[-_.]/g, ''), host);
        index.tagStarts.add(value.split(/[-_.]/)[0] as string);
      }
    }
    push(index.bySquash, squash(name), host);
    index.shapes.add(nameShape(name));
    for (const deleted of deletions(name)) push(index.byDeletion, deleted, host.name);
    const prefix = alphaPrefix(name);
    if (prefix.length >= 2) index.prefixes.add(prefix);
    (host.role === 'license-server' ? index.serverOnlyPrefixes : machinePrefixes).add(prefix);
  }
  for (const prefix of machinePrefixes) index.serverOnlyPrefixes.delete(prefix);
  cache.set(inventory, index);
  return index;
}

/** Inventory names one edit (or one adjacent swap) away from a word, or equal once squashed. */
export function nearMisses(word: string, index: InventoryIndex): string[] {
  // The parts of one message are looked at one by one with the same words: each answer is kept.
  return [...nearMissesKept(word.toLowerCase(), index)];
}

const nearMissesKept = keptPerIndex(nearMissesFor);

/**
 * A look-up by word, its answers kept with the (unchanging) index they came from; bounded, because chat
 * brings new words without end.
 */
export function keptPerIndex<T>(look: (word: string, index: InventoryIndex) => T) {
  const kept = new WeakMap<InventoryIndex, Map<string, T>>();
  return (word: string, index: InventoryIndex): T => {
    let known = kept.get(index);
    if (!known) kept.set(index, (known = new Map()));
    if (known.has(word)) return known.get(word) as T;
    const answer = look(word, index);
    if (known.size > 20_000) known.clear();
    known.set(word, answer);
    return answer;
  };
}

function nearMissesFor(lower: string, index: InventoryIndex): string[] {
  const found = new Set<string>((index.bySquash.get(squash(lower)) ?? []).map((host) => host.name));
  if (lower.length >= 4) {
    for (const key of [lower, ...deletions(lower)]) {
      for (const name of index.byDeletion.get(key) ?? []) {
        if (withinOneEdit(lower, name.toLowerCase())) found.add(name);
      }
      const exact = index.byName.get(key);
      if (exact && withinOneEdit(lower, exact.name.toLowerCase())) found.add(exact.name);
    }
  }
  return [...found].slice(0, 5);
}
