import type { Intent, Params } from '../domain';
import type { ResolvedHosts } from './host-resolver';
import { readEventIds, readReboot, readRestart, readSince } from './timing-params';

/**
 * Parameters read from the wording of a request. Each reader takes the lower-cased text and returns a
 * value only when the text says so; an absent value means "the operation's default" (or, where the
 * value is required, something the bot must ask for).
 */

const PER_USER =
  /\bper[- ]?(user|session)s?\b|\buser cals?\b|\bmode\s*(=|:|->)?\s*(user|per[- ]?user)\b|\buser[- ](mode|licensing|based)\b|\blicensingmode\b\D{0,12}\b4\b|\b4\b\D{0,25}\blicensingmode\b/;
const PER_DEVICE =
  /\bper[- ]?(device|seat)s?\b|\bdevice cals?\b|\bmode\s*(=|:|->)?\s*(device|per[- ]?device)\b|\bdevice[- ](mode|licensing|based)\b|\blicensingmode\b\D{0,12}\b2\b|\b2\b\D{0,25}\blicensingmode\b/;

/** "per user", "user CALs", "mode = user" -> PerUser; "per device", "per seat" -> PerDevice; "from X to Y" takes Y. */
export function readMode(text: string): 'PerUser' | 'PerDevice' | undefined {
  const target = /\bfrom\b.+?\bto\b(.+)$/.exec(text)?.[1] ?? /\bto\b(.+)$/.exec(text)?.[1];
  for (const part of [target, text]) {
    if (!part) continue;
    const user = part.search(PER_USER);
    const device = part.search(PER_DEVICE);
    if (user >= 0 && (device < 0 || user < device)) return 'PerUser';
    if (device >= 0) return 'PerDevice';
  }
  return undefined;
}

export function readServerOp(text: string, servers: number): 'replace' | 'add' | 'remove' {
  if (
    /\b(remove|drop|delete|take out|get rid of|stop using|no longer use|unassign|detach)\b|\btake (\w+ )?(off|out of)\b/.test(
      text,
    )
  )
    return 'remove';
  if (
    /\b(add|added|adding|append|tack\w*|also use|another|additional|extra|as well|onto the end|to the end)\b|\bsecond\b(?! one)/.test(
      text,
    )
  )
    return 'add';
  if (servers === 1 && /\b(backup|secondary|fallback|failover)\b/.test(text)) return 'add';
  return 'replace';
}

/** CAL type for an inventory question. */
export function readCalType(text: string): 'PerUser' | 'PerDevice' | undefined {
  if (/\bper[- ]?user\b|\buser cals?\b/.test(text)) return 'PerUser';
  if (/\bper[- ]?device\b|\bdevice cals?\b|\b(licenses?|cals?) (of|for) devices?\b|\bdevice licenses?\b/.test(text))
    return 'PerDevice';
  return undefined;
}

/** Every request id a text names ("REQ-5133 and REQ-5137 status"), in order. */
export function readRefs(text: string): string[] {
  const ids = text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\breq-\d{1,12}\b/gi) ?? [];
  return [...new Set(ids.map((id) => (/^req-/i.test(id) ? id.toUpperCase() : id)))];
}

/** Which request: an id if one is given, otherwise "last". */
export function readRef(text: string): string {
  const id = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/.exec(text)?.[1];
  const short = /\b(req-\d{1,12})\b/i.exec(text)?.[1];
  return id ?? short?.toUpperCase() ?? 'last';
}

/** The parameters of one operation, from the masked text and the hosts and users it names. */
export function paramsFor(intent: Intent, text: string, resolved: ResolvedHosts): Params {
  const servers = resolved.hosts.filter((host) => host.role === 'license-server').map((host) => host.name);
  const params: Params = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) params[key] = value;
  };
  switch (intent) {
    case 'client.reset_license_cache':
      // "the whole MSLicensing key, not just the subkeys": the key itself goes.
      // "just the HardwareID and Store subkeys, not the whole MSLicensing key": only the subkeys.
      if (/(?<!\bnot )\b(just|only)\b.{0,20}\b(subkeys?|hardwareid|store)\b/.test(text)) params.scope = 'subkeys';
      else if (
        /(?<!\bnot (the )?)\b(whole|entire|complete|full)\b.{0,15}\bmslicensing\b|\bmslicensing (key )?(completely|entirely|fully|altogether)\b|\bnot (just|only) (the )?(subkeys|hardwareid|store)\b/.test(
          text,
        ) ||
        // "(whole key)", but not "don't delete the whole key".
        (/\b(whole|entire|complete|full) (mslicensing |registry )?key\b/.test(text) &&
          !/\b(do not|not|never|without|no need to)\b.{0,25}\b(whole|entire|complete|full) (mslicensing |registry )?key\b/.test(
            text,
          ))
      )
        params.scope = 'key';
      // "all of it including the key": the key itself goes too.
      else if (/\b(including|incl\.?|and also|plus|as well as) the (mslicensing |registry |whole )?key\b/.test(text))
        params.scope = 'key';
      else if (/\b(subkeys?|hardwareid|store)\b/.test(text)) params.scope = 'subkeys';
      else if (
        /\bmslicensing\b/.test(text) &&
        /\b(key|wipe|delete|remove|nuke|purge|blow away|get rid of)\b/.test(text)
      )
        params.scope = 'key';
      break;
    case 'rdsh.reset_grace_period':
      set('restart', readRestart(text));
      break;
    case 'rdsh.refresh_licensing_cert':
      set('reboot', readReboot(text));
      break;
    case 'rdsh.set_licensing_mode':
      set('mode', readMode(text));
      break;
    case 'rdsh.set_license_servers': {
      params.op = readServerOp(text, servers.length);
      const wanted = notTheReason(params.op === 'replace' ? notMovedFrom(servers, text) : servers, text);
      if (wanted.length > 0) params.servers = wanted;
      break;
    }
    case 'rdsh.test_license_server': {
      const asked = notConditional(servers, text);
      if (asked.length > 0) params.servers = asked;
      break;
    }
    case 'rdsh.events':
      set('since', readSince(text));
      set('ids', readEventIds(text));
      break;
    case 'ls.cal_inventory':
      set('type', readCalType(text));
      break;
    case 'request.rollback':
    case 'request.status':
    case 'request.cancel':
      params.ref = readRef(text);
      break;
    case 'audit.query':
      auditParams(text, resolved, set);
      break;
  }
  return params;
}

