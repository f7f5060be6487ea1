import type { Host, Need, ParseResult, PlannedOperation } from '../domain';
import { changes } from './safety';
import { takesNoHosts } from './targets';
import { indexInventory } from './inventory-index';
import { namedOwners, namedTargets } from './named-targets';
import { correctTypos } from './typos';

/**
 * Hosts a message says to leave out: "grace reset on KRTS-TEST-B only, leave KRTS-TEST-A alone",
 * "KRTS-ENG-01 stays on KRLS-PERTH, but move KRTS-ENG-02 to KRLS-DR", "all FIN hosts except FIN03".
 * A clause that only keeps a host as it is goes from the text (its values are not the request's), and
 * "except X" goes with it; the hosts named there are never targets, whatever group named them too.
 */
export interface KeptHosts {
  text: string;
  kept: Set<string>;
  /** "except vault-rds which should use LICSRV-DR": a host kept out of the group with a request of its own. */
  own: string[];
}

/** What follows an excepted host when it gets its own value ("which should use LICSRV-DR"). */
const OWN_VALUE =
  /^\s*,?\s*(?:which|that|who)\s+((?:should|needs?(?: to)?|must|has to|is to|gets?|goes|wants?)\b[^,;.!?]{1,80})/i;

// A dash between words ("... SANDBOX-TS - actually skip SANDBOX-TS") breaks a clause too.
const CLAUSE_BREAK =
  /(?<=[,;.!?])\s+|\s+-{1,2}\s+|\s+(?=but\s)|\s+(?=so (?:just|only)\s)|\s+(?=and\s+(?:leave|keep|do not|don't|dont|not)\b)/i;

/**
 * A clause that keeps its host as it is, with nothing in it that asks for a change of its own ("A stays",
 * "leave A alone", "A was done last week").
 */
const KEEPS =
  /^\s*(?:(?:actually|oh|wait|sorry|no)[,\s]+){0,3}(forget|skip|ignore|never ?mind|scratch|not)\b|^\s*(?:(?:actually|oh|wait|sorry|no|hmm|but)[,\s]+){0,3}(?:just\s+)?leave\s+[\w.-]+(?:\s*(?:,|and|&)\s*[\w.-]+)*\s*[,.;!]?\s*$|\bleave\b.{0,40}\b(alone|as (it is|is)|untouched|be|out)\b|\b(stays?|remains?|can stay|should stay)\b|\bkeep\b.{0,30}\b(as (it is|is)|the same|unchanged|untouched)\b|\b(is|are|looks?|seems?)( to be)?( (still|perfectly|totally))? (fine|ok|okay|good|correct|healthy|unaffected)( as (it is|is))?\b|\buntouched\b|\b(do not|don't|dont|never|please do not|pls don't) (touch|change|reset|modify|do)\b/i;
/** "TAXCALC-01 was done last week": kept as it is, unless another clause names it again. */
const DONE_ALREADY =
  /\b(was|were|has been|have been|got)( already)? (done|sorted|fixed|handled|updated|changed|refreshed|reset)\b(?! (yet|either))/i;
/**
 * "I reset BRK-CC1001 myself this morning", "same as we did for GRY-T1003 last week", "following on from the
 * GNX-RDS03 work last Thursday": done by the writer.
 */
const DONE_BY_US =
  /(?:^|[,;.!?]\s+)\s*(?:(?:i|we)(?:'ve| have)?(?: already| just)? (?:reset|cleared|refreshed|restarted|rebooted|fixed|did|done|sorted|changed|switched|wiped)\b.{0,60}\b(?:myself|ourselves|already|this morning|yesterday|earlier|last (?:week|night)|on (?:monday|tuesday|wednesday|thursday|friday))\b|(?:same|just) (?:as|like) (?:we|i|you) did (?:for|on|with)\b|^(?:following (?:on )?from|further to|as a follow[- ]up (?:to|on)) (?:the |our |your |my )?[\w.-]+ (?:work|change|fix|reset|job|ticket)\b.{0,30}\b(?:last \w+|yesterday|this morning|earlier|on (?:monday|tuesday|wednesday|thursday|friday))\b)/i;
const ALSO_ASKS =
  /\b(reset|clear|wipe|delete|remove|set|switch|change|point|move|add|drop|restart|reboot|refresh|renew|rearm|make|put|use)\b/i;
/** A read-only ask beside the keep ("show the events on A. B looks fine though"): B is no target of it either. */
const ALSO_READS = /\b(show|list|check|diagnose|troubleshoot|look at|what|why|how)\b|\?/i;
/** A complaint beside the keep ("everyone gets 'Because of a security error ...' on A. B seems fine."). */
const ALSO_COMPLAINS =
  /\b(can'?t|cannot|unable|errors?|fails?|failing|failed|broken|not working|gets|getting|disconnect\w*|kicked|refused|denied)\b/i;
const NEGATED_CHANGE = /\b(do not|don't|dont|never|not) (touch|change|reset|modify|do|restart|reboot)\b/i;

/** "leave that one alone", "leave it out", "leave them be": a keep that names its host by pointing back. */
const ANAPHOR = /\bleave (that one|this one|that|this|it|them|those|him|her)\b/i;

/** A clause that is only the writer pausing ("no wait,", "sorry,", "oh wait -"). */
const ONLY_A_PAUSE = /^[\s,.;:!-]*(?:no wait|wait,? no|oh wait|wait|actually(?:,? no)?|sorry|hmm|hang on)[\s,.;:!-]*$/i;

const EXCEPT = /\b(except( for)?|excluding|but not|apart from|other than|save for|not)\s+(the\s+)?$/i;

export function withoutKeptHosts(text: string, inventory: readonly Host[]): KeptHosts {
  const kept = new Set<string>();
  const own: string[] = [];
  const { byName } = indexInventory(inventory);
  const targetsIn = (clause: string) => namedTargets(clause, inventory);
  if (
    !KEEPS.test(text) &&
    !DONE_ALREADY.test(text) &&
    !DONE_BY_US.test(text) &&
    !LATER_KEEP.test(text) &&
    !EXCEPT_WORDS.test(text)
  )
    return { text, kept, own };
  const clauses = text.split(CLAUSE_BREAK);
  if (clauses.length > 1) {
    const dropped = new Set<number>();
    clauses.forEach((clause, index) => {
      const byUs = DONE_BY_US.test(clause) && !/\b(can|could|please|pls)\b/i.test(clause);
      const done = (!KEEPS.test(clause) && DONE_ALREADY.test(clause) && !ALSO_ASKS.test(clause)) || byUs;
      const keepsClause = done || (KEEPS.test(clause) && (!ALSO_ASKS.test(clause) || NEGATED_CHANGE.test(clause)));
      if (!keepsClause) return;
      // "byrnet sitting next to him is fine": a person named for their PC is kept as that PC.
      let hosts = [...targetsIn(clause), ...namedOwners(clause, inventory)];
      // "the server was changed on RDSH07 but ... Please restart TermService on RDSH07": named again, it is asked for.
      if (done) {
        const elsewhere = new Set(
          targetsIn(clauses.filter((_, other) => other !== index).join(' ')).map((n) => n.host),
        );
        hosts = hosts.filter(({ host }) => !elsewhere.has(host));
        // "I changed X to per user yesterday and it flipped back": what we did to the one host asked about.
        if (byUs && elsewhere.size === 0) hosts = [];
      }
      // "FIN02 has the same error but leave that one alone": the hosts of the report just before.
      const previous = clauses[index - 1];
      if (hosts.length === 0 && ANAPHOR.test(clause) && previous !== undefined && !ALSO_ASKS.test(previous)) {
        hosts = targetsIn(previous);
        if (hosts.length > 0) dropped.add(index - 1);
      }
      if (hosts.length === 0) return;
      for (const { host } of hosts) kept.add(host.name);
      dropped.add(index);
      // "... - no wait, leave A alone": the change of mind is the keep's; alone it would undo the request.
      if (previous !== undefined && ONLY_A_PAUSE.test(previous)) dropped.add(index - 1);
    });
    const rest = clauses.filter((_, index) => !dropped.has(index));
    // Only when something else is asked or complained of: "RDSH01 stays on LS1" alone is a statement to answer.
    // Read with its typos corrected: "restrat termservice on A to D but leave C alone" asks.
    const asks = (clause: string): boolean =>
      ALSO_ASKS.test(correctTypos(clause.toLowerCase())) || ALSO_READS.test(clause) || ALSO_COMPLAINS.test(clause);
    if (kept.size > 0 && rest.some(asks)) text = rest.join(' ');
    else kept.clear();
  }
  // "BRC-AGENT-4141 to 4144 apart from 4142": a number kept out of a range is the host with that number.
  for (const match of [...text.matchAll(EXCEPT_NUMBER)]) {
    for (const { host } of targetsIn(text)) {
      const digits = /\d+$/.exec(host.name)?.[0];
      if (!digits) continue;
      const sibling = byName.get(
        `${host.name.slice(0, -digits.length)}${(match[3] as string).padStart(digits.length, '0')}`.toLowerCase(),
      );
      if (sibling && sibling.role !== 'license-server') kept.add(sibling.name);
    }
  }
  if (kept.size > 0) text = text.replace(EXCEPT_NUMBER, '');
  // Where a list of excepted hosts goes on: "apart from A and B", "except A, B or the supervisor's (C)".
  let listFrom = -1;
  for (const { host, word } of [...targetsIn(text), ...namedOwners(text, inventory)].sort((a, b) => a.at - b.at)) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    const before = EXCEPT.exec(text.slice(Math.max(0, at - 20), at));
    const continues = !before && listFrom >= 0 && LIST_GOES_ON.test(text.slice(listFrom, at));
    if (!before && !continues) {
      listFrom = -1;
      continue;
    }
    kept.add(host.name);
    // "except ops-night's (PC)": a person named for their PC; the possessive and the noun go with the name.
    const possessive = /^['’]s(?:\s+(?:pc|machine|laptop|desktop|workstation|computer|box))?\b/i.exec(
      text.slice(at + word.length),
    );
    const end = at + word.length + (possessive?.[0].length ?? 0);
    const value = OWN_VALUE.exec(text.slice(end));
    if (value) own.push(`${word} ${value[1] as string}`);
    const start = before ? at - before[0].length : listFrom;
    text = `${text.slice(0, start)}${text.slice(end + (value?.[0].length ?? 0))}`;
    listFrom = start;
  }
  return { text, kept, own };
}

/** Between two excepted hosts of one list: a comma, and/or, and at most two words ("the supervisor's ("). */
const LIST_GOES_ON = /^(?:\s|,|&|\band\b|\bor\b|\bnor\b)*(?:the\s+)?(?:[\w'’]+\s+){0,2}\(?\s*$/i;

/** "... . forget LMS-RDS01, just LMS-RDS02": a later clause that starts by dropping a host. */
const LATER_KEEP =
  /(?:[,;.!?]|\s-{1,2})\s*(?:(?:actually|oh|wait|sorry|no)[,\s]+){0,3}(forget|skip|ignore|never ?mind|scratch|leave)\b/i;

// A cheap test first: most messages keep nothing out, and the clause pass costs a tokenisation.
const EXCEPT_NUMBER = /\b(except( for)?|excluding|but not|apart from|other than|save for)\s+(\d{1,6})\b/gi;
const EXCEPT_WORDS =
  /\b(except|excluding|but not|apart from|other than|save for)\b|\bnot\s+(on\s+|for\s+)?(the\s+)?[a-z][\w]*[-\d]/i;

/** "..., except vault-rds which should use LICSRV-DR": the excepted host's own request comes after. */
export function withOwnRequests(result: ParseResult, own: ParseResult[]): ParseResult {
  // A message still to be asked about ("change or question?") gets no change beside the question.
  if (own.length === 0 || result.candidates.length > 0) return result;
  // Only a value of its own: "except RDSH03 which should stay as it is" asks for nothing.
  const asked = own.filter((one) => one.operations.some((op) => changes(op.intent)));
  if (asked.length === 0) return result;
  const operations = [
    ...result.operations,
    ...asked.flatMap((one) => one.operations.filter((op) => changes(op.intent))),
  ];
  const needs = [...new Set<Need>([...result.needs, ...asked.flatMap((one) => one.needs)])];
  return { ...result, operations, needs };
}

/** "..., leave KRTS-TEST-A alone": a host the message keeps out is no operation's target. */
export function withoutKept(result: ParseResult, kept: Set<string>): ParseResult {
  if (kept.size === 0) return result;
  const operations = result.operations
    .map((op) => ({ ...op, targets: op.targets.filter((target) => !kept.has(target)) }))
    .filter((op, at) => op.targets.length > 0 || (result.operations[at] as PlannedOperation).targets.length === 0);
  const needs = operations.some((op) => op.targets.length === 0 && !takesNoHosts(op.intent))
    ? [...new Set<Need>([...result.needs, 'target'])]
    : result.needs;
  // "per user on all CIRC hosts except LMS-RDS05": the readings offered to choose from keep it out too.
  const candidates = result.candidates
    .map((op) => ({ ...op, targets: op.targets.filter((target) => !kept.has(target)) }))
    .filter((op, at) => op.targets.length > 0 || (result.candidates[at] as PlannedOperation).targets.length === 0);
  return { ...result, operations, needs, candidates };
}
