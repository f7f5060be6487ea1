import type { Host } from '../domain';
import type { InventoryIndex } from './inventory-index';

/**
 * Ranges of hosts: "RDSH01-04", "RDSH01-RDSH04", "PC-040..PC-043" in one word, or "PC-040 through
 * PC-043", "RDSH01 to RDSH03", "RDSH01 - RDSH03" in three. A range expands through the inventory (every
 * inventory host inside it, in order); a range that cannot be expanded is reported, never dropped.
 */

/** Longest range expanded; wider ones are asked about (one typo must not reach a thousand hosts). */
export const MAX_RANGE = 500;

export type RangeResult = { hosts: Host[] } | { problem: string };

// "RDSH01-04", "WH2-PICK-11-14": the prefix runs to the last letter or separator before the first number.
const SHORT_RANGE = /^([a-z](?:[a-z0-9-]*[a-z-])?)(\d+)(?:-|\.{2,3})(\d+)$/i;
// "PC-040..PC-043", "RDSH01-RDSH04": both ends carry the same prefix (the back-reference).
const LONG_RANGE = /^([a-z](?:[a-z0-9-]*[a-z-])?)(\d+)(?:-|\.{2,3})\1(\d+)$/i;
const MAYBE_RANGE = /\d(?:-|\.\.)/;
const CONNECTORS = new Set(['through', 'thru', 'to', 'till', 'until', '-', '..', '...', '–']);

/** A name around its last number: "SHOP014-BO" -> shop, 014, -bo; "RDSH01" -> rdsh, 01, "". */
function split(name: string): { prefix: string; digits: string; suffix: string } | undefined {
  const match = /^(.*?)(\d+)(\D*)$/.exec(name);
  return match
    ? { prefix: (match[1] ?? '').toLowerCase(), digits: match[2] ?? '', suffix: (match[3] ?? '').toLowerCase() }
    : undefined;
}

function expand(prefix: string, fromDigits: string, toDigits: string, index: InventoryIndex, suffix = ''): RangeResult {
  const from = Number(fromDigits);
  const to = Number(toDigits);
  if (!(to > from)) return { problem: `the range ${prefix}${fromDigits} to ${toDigits} does not count up` };
  if (to - from > MAX_RANGE) return { problem: `the range ${prefix}${fromDigits} to ${toDigits} is too wide` };
  const hosts: Host[] = [];
  for (let n = from; n <= to; n++) {
    const plain = `${prefix}${n}${suffix}`;
    const padded = `${prefix}${String(n).padStart(fromDigits.length, '0')}${suffix}`;
    const host = index.byName.get(padded) ?? index.byName.get(plain);
    if (host && !hosts.includes(host)) hosts.push(host);
  }
  return hosts.length > 0 ? { hosts } : { problem: `no inventory host lies in ${prefix}${fromDigits} to ${toDigits}` };
}

/** "RDSH01-04", "PC-040..PC-043": a range in one word, or undefined when the word is no range. */
export function oneWordRange(word: string, index: InventoryIndex): RangeResult | undefined {
  // Most words hold no digit followed by "-" or "..": rejected without allocating anything.
  if (!MAYBE_RANGE.test(word)) return undefined;
  if (index.byName.has(word.toLowerCase())) return undefined; // "PC-042" itself is a name, not a range
  const match = LONG_RANGE.exec(word) ?? SHORT_RANGE.exec(word);
  if (!match) return undefined;
  const [, prefix = '', fromDigits = '', toDigits = ''] = match;
  // "RDSH01-4" keeps the width of the first; "RDSH1-RDSH12" compares as numbers.
  return expand(prefix.toLowerCase(), fromDigits, toDigits, index);
}

/** "PC-040 through PC-043": both ends inventory hosts of one role and one name prefix. */
export function spelledRange(
  first: Host,
  connector: string | undefined,
  last: Host | undefined,
  index: InventoryIndex,
): RangeResult | undefined {
  if (!connector || !CONNECTORS.has(connector) || !last || last === first || last.role !== first.role) return undefined;
  const a = split(first.name);
  const b = split(last.name);
  if (!a || !b || a.prefix !== b.prefix || a.suffix !== b.suffix) return undefined;
  return expand(a.prefix, a.digits, b.digits, index, a.suffix);
}

/**
 * "CTX-VDA-11 through 15": the first end an inventory host, the last only its number; or "CNH-OPS-21 to
 * CNH-OPS-25" where the last end is a name of the same shape that the inventory lacks (rule 2: every
 * inventory host inside the range).
 */
export function spelledToNumber(
  first: Host,
  connector: string | undefined,
  end: string | undefined,
  index: InventoryIndex,
): RangeResult | undefined {
  if (!connector || !CONNECTORS.has(connector) || !end) return undefined;
  const a = split(first.name);
  if (!a) return undefined;
  if (/^\d{1,6}$/.test(end)) return a.suffix ? undefined : expand(a.prefix, a.digits, end, index);
  const b = split(end);
  if (!b || b.prefix !== a.prefix || b.suffix !== a.suffix || b.digits.length > 6) return undefined;
  return expand(a.prefix, a.digits, b.digits, index, a.suffix);
}
