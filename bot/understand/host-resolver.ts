import type { Host } from '../domain';
import { groupAt, startsTag, tagHostsAt } from './host-groups';
import { oneWordRange, spelledRange, spelledToNumber } from './host-ranges';
import { indexInventory, keptPerIndex, nameShape, nearMisses, squash, type InventoryIndex } from './inventory-index';
import type { Word } from './tokens';

/**
 * Finds the inventory hosts a message names. The inventory is the allow-list: a word becomes a target
 * only when it equals a host's name or FQDN (ASCII case ignored), names a user whose PC it is, is a
 * range of inventory names, or names a group of them by tag. A near miss is returned as a suggestion,
 * never as a target.
 */
export interface ResolvedHosts {
  /** Every host named, in the order the text names them. */
  hosts: Host[];
  /** Host-like words that matched nothing, and ranges that could not be expanded (the bot must ask). */
  unknown: string[];
  /** Inventory names close to an unknown word ("Did you mean PC-042?"), or the members of an ambiguous group. */
  suggestions: string[];
  /** Hosts that came in through a group (a diagnosis of a group looks at its session hosts). */
  grouped: Set<Host>;
  /** Inventory users named ("for jdoe", "what has jdoe asked for"). */
  users: string[];
  /** Positions (word indexes) of the words that named hosts, with their role, so later stages can mask them. */
  hostWords: Map<number, Host['role'] | undefined>;
  /** Positions of tag words that named a group: masked as the word and its role ("macos zzpc"). */
  groupWords: Set<number>;
}

/** Words looked at; a 2,000-character message has fewer, and the bound keeps the worst case flat. */
const MAX_WORDS = 400;

/** Nothing named (also the answer for hostile text, whose words are never looked up). */
export function noHosts(): ResolvedHosts {
  return {
    hosts: [],
    unknown: [],
    suggestions: [],
    users: [],
    hostWords: new Map(),
    groupWords: new Set(),
    grouped: new Set(),
  };
}

