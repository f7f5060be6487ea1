import type { Host } from '../domain';
import { indexInventory } from './inventory-index';
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
  /(?:(?:,|;|\.|\s(?:and|but|while|whereas|plus))\s+|\n\s*)(?:(?:then|also|please|pls)\s+)?(?:(?:on|for|to)\s+)?(?:the\s+)?$/i;

/** "per user on A and per device on B": a value, then its host, after the separator. */
const VALUE_BEFORE_HOST =
  /(\s?)(?:(?<=\s)and|(?<=\s)plus|,)\s+(?:then\s+)?(?:per[- ]?(?:user|device|seat)|(?:user|device) (?:mode|cals?))\s(?:on|for)\s+(?:the\s+)?$/i;

const OWN_WORDS_BEFORE_HOST = /(\s)(?:but|while|whereas)\s+(?:only\s+)?[a-z][\w ]{2,30}\s(?:on|for)\s+(?:the\s+)?$/i;

/**
 * "LABRDS-ALPHA restart now, LABRDS-BETA restart later - grace reset on both": the verb comes last, for
 * every host listed before it.
 */
const VERB_LAST =
  /(?:\s+-\s+|[,;.]\s+)((?:[a-z]+ ){0,3}[a-z]+)\s+(?:on|for|to)\s+(?:both|all|each|them|these|those)(?: of them)?(?:,? please|,? pls)?[.!]?\s*$/i;
const A_VERB = /\b(reset|clear|wipe|set|switch|change|point|move|add|restart|reboot|refresh|renew|rearm|do)\b/i;

/** "PAC-TS3 per device" after "PAC-TS1 should be per user;": a host and a value, the setting implied. */
const HOST_THEN_VALUE =
  /^\s*((?:[^\s,]+\s*(?:,|\band\b|&)\s*){0,8}[^\s,]+)\s+(?=(?:per[- ]?(?:user|device|seat)|(?:user|device) (?:mode|cals?))\b)/i;

/** Politeness before the first host is no verb: "please: A reboot now, B scheduled - refresh both". */
const NO_VERB = /^[\s\W]*(?:(?:please|pls|kindly|hi|hello|hey|ok|okay|so)\b[\s\W]*)*$/i;

/** The parts, each with a verb, or undefined when the message does not cut into two or more. */
export function perHostParts(given: string, inventory: readonly Host[]): string[] | undefined {
  const text = hostsBeforeServers(given, inventory);
  const named = namedTargets(text, inventory);
  if (new Set(named.map((m) => m.host.name)).size < 2) return undefined;
  const first = named[0] as NamedTarget;
  const found: number[] = [];
  for (const mention of named.slice(1)) {
    const before = BEFORE_HOST.exec(text.slice(Math.max(0, mention.at - 30), mention.at));
    if (before) found.push(mention.at - before[0].length);
  }
  // "clear MSLicensing completely on A but only the subkeys on B": a separator, its own words, then the host.
  for (const mention of named.slice(1)) {
    const window = text.slice(Math.max(0, mention.at - 50), mention.at);
    const before = OWN_WORDS_BEFORE_HOST.exec(window) ?? VALUE_BEFORE_HOST.exec(window);
    if (before && !found.includes(mention.at - before[0].length + (before[1]?.length ?? 0)))
      found.push(mention.at - before[0].length + (before[1]?.length ?? 0));
  }
  found.sort((a, b) => a - b);
  // "reset grace on both sandbox boxes: A can restart later, B ...": after a colon the hosts are listed
  // one by one, so each part takes the verb without the words that named them all.
  const listed = /:\s*$/.test(text.slice(0, first.at));
  // A heading with no verb keeps its colon ("licence servers: A to LS1, B to LS2"): the colon is what asks.
  const heading = text.slice(0, first.at);
  const lead = listed
    ? A_VERB.test(heading) || /\b(on|for|to)\b[^:]*:\s*$/i.test(heading)
      ? heading.replace(/\b(on|for|to)\b[^:]*:\s*$|:\s*$/i, ' ')
      : heading.replace(/:\s*$/, ': ')
    : heading;
  const bare = NO_VERB.test(lead);
  const last = bare ? VERB_LAST.exec(text) : null;
  const verbLast = last && A_VERB.test(last[1] as string) ? last : null;
  const end = verbLast ? verbLast.index : text.length;
  // "PAC-TS1 and PAC-TS2 should be per user; PAC-TS3 ...": a part that only lists hosts is the next one's.
  const hostWords = new Set(named.map((m) => m.word.toLowerCase()));
  const cuts: number[] = [];
  let from = listed ? first.at : 0;
  for (const cut of found.filter((at) => at < end)) {
    // Only without a verb in front: "refresh the cert on A and B, A can reboot now" gives B the verb.
    if (bare && onlyHosts(text.slice(from, cut), hostWords)) continue;
    cuts.push(cut);
    from = cut;
  }
  if (cuts.length === 0) return undefined;
  // "SCRIPT-TS2 per device, SCRIPTORIUM per user - set both please": the verb comes after the values.
  const verbAfter =
    /^\s*per[- ]?(user|device|seat)\b/i.test(lead) ||
    (bare &&
      /\b(set|configure|apply|change|switch|do)\b.{0,20}$|\b(set|configure|do|make) (both|all|them|these|those)\b|\b(both|all),? please\b/i.test(
        text,
      ));
  const verb = verbLast ? `${verbLast[1] as string} on ` : verbAfter ? 'set ' : lead;
  const parts: string[] = [];
  let start = listed ? first.at : 0;
  for (const cut of [...cuts, end]) {
    // The separator before a part goes; the message's own first word stays ("while LIC-A is patched, ...").
    const part = text.slice(start, cut);
    parts.push(start === 0 ? part.trimStart() : part.replace(/^[\s,;]*(and|but|while|whereas|plus)?\s*/i, ''));
    start = cut;
  }
  return parts.map((part, index) => {
    const led = index === 0 && !listed && !verbAfter && !verbLast ? part : withLead(verb, part);
    const value = HOST_THEN_VALUE.exec(led);
    return value && onlyHosts(value[1] as string, hostWords)
      ? `${value[0]}should be ${led.slice(value[0].length)}`
      : led;
  });
}

