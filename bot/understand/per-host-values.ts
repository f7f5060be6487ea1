import type { Host, ParseResult, PlannedOperation } from '../domain';
import { type NamedTarget, namedTargets } from './named-targets';

/**
 * A value per host: "CORESHED-TS wants per device, GEOSERVER wants per user", "refresh the cert on
 * KRTS-ENG-03 (reboot now) and on KRTS-ENG-05 (reboot tonight)", "HAULTRUCK-TS should be per device and
 * use LS1; KRTS-ENG-03 should be per user with LS2". The message is cut before each host that follows a
 * separator, a part without a verb takes the words before the first host, and each part is understood
 * alone. Only when two parts give the same operation different values for different hosts is the
 * message read this way; otherwise the caller's reading stands. Cut by inventory names, not by their
 * shape, so names without digits ("GEOSERVER") count.
 */
const BEFORE_HOST =
  /(,|;|\.|\s(?:and|but|while|whereas|plus))\s+(?:(?:then|also|please|pls)\s+)?(?:(?:on|for|to)\s+)?(?:the\s+)?$/i;

/** "per user on A and per device on B": a value, then its host, after the separator. */
const VALUE_BEFORE_HOST =
  /(\s)(?:and|plus|,)\s+(?:then\s+)?(?:per[- ]?(?:user|device|seat)|(?:user|device) (?:mode|cals?))\s(?:on|for)\s+(?:the\s+)?$/i;

const OWN_WORDS_BEFORE_HOST = /(\s)(?:but|while|whereas)\s+(?:only\s+)?[a-z][\w ]{2,30}\s(?:on|for)\s+(?:the\s+)?$/i;

/** The parts, each with a verb, or undefined when the message does not cut into two or more. */
export function perHostParts(text: string, inventory: readonly Host[]): string[] | undefined {
  const named = namedTargets(text, inventory);
  if (new Set(named.map((m) => m.host.name)).size < 2) return undefined;
  const first = named[0] as NamedTarget;
  const cuts: number[] = [];
  for (const mention of named.slice(1)) {
    const before = BEFORE_HOST.exec(text.slice(Math.max(0, mention.at - 30), mention.at));
    if (before) cuts.push(mention.at - before[0].length);
  }
  // "clear MSLicensing completely on A but only the subkeys on B": a separator, its own words, then the host.
  for (const mention of named.slice(1)) {
    const window = text.slice(Math.max(0, mention.at - 50), mention.at);
    const before = OWN_WORDS_BEFORE_HOST.exec(window) ?? VALUE_BEFORE_HOST.exec(window);
    if (before && !cuts.includes(mention.at - before[0].length + (before[1]?.length ?? 0)))
      cuts.push(mention.at - before[0].length + (before[1]?.length ?? 0));
  }
  cuts.sort((a, b) => a - b);
  if (cuts.length === 0) return undefined;
  // "reset grace on both sandbox boxes: A can restart later, B ...": after a colon the hosts are listed
  // one by one, so each part takes the verb without the words that named them all.
  const listed = /:\s*$/.test(text.slice(0, first.at));
  const lead = listed
    ? text.slice(0, first.at).replace(/\b(on|for|to)\b[^:]*:\s*$|:\s*$/i, '')
    : text.slice(0, first.at);
  // "SCRIPT-TS2 per device, SCRIPTORIUM per user - set both please": the verb comes after the values.
  const verbAfter =
    /^\s*per[- ]?(user|device|seat)\b/i.test(lead) ||
    (lead.trim() === '' &&
      /\b(set|configure|apply|change|switch|do)\b.{0,20}$|\b(set|configure|do) (both|all|them|these|those)\b|\b(both|all),? please\b/i.test(
        text,
      ));
  const parts: string[] = [];
  let start = listed ? first.at : 0;
  for (const cut of [...cuts, text.length]) {
    parts.push(text.slice(start, cut).replace(/^[\s,;]*(and|but|while|whereas|plus)?\s*/i, ''));
    start = cut;
  }
  return parts.map((part, index) =>
    index === 0 && !listed && !verbAfter ? part : withLead(verbAfter ? 'set ' : lead, part),
  );
}

/** "on KRTS-ENG-05 (reboot tonight)" after "refresh the cert on KRTS-ENG-03 ...": the verb comes along. */
function withLead(lead: string, part: string): string {
  const verbless =
    !/^\s*(?:(?:please|pls|then|also)\s+)?(reset|clear|wipe|set|switch|change|point|move|add|drop|restart|reboot|refresh|renew|make|put|give|use)\b/i.test(
      part,
    );
  if (!verbless || lead.trim() === '') return part;
  // "only the subkeys on B": the part has its own object, so it takes the verb alone ("clear").
  // The verb and its object, without how and where: "clear MSLicensing completely on " -> "clear MSLicensing ".
  const verb = lead.replace(/\s+(?:(?:completely|fully|entirely|totally|altogether)\s+)?(?:on|for)\s*$/i, ' ');
  if (/^\s*only\b/i.test(part)) return `${verb}${part.trimStart()}`;
  const preposition = /^\s*(on|for|to)\s/i.test(part);
  return `${preposition ? lead.replace(/\b(on|for|to)\s*$/i, '') : lead}${part.trimStart()}`;
}

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
  const parts = perHostParts(text, inventory);
  // "..., and point both of them at KVLIC-DR": a part about every host named; the caller's reading.
  if (!parts || parts.some((part) => EVERY_HOST_BEFORE.test(part))) return undefined;
  const results = parts.map(parse);
  if (!givesValuesPerHost(results)) return undefined;
  const needs = [...new Set(results.flatMap((result) => result.needs))];
  return {
    text,
    operations: perHost(results),
    needs,
    suggestions: results.flatMap((r) => r.suggestions),
    candidates: [],
  };
}

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
