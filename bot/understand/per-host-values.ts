import type { Host, ParseResult, PlannedOperation } from '../domain';
import { perHostParts } from './per-host-parts';
import { changes } from './safety';

/** Same operation, different hosts, different values: the message gives each host its own. */
function givesValuesPerHost(results: ParseResult[]): boolean {
  const ops = results.flatMap((result) => result.operations);
  return ops.some((a, i) =>
    ops
      .slice(i + 1)
      .some(
        (b) =>
          a.intent === b.intent &&
          a.targets.length > 0 &&
          b.targets.length > 0 &&
          a.targets.every((t) => !b.targets.includes(t)) &&
          Object.keys(a.params).some(
            (key) => key in b.params && JSON.stringify(a.params[key]) !== JSON.stringify(b.params[key]),
          ),
      ),
  );
}

/**
 * A value per host ("CORESHED-TS wants per device, GEOSERVER wants per user"): the message read as the
 * parts `perHostParts` cuts it into, but only when two parts give the same operation different values
 * for different hosts; otherwise the caller's reading stands.
 */
const VALUES = new Set(['mode', 'servers', 'reboot', 'restart', 'scope', 'op']);

export function perHostValues(
  text: string,
  whole: ParseResult,
  inventory: readonly Host[],
  parse: (part: string) => ParseResult,
): ParseResult | undefined {
  // Only a plan for two hosts or more with a value to give can give each its own; most messages have none.
  const hosts = new Set(whole.operations.flatMap((op) => op.targets));
  if (hosts.size < 2 || !whole.operations.some((op) => Object.keys(op.params).some((key) => VALUES.has(key))))
    return undefined;
  // "reboot now for A, scheduled for B - refresh the licensing cert on both": the order comes last, for
  // every host; each host's value comes before it. The order is read with each host's part.
  const last = ORDER_FOR_EVERY_HOST.exec(text);
  const values = last ? text.slice(0, last.index) : text;
  const order = last ? (last[1] as string).replace(/\s+(?:on|for|to) (?:both|all|them|each)\b(?: of them)?/i, '') : '';
  // With the order last, the values before it are a list: "now for A, scheduled for B".
  const parts =
    perHostParts(values, inventory) ??
    (order ? values.split(/\s*[,;]\s*|\s+and\s+/).filter((part) => part.trim().length > 0) : undefined);
  // "..., and point both of them at KVLIC-DR": a part about every host named; the caller's reading.
  if (!parts || parts.some((part) => EVERY_HOST_BEFORE.test(part))) return undefined;
  const results = valuedParts(
    parts.map((part) => (order ? `${order} ${part.trim()}` : part)),
    parse,
  );
  if (!results || !givesValuesPerHost(results)) return undefined;
  const needs = [...new Set(results.flatMap((result) => result.needs))];
  return {
    text,
    operations: perHost(results),
    needs,
    suggestions: results.flatMap((r) => r.suggestions),
    candidates: [],
  };
}

/** An operation that could differ from another part's: hosts and a value. */
const valued = (result: ParseResult): boolean =>
  result.operations.some((op) => op.targets.length > 0 && Object.keys(op.params).length > 0);

/**
 * The parts understood, or undefined as soon as fewer than two of them can give values: one reading
 * has one operation per intent, so two values for one intent need two parts. The long tail of a
 * ticket is then not read again when the part before it gave no value.
 */
function valuedParts(parts: string[], parse: (part: string) => ParseResult): ParseResult[] | undefined {
  const results = new Array<ParseResult>(parts.length);
  let withValues = 0;
  // Shortest first: a ticket's long tail is read last, and not at all when the short parts give no values.
  const order = parts.map((_, at) => at).sort((a, b) => (parts[a] as string).length - (parts[b] as string).length);
  for (const [done, at] of order.entries()) {
    if (withValues + (parts.length - done) < 2) return undefined;
    const result = parse(parts[at] as string);
    if (valued(result)) withValues++;
    results[at] = result;
  }
  return results;
}

/**
 * "RDSH01, RDSH02 per user; RDSH04 per device" (no verb): still a question of change or not, but the
 * change offered gives each host its own value, not the first value to every host.
 */
export function perHostCandidates(
  text: string,
  whole: ParseResult,
  inventory: readonly Host[],
  parse: (part: string) => ParseResult,
): ParseResult | undefined {
  if (whole.operations.length > 0 || whole.candidates.length === 0) return undefined;
  const change = whole.candidates.filter((op) => changes(op.intent));
  const split = perHostValues(text, { ...whole, operations: change }, inventory, parse);
  if (!split) return undefined;
  const offered = split.operations.filter((op) => changes(op.intent));
  return { ...whole, candidates: [...offered, ...whole.candidates.filter((op) => !changes(op.intent))] };
}

const ORDER_FOR_EVERY_HOST =
  /\s+[-–—]\s+((?:please\s+)?(?:refresh|reset|set|restart|clear|point|switch|renew)\b[^,;.]*\b(?:on|for|to) (?:both|all|them|each)\b(?: of them)?[^,;.]*)$/i;

const EVERY_HOST_BEFORE = /\b(both|all)\s+(of\s+)?(them|those|these)\b|\bthem\s+(both|all)\b/i;

/**
 * The parts' operations per host: a host named twice ("refresh the cert on A and B, A can reboot now
 * but B has to wait") has the values of its later part over those of its earlier one, and hosts left
 * with the same operation and values share one operation, in the order they were named.
 */
function perHost(results: ParseResult[]): PlannedOperation[] {
  const byHost = new Map<string, PlannedOperation>();
  const order: string[] = [];
  for (const op of results.flatMap((result) => result.operations))
    for (const target of op.targets.length > 0 ? op.targets : ['']) {
      const key = `${op.intent}|${target}`;
      const known = byHost.get(key);
      if (!known) order.push(key);
      byHost.set(key, {
        intent: op.intent,
        targets: target ? [target] : [],
        params: { ...known?.params, ...op.params },
      });
    }
  const operations: PlannedOperation[] = [];
  for (const key of order) {
    const op = byHost.get(key) as PlannedOperation;
    const same = operations.find(
      (known) => known.intent === op.intent && JSON.stringify(known.params) === JSON.stringify(op.params),
    );
    if (same) same.targets.push(...op.targets);
    else operations.push(op);
  }
  return operations;
}