export function resolveHosts(words: Word[], inventory: readonly Host[]): ResolvedHosts {
  const index = indexInventory(inventory);
  const resolved = noHosts();
  const add = (host: Host): void => {
    if (!resolved.hosts.includes(host)) resolved.hosts.push(host);
  };
  const limit = Math.min(words.length, MAX_WORDS);
  const weakGroups: Array<{ position: number; group: NonNullable<ReturnType<typeof groupAt>> }> = [];
  const ambiguousGroups: Array<{ word: string; group: NonNullable<ReturnType<typeof groupAt>>; aside: boolean }> = [];
  let lastGroup: { position: number; hosts: Host[] } | undefined;
  // Hosts named outright, and groups with a count in front ("both of our front desk PCs").
  const outright = new Set<Host>();
  const counted: Array<{ count: number; hosts: Host[] }> = [];
  for (let position = 0; position < limit; position++) {
    const word = words[position] as Word;
    if (!word.clean) {
      // Host names never hold "_", user names may ("c_moreau"): only the user look-up reads such a word.
      const owner = /^[a-z0-9._-]{2,64}$/.test(word.lower) ? index.byUser.get(word.lower) : undefined;
      if (owner) {
        resolved.users.push(word.lower);
        owner.forEach(add);
      }
      continue;
    }
    const exact = commonWordFor(words, position) ? undefined : index.byName.get(word.lower);
    if (exact) {
      outright.add(exact);
      resolved.hostWords.set(position, exact.role);
      const last = words[position + 2]?.clean ? index.byName.get(words[position + 2]?.lower ?? '') : undefined;
      const range =
        spelledRange(exact, words[position + 1]?.lower, last, index) ??
        (last ? undefined : spelledToNumber(exact, words[position + 1]?.lower, words[position + 2]?.lower, index));
      if (range && 'hosts' in range) {
        range.hosts.forEach(add);
        resolved.hostWords.set(position + 2, exact.role);
        position += 2;
      } else if (range) {
        resolved.unknown.push(`${word.text}..${words[position + 2]?.text ?? ''}`);
      } else add(exact);
      continue;
    }
    // Most words name nothing in any way; each such word is known after its first look.
    if (namesNothingKept(word.text, index) && !startsTag(words, position, index)) continue;
    const range = oneWordRange(word.text, index);
    if (range) {
      resolved.hostWords.set(position, 'hosts' in range ? range.hosts[0]?.role : undefined);
      if ('hosts' in range) range.hosts.forEach(add);
      else resolved.unknown.push(word.text);
      continue;
    }
    const owned = index.byUser.get(word.lower);
    if (owned) {
      resolved.users.push(word.lower);
      owned.forEach(add);
      continue;
    }
    const group = groupAt(words, position, index);
    // "the reservations hosts in Kirkwall": a tag after a group and "in"/"at" narrows that group.
    const narrowing = lastGroup ? narrows(words, lastGroup.position, position, index) : undefined;
    if (narrowing && lastGroup) {
      const both = lastGroup.hosts.filter((host) => narrowing.includes(host));
      const dropped = lastGroup.hosts.filter((host) => !both.includes(host));
      resolved.hosts = resolved.hosts.filter((host) => !dropped.includes(host) || !resolved.grouped.has(host));
      for (const host of dropped) resolved.grouped.delete(host);
      resolved.groupWords.add(position);
      lastGroup = { position, hosts: both };
      continue;
    }
    if (group?.weak && !group.ambiguous) {
      weakGroups.push({ position, group });
      continue;
    }
    // "reset the grace on TS-EPOS-01, it's not one of the lab boxes": a group the host is said not to be in.
    if (group && !group.ambiguous && resolved.hosts.length > 0 && deniedAt(words, position)) continue;
    if (group) {
      if (group.ambiguous)
        ambiguousGroups.push({
          word: word.text,
          group,
          aside: deniedAt(words, position) || destinationAt(words, position),
        });
      else {
        // The tag word reads as its hosts' role ("LS1 for the HR farm?" -> "zzls for the zzrdsh farm?").
        const roles = new Set(group.hosts.map((host) => host.role));
        if (roles.size === 1) resolved.hostWords.set(position, group.hosts[0]?.role);
        resolved.groupWords.add(position);
        // "the Cork claims session hosts": two tags side by side name the hosts that carry both.
        if (lastGroup && lastGroup.position === position - 1) {
          const both = lastGroup.hosts.filter((host) => group.hosts.includes(host));
          const dropped = lastGroup.hosts.filter((host) => !both.includes(host));
          resolved.hosts = resolved.hosts.filter((host) => !dropped.includes(host) || !resolved.grouped.has(host));
          for (const host of dropped) resolved.grouped.delete(host);
          lastGroup = { position, hosts: both };
        } else {
          for (const host of group.hosts) {
            if (!resolved.hosts.includes(host)) resolved.grouped.add(host);
            add(host);
          }
          lastGroup = { position, hosts: group.hosts };
          const count = countBefore(words, position);
          if (count !== undefined) counted.push({ count, hosts: group.hosts });
        }
      }
      continue;
    }
    if (looksLikeHost(word.text, index)) {
      resolved.hostWords.set(position, undefined);
      resolved.unknown.push(word.text);
    }
  }
  // "Requested by: Hotel front office Stanton | ... on FRONTDESK-06": a weakly named group beside hosts
  // named outright is ticket furniture, not more targets; alone ("reset collection FIN") it counts.
  if (resolved.hosts.length === 0)
    for (const { position, group } of adjacentWeakGroups(weakGroups)) {
      const roles = new Set(group.hosts.map((host) => host.role));
      if (roles.size === 1) resolved.hostWords.set(position, group.hosts[0]?.role);
      resolved.groupWords.add(position);
      for (const host of group.hosts) {
        if (!resolved.hosts.includes(host)) resolved.grouped.add(host);
        add(host);
      }
    }
  // "neither of our front desk PCs ... FD-YRK-01 and FD-YRK-02": a group with a count, and as many of its
  // hosts named outright, describes those hosts; its other hosts were never asked about.
  for (const { count, hosts } of counted) {
    const named = hosts.filter((host) => outright.has(host));
    if (named.length !== count || hosts.length <= count) continue;
    const others = new Set(hosts.filter((host) => !outright.has(host) && resolved.grouped.has(host)));
    resolved.hosts = resolved.hosts.filter((host) => !others.has(host));
    for (const host of others) resolved.grouped.delete(host);
  }
  // "reset the grace period on RDS-QCLAB-1, it's the QC lab test box": "the lab box" describes a host named
  // outright that is one of the lab hosts. Otherwise it is asked about (which of the lab hosts?), never dropped.
  // "can't get onto the exams desktop from her PC, reset it": a collection the named PCs connect to is
  // where the trouble shows, not a host left to choose.
  const clientsNamed =
    resolved.hosts.length > 0 && resolved.hosts.every((host) => host.role === 'client' && !resolved.grouped.has(host));
  for (const { word, group, aside } of ambiguousGroups) {
    if (group.hosts.some((host) => resolved.hosts.includes(host))) continue;
    // "reset the grace on TS-EPOS-01, I know it's not a lab box": what the named host is not asks nothing,
    // nor does where its user connects to ("DEPOT-50280 not letting lenny.fox onto the billing desktop").
    if (aside && resolved.hosts.length > 0) continue;
    if (clientsNamed && group.hosts.every((host) => host.role === 'session-host')) continue;
    resolved.suggestions.push(...group.hosts.map((host) => host.name));
    resolved.unknown.push(word);
  }
  for (const word of resolved.unknown) resolved.suggestions.push(...nearMisses(word, index));
  resolved.suggestions = [...new Set(resolved.suggestions)];
  return resolved;
}