/** "can they reach LS-DR if LS2 goes down?": a server named in a condition is not the one asked about. */
export function notConditional(servers: string[], text: string): string[] {
  return serversNotSetAside(servers, text, /(\b(?:if|when|in case|should|once|unless)\s+(?:the\s+)?)?\bzzls\b/g);
}

/** "while LIC-LEEDS is being patched", "Reason: LIC-LEEDS patching": the server that is why, not one to use. */
function notTheReason(servers: string[], text: string): string[] {
  return serversNotSetAside(
    servers,
    text,
    /(\b(?:while|whilst|until|because|since|reason\s*:|justification\s*:)\s+(?:the\s+)?|\bas (?=zzls (?:is|was|gets|goes|has)\b))?\bzzls\b/g,
    // "... actually no, LICSRV-OLD is dead, use LICSRV-KNG": a server said to be out of service.
    (after) =>
      /^zzls (?:is|was|has been|'s) (?:dead|down|gone|offline|retired|decommissioned|broken|switched off|turned off|shut down|powered (?:off|down)|being (?:retired|decommissioned|switched off|turned off|shut down|removed)|(?:going|to be) (?:away|retired|decommissioned|switched off|turned off|shut down))\b/.test(
        after,
      ),
  );
}

/**
 * "switch RDSH05 from LIC-OLD to LS2", "replace LIC-OLD with LS2", "LS2 instead of LIC-OLD": the server it
 * leaves is not in the list.
 */
function notMovedFrom(servers: string[], text: string): string[] {
  return serversNotSetAside(
    servers,
    text,
    /(\b(?:from|instead of|rather than)\s+(?:the\s+)?(?:decommissioned\s+|old\s+)?|\breplace\s+(?=zzls\s+(?:with|by)\b)|\b(?:still|currently) (?:talks to|talking to|uses|using|points at|pointing at|pointing to|pointed at|on)\s+(?:the\s+)?(?:decommissioned\s+|old\s+)?(?=zzls\b.*\b(?:move|point|switch|repoint|change)\b))?\bzzls\b/g,
  );
}

/**
 * The servers (one per `zzls` of the text, in order) whose mention the pattern's first group or `aside`
 * (given the text from the mention on) does not set aside; all of them when that would leave none, or
 * when the mentions and the servers do not pair up.
 */
function serversNotSetAside(
  servers: string[],
  text: string,
  mention: RegExp,
  aside: (after: string) => boolean = () => false,
): string[] {
  const places = [...text.matchAll(mention)];
  if (places.length !== servers.length) return servers;
  const kept = servers.filter((_, i) => !places[i]?.[1] && !aside(text.slice(places[i]?.index ?? 0)));
  return kept.length > 0 ? kept : servers;
}

/** "who changed PC-042 this week" asks about a host; "what has jdoe asked for" about a person. */
function auditParams(text: string, resolved: ResolvedHosts, set: (key: string, value: unknown) => void): void {
  const aboutTheirPc = /\bzzuser\s+(pc|laptop|machine|computer|desktop|workstation|box)\b/.test(text);
  const user = aboutTheirPc ? undefined : (resolved.users[0] ?? personNamed(text));
  const others = resolved.hosts.find((h) => !user || !h.users.some((u) => u.toLowerCase() === user));
  // "has priya.n asked for anything on HO-PC103?": her own PC, named outright, is the host asked about.
  const host = others ?? (/\bzz(pc|rdsh|host)\b/.test(text) ? resolved.hosts[0] : undefined);
  set('host', host?.name);
  set('user', user);
  set('since', readSince(text));
}

// Words that stand where a person's name would ("what did the bot change", "everything you approved").
const NOT_A_PERSON = /^(it|that|this|the|you|i|we|they|he|she|someone|anyone|anybody|somebody|people|everyone|zz\w+)$/;

/**
 * The person an audit question is about when the inventory does not know them (approvers, helpdesk
 * staff: "what did mlopez ask the bot for", "everything bwilson approved", "requests by a.khan").
 */
function personNamed(text: string): string | undefined {
  const found =
    /\bwhat (?:did|has|have) ([a-z][\w.-]*) (?:ask|asked|request|requested|approve|approved|change|changed|run|ran)\b/.exec(
      text,
    ) ??
    /\b(?:everything|anything|all|whatever) ([a-z][\w.-]*) (?:has |have )?(?:approved|requested|asked for|changed|ran)\b/.exec(
      text,
    ) ??
    /\b(?:has|did|have) ([a-z][\w.-]*) (?:made|done) (?:any )?changes\b/.exec(text) ??
    /\b(?:requests?|changes|approvals) (?:by|from|made by|approved by) ([a-z][\w.-]*)\b/.exec(text) ??
    /\b(?:what|which) (?:requests|changes|tickets) (?:did|has|have) ([a-z][\w.-]*) (?:raise|raised|make|made|submit\w*|open\w*|file[d]?|ask\w*|request\w*)\b/.exec(
      text,
    );
  const name = found?.[1];
  return name && !NOT_A_PERSON.test(name) ? name : undefined;
}