const LEADING_VALUE = /^\s*(?:per[- ]?(?:user|device|seat)|(?:user|device) (?:mode|cals?))\b/i;
const VALUE_AT_END =
  /\s*(?:modes?\s*:\s*)?(?:per[- ]?(?:user|device|seat)|(?:user|device) (?:mode|cals?))\s+(?:on|for)\s+(?:the\s+)?$/i;

/** A stretch of text that names hosts and nothing else ("PAC-TS1 and", "A, B,"). */
function onlyHosts(stretch: string, hostWords: Set<string>): boolean {
  const words = stretch.split(/[\s,;&]+/).filter((word) => word !== '');
  return words.length > 0 && words.every((word) => hostWords.has(word.toLowerCase()) || /^(and|the)$/i.test(word));
}

/** "on KRTS-ENG-05 (reboot tonight)" after "refresh the cert on KRTS-ENG-03 ...": the verb comes along. */
function withLead(lead: string, part: string): string {
  const verbless =
    !/^\s*(?:(?:please|pls|then|also)\s+)?(reset|clear|wipe|set|switch|change|point|move|add|drop|restart|reboot|refresh|renew|make|put|give|use)\b/i.test(
      part,
    );
  if (!verbless || lead.trim() === '') return part;
  // "please set modes: per user for A, per device for B": B's part has its own value, so it takes the verb
  // without A's ("please set per device for B").
  if (LEADING_VALUE.test(part)) return `${lead.replace(VALUE_AT_END, ' ')}${part.trimStart()}`;
  // "only the subkeys on B": the part has its own object, so it takes the verb alone ("clear").
  // The verb and its object, without how and where: "clear MSLicensing completely on " -> "clear MSLicensing ".
  const verb = lead.replace(/\s+(?:(?:completely|fully|entirely|totally|altogether)\s+)?(?:on|for)\s*$/i, ' ');
  if (/^\s*only\b/i.test(part)) return `${verb}${part.trimStart()}`;
  const preposition = /^\s*(on|for|to)\s/i.test(part);
  return `${preposition ? lead.replace(/\b(on|for|to)\s*$/i, '') : lead}${part.trimStart()}`;
}

/** A list item that names the server first: "FACLIC01 for FAC1-RDS01, DSGNLIC for DSGN-RDS01". */
const SERVER_FOR_HOST =
  /(^|[,;:]\s*|\n\s*|\band\s+)([a-z][\w-]*)\s+(?:for|on)\s+(?:the\s+)?([a-z][\w-]*)(?=[\s,;.!?-]|$)/gi;

/** Each "SERVER for HOST" item as "HOST to SERVER", the order the parts are cut by; other text as it is. */
function hostsBeforeServers(text: string, inventory: readonly Host[]): string {
  const { byName } = indexInventory(inventory);
  return text.replace(SERVER_FOR_HOST, (item: string, lead: string, server: string, host: string) =>
    byName.get(server.toLowerCase())?.role === 'license-server' &&
    byName.get(host.toLowerCase())?.role === 'session-host'
      ? `${lead}${host} to ${server}`
      : item,
  );
}
