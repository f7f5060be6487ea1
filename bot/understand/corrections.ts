import type { Host, ParseResult, PlannedOperation } from '../domain';
import { takesNoHosts } from './targets';
import { namedTargets } from './named-targets';

/**
 * The writer changed their mind: "set OPSRDS02 to per user... no wait, per device", "clear the cache
 * on ASH-DESK-014, sorry, I meant ASH-DESK-015", "point X at LS1. Actually make that LS2", "restart the
 * service on DISPATCH - actually don't, ... just show me its events instead". The text after the last
 * such word is the request; what it does not say again comes from the text before it: a value alone
 * goes with the verb and host before it, another host with the verb before it, "don't" drops what came
 * before. Only operations the correction touches are replaced; the others stand.
 */
// A bare "actually" or "wait" only after a pause ("... actually no", ". Actually make that", "- wait, that
// one's decommissioned"): "is X actually licensed?", "wait for the window" correct nothing.
const CORRECTION =
  /(?:^|[\s,.;:!?-])(actually,? no|(?<=[.,;:!?-]\s{0,3}|\.\.\.\s{0,3}|\bhmm,?\s)actually|no wait|wait,? no|(?<=[.,;:!?-]\s{0,3}|\.\.\.\s{0,3}|\boh\s)wait(?=\s*[,.!:-])|sorry,? i meant|sorry,? i mean|sorry,? no|no,? sorry|on second thoughts?|scratch that|i meant|make that|correction:)(?=[\s,.:;!?]|$)/gi;
// "never mind the grace reset, just restart ...": what is dropped may be named before the new request.
const DROPS_BEFORE =
  /^[\s,.:;!-]*(don'?t|do not|never ?mind|(forget|skip|scrap|cancel|drop|leave) (it|that|this)|no,? (don'?t|not))\b(?:[^,;.]{0,60}?[,;.]\s*(?=(?:just|instead|rather|only|please)\b))?/i;

