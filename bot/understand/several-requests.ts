import type { Need, ParseResult, PlannedOperation } from '../domain';
import { normalise } from './normalise';
import { asksChange, changes } from './safety';
import { classify } from './speech-act';
import { POINTS_BACK } from './intent-words';
import { complaintsBeside } from './complaints-beside';
import { takesNoHosts } from './targets';
import { withoutTrailingContext } from './trailing-context';

/**
 * Several operations in one message ("refresh the cert on TS-HR-02 and restart RDS on TS-HR-01",
 * "clear the cache for asmith, and show me what jdoe asked for"): the message is cut where a new
 * request or question starts, each part is understood on its own with its own hosts (a part that names
 * none takes the message's), and the parts are joined in order. A part that adds no operation of its
 * own ("and reboot tonight", "and restart the service now" after a grace reset) belongs to the part
 * before it; parts that only report or complain ("PC-042 gets event 1003, reset its licence") are
 * context for the others, not requests of their own. ", and X's licence cache wants clearing": a new
 * subject in the possessive starts a new request.
 */
const NEXT_REQUEST =
  /\s+and\s+(?=per (?:user|device) (?:on|for) )|,\s+and\s+(?=[a-z][\w.-]{0,40}['’]s\s+(?!own\b))|,?\s+and\s+(?<=(?:per\s+(?:user|device)|\b(?:to|at|->|with|use)\s+[a-z][\w-]*[\d-][\w-]*|\([^()]{1,40}\))(?:\s+please)?,?\s+and\s+)(?=[a-z][\w-]{2,}\s+(?:\(|(?:(?:(?:also\s+)?(?:to|at|on|->|should use|should be|uses|needs))\s+)?(?:per\s+(?:user|device)\b|[a-z][\w-]*[\d-][\w-]*\b(?!\s+(?:to|at|through|thru|-)\b))))|(?<=[.!?])\s+(?=(?:meanwhile|for now|for the moment|separately|separate (?:thing|issue|note|request|question)|in the meantime|unrelated|another thing|also)\b)|\s*(?:,\s*(?:and\s+(?:after that\s+|afterwards\s+|then\s+)?|then\s+|also\s+|plus\s+)?|;\s*|\s\d{1,2}[.)]\s+|(?<=[.!?])\s+|\s+(?:and|&)\s+(?:then\s+|also\s+|afterwards\s+|after that\s+|instead\s+)?|\s+then\s+|\s+also\s+|\s+[-–—]{1,2}\s+)(?=(?:[a-z][\w-]*\d[\w-]*\s*:\s*)?(?:(?:separately|next|next one|finally|secondly|btw|oh and|another thing|meanwhile|in the meantime|also|and|but|(?:and )?(?:while|whilst) (?:you(?:'re| are)|i(?:'m| am)) (?:at it|there|here))[,:]?\s+)?(?:(?:please|pls|can you|could you|could u|can u|and|also,?)\s+)?(?:just\s+)?(?:reset|clear|wipe|delete|remove|set|switch|change|point|add|drop|restart|reboot|bounce|refresh|renew|rearm|extend|undo|roll ?back|revert|cancel|abort|scrap|put|make|show|list|check|diagnose|test|tell|give|take|pull|run|can|could|is|are|what|why|how|which|where|when|does|do|did|who|any)\b)/i;

const RESTART_TIMING =
  /\b(now|immediately|right away|asap|straight away|at once|later|tonight|after hours|maintenance window|next reboot|no rush)\b|\b(don'?t|do not|without|no)\b/i;

/** A diagnosis a part fell back to, with nothing in it that asks for one: context, not a request. */
const ASKS_DIAGNOSIS =
  /\b(wrong|diagnos\w*|troubleshoot\w*|health\w*|going on|up with|check|look at|investigate|problem|issue|broken|not working|why|what|which)\b|\b(licen[sc]ed|configured|set up) (properly|correctly|right)\b/i;

/** Words that point back at the hosts of the part before ("show me its events", "restart it there"). */

/** The hosts a part's operations name (an audit question names its host in `params.host`). */
function hostsNamed(result: ParseResult): string[] {
  return [
    ...new Set(
      result.operations.flatMap((op) => [
        ...op.targets,
        ...(typeof op.params.host === 'string' ? [op.params.host] : []),
      ]),
    ),
  ];
}

/** A part that starts with a host-like word, given the words before the first host of the part before. */
const SAME_FOR = /^\s*(?:(?:and|then|please|pls)\s+)*(?:do|same for|same on|same with)\s+(?=[a-z][\w-]*\d)/i;
const HOST_LIKE = /\b[a-z][\w-]*\d[\w-]*\b/i;

function withVerbOf(before: string, piece: string): string {
  // "...; do ZRDS-TIX-2 as well but ...", "same for B": the verb of the part before, on another host.
  const trimmed = piece.trim().replace(SAME_FOR, '');
  if (!/^[a-z][\w-]*\d[\w-]*\s/i.test(trimmed)) return piece;
  const lead = /^(.*?)\b[a-z][\w-]*\d[\w-]*\b/i.exec(before.trim())?.[1];
  return lead && /[a-z]/i.test(lead) ? `${lead}${trimmed}` : piece;
}

/** The license servers a part names as parameters ("can X reach LIC02?"). */
function serversNamed(result: ParseResult): string[] {
  const servers = result.operations.flatMap((op) => (Array.isArray(op.params.servers) ? op.params.servers : []));
  return [...new Set(servers.filter((server): server is string => typeof server === 'string'))];
}

/** Same operation asked two ways ("remove LIC-OLD ... and add LS-DR"): two operations, not one. */
function conflicts(a: PlannedOperation, b: PlannedOperation): boolean {
  if (a.intent !== b.intent) return false;
  // "point TIXRDS11 at KVLIC01 and TIXRDS12 at KVLIC02": other hosts, other servers: two operations.
  const otherHosts = b.targets.length > 0 && b.targets.every((target) => !a.targets.includes(target));
  if (
    otherHosts &&
    b.params.servers !== undefined &&
    JSON.stringify(a.params.servers) !== JSON.stringify(b.params.servers)
  )
    return true;
  return Object.keys(b.params).some(
    (key) => key in a.params && key !== 'servers' && JSON.stringify(a.params[key]) !== JSON.stringify(b.params[key]),
  );
}

function sameOperation(a: PlannedOperation, b: PlannedOperation): boolean {
  return a.intent === b.intent && JSON.stringify(a.params) === JSON.stringify(b.params);
}

export function combineParts(
  input: string,
  whole: ParseResult,
  parse: (part: string) => ParseResult,
  isLicenseServer: (name: string) => boolean = () => false,
): ParseResult | undefined {
  const pieces = input.split(NEXT_REQUEST).filter((part) => part.trim().length > 0);
  // More than six requests in one message is a ticket or a paste, read as one: each part costs a parse.
  if (pieces.length < 2 || pieces.length > 6) return undefined;
  // "point TIXRDS11 at KVLIC01 and TIXRDS12 at KVLIC02": a part that starts with a host after a request
  // takes that request's verb ("point TIXRDS12 at KVLIC02").
  const clauses = pieces.map((piece) => classify(normalise(piece)));
  const sameFor = new Set<number>();
  for (let at = 1; at < pieces.length; at++) {
    if (clauses[at - 1]?.act !== 'request') continue;
    // "refresh ... on A and reboot it now; do B as well": the verb is the one of the part that named a host.
    const source =
      at >= 2 && SAME_FOR.test(pieces[at] as string) && !HOST_LIKE.test(pieces[at - 1] as string) ? at - 2 : at - 1;
    const carried = withVerbOf(pieces[source] as string, pieces[at] as string);
    if (carried === pieces[at]) continue;
    if (SAME_FOR.test(pieces[at] as string)) sameFor.add(at);
    pieces[at] = carried;
    clauses[at] = classify(normalise(carried));
  }
  const acts = clauses.map((clause) => clause.act);
  // Fewer than two parts that ask anything ("ticket INC0448290 from the service desk." asks nothing): one
  // request with context, read whole (and without a parse each).
  const asking = clauses.filter(
    ({ act, text }) => act === 'request' || act === 'question' || (act === 'statement' && asksChange(text)),
  );
  if (asking.length < 2) return complaintsBeside(pieces, acts, parse, whole, isLicenseServer);
  // A merged group is parsed again only once, at the end, and only if the message turns out to hold two
  // requests: most long tickets are one request with chatter, and each parse costs.
  const groups: Array<{ text: string; result: ParseResult; stale: boolean }> = [];
  const asked = new Set(whole.operations.flatMap((op) => op.targets));
  // Complaints before any request, for a first request that points back at them ("X is throwing 1004s,
  // what's wrong with it?").
  let lead = '';
  for (const [at, original] of pieces.entries()) {
    const act = acts[at];
    const previous = groups.at(-1);
    // "refresh ... on A and reboot it now; do B as well but leave its reboot for the window": a later part
    // is weighed against what the part before says with its own additions ("reboot it now").
    if (previous?.stale && sameFor.has(at)) [previous.result, previous.stale] = [parse(previous.text), false];
    // Chatter before any request ("Hi team,", "users complain") can neither start nor join a group.
    if (!previous && (act === 'complaint' || act === 'social' || act === 'constraint')) {
      // Joined as a clause of its own: "... is showing errors, please clear its cache" stays a request.
      if (act === 'complaint') lead = `${lead}${original.trimEnd()}${/[.!?,;:]$/.test(original.trimEnd()) ? '' : ','} `;
      continue;
    }
    const piece = !previous && lead && POINTS_BACK.test(original) ? `${lead}${original}` : original;
    // The hosts asked about so far: the earlier parts' own, or, when they named none (they take the
    // message's hosts), the message's.
    const named = groups.flatMap((group) => hostsNamed(group.result));
    const earlier = named.length > 0 ? new Set(named) : asked;
    // "Can you reset ... on X, and after that restart service on Y?": the "can you" and the question mark
    // belong to the whole message, so a later order that alone would be asked about is an order.
    const own = withoutTrailingContext(piece);
    const result = orderAfterRequest(
      parse(namingServers(own, previous?.result)),
      previous !== undefined && acts.slice(0, at).includes('request'),
    );
    const adds = result.operations.some(
      (op) => !previous?.result.operations.some((known) => known.intent === op.intent),
    );
    // The same operation with other values ("set per user on FIN10 and per device on FIN11"): a request of its own.
    const differs = result.operations.some((op) => previous?.result.operations.some((known) => conflicts(known, op)));
    // A statement that adds nothing ("the client resets did nothing") is context, like a complaint.
    const context =
      act === 'complaint' || act === 'social' || act === 'constraint' || (act === 'statement' && !adds && !differs);
    const fallback =
      result.operations.every((op) => op.intent === 'licensing.diagnose') &&
      // A question about a host of its own ("which license server is RDSH07 using?") asks for a diagnosis;
      // one about the hosts already asked about ("... and how many are still free on LS1?") continues.
      !(act === 'question' && result.operations.some((op) => op.targets.some((t) => !earlier.has(t)))) &&
      !ASKS_DIAGNOSIS.test(piece);
    // "reset grace on X and restart the service later": the restart is the reset's, unless it names
    // other hosts ("..., then restart the RDS service on LAB-RDS-01").
    const graceHosts = previous?.result.operations.find((op) => op.intent === 'rdsh.reset_grace_period')?.targets;
    // Only a restart with its timing ("later", "now") is the reset's own; "and then restart RDS on it" is an
    // operation of its own.
    const absorbed =
      graceHosts !== undefined &&
      RESTART_TIMING.test(piece) &&
      result.operations.every(
        (op) => op.intent === 'rdsh.restart_service' && op.targets.every((target) => graceHosts.includes(target)),
      );
    // A part that asks again for what the part before asked ("..., and reboot it right away") belongs to it.
    const again = !adds && !differs;
    // "how many user CALs do we own? Can you check NLLIC-YRK?": the check names where to ask, no diagnosis.
    const suppliesHosts =
      previous !== undefined &&
      previous.result.operations.length > 0 &&
      previous.result.operations.every((op) => op.targets.length === 0 && !takesNoHosts(op.intent)) &&
      result.operations.every((op) => op.intent === 'licensing.diagnose' && op.targets.length > 0) &&
      /\b(check|look at|look on|see)\b/i.test(piece) &&
      !/\b(diagnos\w*|wrong|broken|problem|issue|health\w*)\b/i.test(piece);
    if (previous && (result.operations.length === 0 || absorbed || again || suppliesHosts)) {
      previous.text = `${previous.text} and ${own}`;
      previous.stale = true;
    } else if (!context && !fallback && result.operations.length > 0) groups.push({ text: own, result, stale: false });
  }
  if (groups.length === 1) {
    const pointed = readOnlyPointingBack(groups[0] as { text: string; result: ParseResult }, whole);
    if (pointed) return pointed;
  }
  if (groups.length < 2) return complaintsBeside(pieces, acts, parse, whole, isLicenseServer);
  for (const group of groups) if (group.stale) group.result = parse(group.text);
  const kept = groups.filter((group) => group.result.operations.length > 0);
  if (kept.length < 2) return undefined;
  const wholeTargets = (intent: PlannedOperation['intent']): string[] =>
    whole.operations.find((op) => op.intent === intent)?.targets ?? [];
  const operations: PlannedOperation[] = [];
  const needs = new Set<Need>();
  for (const [at, { text, result }] of kept.entries()) {
    // "..., and point both of them at KVLIC-DR": every host named before; "its events": the part before's.
    const everyone =
      /\b(both|all)\s+(of\s+)?(them|those|these)\b|\bthem\s+(both|all)\b|\b(on|to|for) (both|all)\s*[.!?]?\s*$/i.test(
        text,
      );
    const before =
      at > 0 && POINTS_BACK.test(text)
        ? everyone
          ? [...new Set(kept.slice(0, at).flatMap((group) => hostsNamed(group.result)))]
          : hostsNamed(kept[at - 1]!.result)
        : [];
    // "can X reach LIC02? also how many CALs are left on that server": the server the part before named.
    const servers = at > 0 ? serversNamed(kept[at - 1]!.result) : [];
    for (const op of result.operations) {
      const pointed = op.intent === 'ls.cal_inventory' && servers.length > 0 ? servers : before;
      const inherited = pointed.length > 0 ? pointed : wholeTargets(op.intent);
      // "undo REQ-3502 and point RDSAPP2 at ...": the request named decides its own hosts.
      const ownHosts = takesNoHosts(op.intent) || (op.intent === 'request.rollback' && op.params.ref !== 'last');
      const targets = op.targets.length > 0 || ownHosts ? op.targets : inherited;
      const same = operations.find((known) => sameOperation(known, op));
      if (same) same.targets = [...new Set([...same.targets, ...targets])];
      else operations.push({ ...op, targets });
    }
    for (const need of result.needs) if (need !== 'target') needs.add(need);
  }
  if (operations.length < 2) return undefined;
  for (const op of operations) if (op.targets.length === 0 && whole.needs.includes('target')) needs.add('target');
  return { ...whole, operations, needs: [...needs], candidates: [] };
}

const REACH_IT = /\b(reach|ping|see|talk to|contact|get to|connect to)\s+(?:it|them)\b/i;

/**
 * "how many CALs are left on LIC-MAIN, and can RDS-TCH01 reach it?": after a part about license servers
 * (their CALs), "it" / "them" in a part that names hosts of its own are those servers, so the part is
 * read with their names in place of the pronoun.
 */
function namingServers(piece: string, previous: ParseResult | undefined): string {
  // "point X at LIC-A and then check it can actually reach it": the server just given is what to reach.
  const given = previous ? serversNamed(previous) : [];
  if (given.length > 0 && previous?.operations.every((op) => op.intent === 'rdsh.set_license_servers'))
    return piece.replace(REACH_IT, (_, verb: string) => `${verb} ${given.join(' and ')}`);
  const servers = previous?.operations.every((op) => op.intent === 'ls.cal_inventory') ? hostsNamed(previous) : [];
  if (servers.length === 0 || !/\b(it|them)\b/i.test(piece)) return piece;
  return piece.replace(/\b(it|them)\b/i, servers.join(' and '));
}

/** A part read as "change or question?" next to an earlier request: the change reading, if there is one. */
function orderAfterRequest(result: ParseResult, afterRequest: boolean): ParseResult {
  if (!afterRequest || result.operations.length > 0 || result.candidates.length === 0) return result;
  const change = result.candidates.filter((op) => changes(op.intent));
  if (change.length === 0) return result;
  return { ...result, operations: change, candidates: [], needs: result.needs.filter((n) => n !== 'confirm-intent') };
}

/**
 * "We might refresh the cert on X next month, nothing yet. For now just show me its events": the one part
 * that asks is a read-only one pointing back, without hosts of its own; it takes the hosts the message
 * names, and the rest is context.
 */
function readOnlyPointingBack(
  group: { text: string; result: ParseResult },
  whole: ParseResult,
): ParseResult | undefined {
  const { operations } = group.result;
  const hosts = [...new Set(whole.operations.flatMap((op) => op.targets))];
  if (
    operations.length === 0 ||
    hosts.length === 0 ||
    !POINTS_BACK.test(group.text) ||
    operations.some((op) => changes(op.intent) || takesNoHosts(op.intent) || op.targets.length > 0) ||
    whole.operations.some((op) => changes(op.intent))
  )
    return undefined;
  return {
    ...group.result,
    operations: operations.map((op) => ({ ...op, targets: hosts })),
    needs: group.result.needs.filter((need) => need !== 'target'),
  };
}