/**
 * "The bursar has logged off", "in the hangar": a host named like a word (BURSAR, HANGAR) is the word when
 * it is written in lower case after an article; "the BURSAR pc" and "on bursar" still name the host.
 */
function commonWordFor(words: Word[], position: number): boolean {
  const { text } = words[position] as Word;
  return (
    /^[A-Za-z]+$/.test(text) &&
    text !== text.toUpperCase() &&
    /^(the|a|an|our|my|your|his|her|their)$/.test(words[position - 1]?.lower ?? '')
  );
}

const COUNTS: Record<string, number> = { both: 2, neither: 2, either: 2, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** "both of our front desk PCs", "the three lab boxes": how many hosts the words before a group count. */
function countBefore(words: Word[], position: number): number | undefined {
  for (let back = 1; back <= 3; back++) {
    const word = words[position - back]?.lower;
    if (word === undefined) return undefined;
    const count = COUNTS[word] ?? (/^[2-9]$/.test(word) ? Number(word) : undefined);
    if (count !== undefined) return count;
    if (!/^(of|our|the|these|those|my|their|its)$/.test(word)) return undefined;
  }
  return undefined;
}

/** "nobody in Dublin finance": weak groups side by side name the hosts that carry both tags. */
function adjacentWeakGroups<T extends { position: number; group: { hosts: Host[] } }>(groups: T[]): T[] {
  const merged: T[] = [];
  for (const next of groups) {
    const last = merged.at(-1);
    const both =
      last?.position === next.position - 1 ? last.group.hosts.filter((h) => next.group.hosts.includes(h)) : [];
    if (last && both.length > 0) merged[merged.length - 1] = { ...next, group: { ...next.group, hosts: both } };
    else merged.push(next);
  }
  return merged;
}

/** "not letting lenny.fox onto the billing desktop": where a user connects to, not a host left to choose. */
function destinationAt(words: Word[], position: number): boolean {
  const before = words[position - 1]?.lower === 'the' ? position - 2 : position - 1;
  return /^(onto|into)$/.test(words[before]?.lower ?? '');
}

/** "it's not a lab box", "isn't one of the lab machines": the words before a group say the host is not in it. */
function deniedAt(words: Word[], position: number): boolean {
  const before = words
    .slice(Math.max(0, position - 5), position)
    .map((word) => word.lower)
    .join(' ');
  return /\b((it|it'?s|is|that|that'?s|they|they'?re|are|was) (not|never)|isn'?t|isn|aren'?t|aren|wasn'?t|wasn)( (a|an|the|one of|part of|in|on))*( (our|those|these))?$/.test(
    before,
  );
}

/** A clean word that is no range, no user and nothing like a host name (whether it starts a tag is asked apart). */
function namesNothing(text: string, index: InventoryIndex): boolean {
  return !oneWordRange(text, index) && !index.byUser.has(text.toLowerCase()) && !looksLikeHost(text, index);
}

const namesNothingKept = keptPerIndex(namesNothing);

const BETWEEN =
  /^(session|sessions|hosts?|servers?|boxes|machines|pcs|clients|rdsh|rds|ts|in|at|from|the|site|office|based|located)$/;

/**
 * The hosts a tag at `position` narrows the group at `from` to: the tag follows the group within a few
 * words, only group and place words between, the last of them "in", "at" or "from" ("the RESERVATIONS
 * hosts in Kirkwall", "the MRO boxes at the Inverness site"), and the two share hosts.
 */
function narrows(words: Word[], from: number, position: number, index: InventoryIndex): Host[] | undefined {
  if (position - from < 2 || position - from > 5) return undefined;
  const between = words.slice(from + 1, position).map((w) => w.lower);
  if (!between.every((w) => BETWEEN.test(w)) || !between.some((w) => /^(in|at|from)$/.test(w))) return undefined;
  const hosts = tagHostsAt(words, position, index);
  return hosts && hosts.length > 0 ? hosts : undefined;
}

/** A word that reads like a machine name: shares a name prefix with the inventory, or is a near miss. */
function looksLikeHost(text: string, index: InventoryIndex): boolean {
  if (/\d/.test(text) && /^[a-z]/i.test(text)) {
    const prefix = (/^[a-z]+/i.exec(text)?.[0] ?? '').toLowerCase();
    // "PC-99" is shaped like "PC-042"; "WH2" (a site) is not shaped like "WH2-PICK-11".
    if (prefix.length >= 2 && index.prefixes.has(prefix) && index.shapes.has(nameShape(text))) return true;
  }
  // "PAYRUNB" for PAYRUN-B: written in capitals and the same name once its dashes are gone.
  if (text.length >= 5 && /^[A-Z][A-Z0-9]+$/.test(text) && index.bySquash.has(squash(text))) return true;
  return text.length >= 4 && /[\d-]/.test(text) && nearMisses(text, index).length > 0;
}