const DROPS_FIRST =
  /^\s*(?:never ?mind|forget|skip|scrap|no need for|don'?t bother with)\s+((?:the\s+)?[^,;.!?]{2,60}?)\s*[,;.]\s*(?=(?:just|instead|only|rather)\b)/i;

const DROPS_ONE =
  /^[\s,.:;!-]*(?:never ?mind|forget|skip|scratch|no need for|don'?t bother with|leave out)\s+(?:the\s+)?(?:restart|reboot|bounce|cert|certificate|grace|events|cache|mode|diagnosis)\b/i;
const LEAVE_THAT_ONE =
  /^[\s,.:;!-]*leave (?:that|this|it)(?: one)?(?: alone| out| be)?\s*(?:[,;.]|-{1,2}|–|—)\s*(?=\S)(?!(?:just|instead|rather|only|please)\b)/i;

/** Words before the new host when it takes the old one's place ("it's RDSH05 I need"). */
const SWAP_LEAD = /^\W*(?:(?:it'?s|it is|i meant|i mean|rather|on|for)\s+)?(?:the\s+)?/i;
const ADDS = /\b(too|also|as well|aswell|and)\b/i;

export function correctedParse(
  text: string,
  inventory: readonly Host[],
  parse: (part: string) => ParseResult,
): ParseResult | undefined {
  // "never mind the cert refresh on X, just restart its service": what is dropped is said first, with its host.
  const leading = DROPS_FIRST.exec(text);
  if (leading) {
    const dropped = parse(leading[1] as string);
    const instead = parse(text.slice(leading[0].length));
    if (instead.operations.length > 0)
      return settled({ ...instead, operations: inheritTargets(instead.operations, dropped.operations) });
  }
  const markers = [...text.matchAll(CORRECTION)];
  const last = markers.at(-1);
  if (!last || last.index === undefined) return undefined;
  const before = text.slice(0, last.index);
  // "actually no, leave that one - do FAC2-WS0103 instead": leaving the host before is what the swap does
  // ("leave it, just show me its events" drops what came before: DROPS_BEFORE reads it).
  const after = text.slice(last.index + last[0].length).replace(LEAVE_THAT_ONE, ' ');
  // "actually leave LABRDS-2 out": a host kept out, not a change of mind (kept-hosts.ts reads it).
  // "actually skip SANDBOX-TS" / "actually leave it out": the same, in other words; "actually skip that,
  // just show me its events" drops what came before.
  if (
    before.trim() === '' ||
    /^\W*(leave|skip|exclude|drop|ignore|forget)\b(?!\s+(that|this|it)\b[\s,]*(and\s+)?(just|instead|only|rather)\b)/i.test(
      after,
    )
  )
    return undefined;
  // "- actually never mind the restart, just the server change": one operation dropped by its name, which
  // dropped-operations.ts reads; the rest of the request stands.
  if (DROPS_ONE.test(after)) return undefined;
  const earlier = parse(before);
  if (earlier.operations.length === 0) return undefined;
  if (DROPS_BEFORE.test(after)) {
    const instead = parse(after.replace(DROPS_BEFORE, ''));
    return settled({ ...instead, operations: inheritTargets(instead.operations, earlier.operations) });
  }
  const hostAt = (piece: string) => namedTargets(piece, inventory)[0];
  const firstBefore = hostAt(before);
  const newHost = hostAt(after);
  // Another host: the verb before, that host. A value alone: the verb and host before, this value.
  const lead = !firstBefore ? before : before.slice(0, leadEnd(before, firstBefore.word, Boolean(newHost)));
  const own = parse(after);
  // A value alone ("make that TVWLIC-HQ") reads as a diagnosis of what it names: not a request of its own.
  const standsAlone = own.operations.some((op) => op.intent !== 'licensing.diagnose');
  let later = standsAlone && !newHost ? own : parse(`${lead} ${after}`);
  // "set RDSH04 to per user. oh wait, it's RDSH05 I need": the verb alone lost the value after the old
  // host, so the new host takes the old one's place in the request before ("RDSH05 is broken too" adds).
  const asBefore = (op: PlannedOperation) => earlier.operations.some((known) => known.intent === op.intent);
  const swapped =
    newHost && firstBefore && after.replace(SWAP_LEAD, '').startsWith(newHost.word) && !ADDS.test(after)
      ? before.replace(firstBefore.word, newHost.word)
      : undefined;
  if (swapped && !standsAlone && !later.operations.some(asBefore)) later = parse(swapped);
  if (later.operations.length === 0) return undefined;
  const replaced = new Set(later.operations.map((op) => op.intent));
  const kept = earlier.operations.filter((op) => !replaced.has(op.intent));
  return settled({ ...later, text, operations: [...kept, ...inheritTargets(later.operations, earlier.operations)] });
}

/**
 * Where the words the correction keeps end: before the old host when a new one takes its place, after
 * it otherwise; a host in the possessive keeps what it owns ("clear DENT-1128's licence cache, whole key.
 * oh wait, only the subkeys": the verb, the host and "licence cache", up to the clause's end).
 */
function leadEnd(before: string, host: string, newHost: boolean): number {
  const at = before.indexOf(host);
  if (newHost) return at;
  const after = at + host.length;
  if (!/^['’]s\b/.test(before.slice(after))) return after;
  const clauseEnd = before.slice(after).search(/[,;.!?]/);
  return clauseEnd < 0 ? before.length : after + clauseEnd;
}

/** Hosts inherited from before the correction: "which host?" is no longer a question. */
function settled(result: ParseResult): ParseResult {
  const hostless = result.operations.some((op) => op.targets.length === 0 && !takesNoHosts(op.intent));
  return hostless ? result : { ...result, needs: result.needs.filter((need) => need !== 'target') };
}

/** An operation the correction names without hosts takes the hosts the text before it named. */
function inheritTargets(ops: PlannedOperation[], before: PlannedOperation[]): PlannedOperation[] {
  const hosts = [...new Set(before.flatMap((op) => op.targets))];
  return ops.map((op) => (op.targets.length === 0 && hosts.length > 0 ? { ...op, targets: hosts } : op));
}
