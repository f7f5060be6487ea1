import type { Host, Intent, Need, ParseResult, PlannedOperation } from '../domain';
import { noHosts, resolveHosts, type ResolvedHosts } from './host-resolver';
import { matchIntents } from './intents';
import { isAboutLicensing, isDiagnosis, isGeneralQuestion, isOffTopic, namesOtherThing, objectOnly } from './topic';
import { maskHosts } from './mask-hosts';
import { normalise, splitQuoted, withoutPasteNote, withoutValueHeading } from './normalise';
import { withoutBackoutPlan, withoutTicketFields } from './ticket-fields';
import { CANCEL_WORDS, ROLLBACK_WORDS } from './intent-words';
import { notConditional, paramsFor, readRefs } from './params';
import { asksChange, judge } from './safety';
import { combineParts } from './several-requests';
import { withoutSettledReports } from './settled-reports';
import { withMacClientsAdvised } from './mac-clients';
import { speechActs, splitClauses } from './speech-act';
import { takesNoHosts, targetsFor, unknownMachines } from './targets';
import { hasLookalikeHostWord, isHostileText, tokenize } from './tokens';
import { correctTypos } from './typos';
import { withOwnRequests, withoutKept, withoutKeptHosts } from './kept-hosts';
import { perHostCandidates, perHostValues } from './per-host-values';
import { correctedParse } from './corrections';
import { withoutDroppedOperations } from './dropped-operations';
import { withoutExcludedGroups } from './excluded-groups';
import { withoutReportedHosts } from './reported-hosts';
import { indexInventory } from './inventory-index';

/** "why can I still not log in?": to this bot, trouble connecting is Remote Desktop trouble. */
const CANNOT_CONNECT =
  /\b(cannot|can not|unable to|not able to|can i (still )?not|could not|will not let me)\b.{0,12}\b(log ?in|log ?on|sign ?in|connect|get in|get on)\b/;

const HELP: PlannedOperation[] = [{ intent: 'help', targets: [], params: {} }];

/** Longest message the parser reads; anything longer is cut before it is looked at. */
export const MAX_REQUEST_LENGTH = 2000;

/**
 * Text -> catalogue operations and what is still missing (the parse contract in
 * shared/design/operations.md), in named stages: normalise -> tokens and hosts (slots) -> mask ->
 * typos -> speech acts -> intents -> the safety rule -> parameters. Pure: the inventory is the only
 * outside input, and its look-ups are indexed once per inventory.
 */
export function parseRequest(text: string, inventory: readonly Host[]): ParseResult {
  const given = typeof text === 'string' ? text.slice(0, MAX_REQUEST_LENGTH) : '';
  // Where the text was pasted from ("Copy-paste from Ivanti:") is dropped first: its words are no request.
  const pasted = withoutValueHeading(withoutPasteNote(given));
  const hostile = isHostileText(pasted) || hasLookalikeHostWord(pasted);
  // A ticket's back-out plan is what to do if the change fails, not part of the request.
  const {
    text: input,
    kept,
    own,
  } = hostile
    ? { text: pasted, kept: new Set<string>(), own: [] }
    : withoutKeptHosts(withoutBackoutPlan(pasted), inventory);
  const whole = parseOne(input, inventory, hostile);
  // Hostile text is never cut into parts: none of its words may become a target, in any part.
  // A question about how licensing works is answered with help whole: its parts ("if I reset the cache on a
  // PC, ...") are not requests.
  const help =
    whole.operations.length === 1 &&
    whole.operations[0]?.intent === 'help' &&
    isGeneralQuestion(correctTypos(normalise(input)));
  if (hostile || help || (whole.operations.length === 0 && whole.candidates.length === 0))
    return { ...whole, text: given };
  // The stages below try the same pieces more than once (per host, as several requests, corrected):
  // each piece is understood once per message.
  const understood = new Map<string, ParseResult>([[input, whole]]);
  const part = (piece: string): ParseResult => {
    const known = understood.get(piece);
    if (known) return known;
    const result = parseOne(piece, inventory, false);
    understood.set(piece, result);
    return result;
  };
  // The message as several requests, values per host, or one; `one` is its reading as a whole.
  const { byName } = indexInventory(inventory);
  const isLicenseServer = (name: string): boolean => byName.get(name.toLowerCase())?.role === 'license-server';
  const parts = (piece: string, one = part(piece)): ParseResult =>
    perHostValues(piece, one, inventory, part) ??
    perHostCandidates(piece, one, inventory, part) ??
    combineParts(piece, one, part, isLicenseServer) ??
    one;
  const result = correctedParse(input, inventory, (piece) => parts(piece)) ?? parts(input, whole);
  const planned = withoutReportedHosts(
    input,
    withoutExcludedGroups(
      input,
      withoutDroppedOperations(input, withOwnRequests(withoutKept(result, kept), own.map(part))),
      inventory,
    ),
    inventory,
  );
  return { ...withMacClientsAdvised(planned, inventory), text: given };
}

function parseOne(original: string, inventory: readonly Host[], hostile: boolean): ParseResult {
  const input = withoutSettledReports(withoutTicketFields(original));
  const words = tokenize(input);
  const resolved = hostile ? noHosts() : resolveHosts(words, inventory);
  const unknown = unknownMachines(resolved, inventory).length > 0;
  const { text: unquoted, quoted } = splitQuoted(normalise(input));
  const masked = correctTypos(maskHosts(unquoted, words, resolved));
  const clauses = speechActs(masked);

  // "the label printer on WARD3-KIOSK-01 is out of paper": a host named about something else.
  if (isOffTopic(masked)) return { text: original, operations: [], needs: [], suggestions: [], candidates: [] };
  const named = resolved.hosts.length > 0 || unknown;
  // "grace period RDSH01", "mslicensing PC-042": a change's object and a host, no verb: ask which.
  const object = named && !hostile && masked.length <= 80 && !asksChange(masked) ? objectOnly(masked) : undefined;
  if (object) {
    const candidates = planOperations([object, 'licensing.diagnose'], masked, resolved, unknown).operations;
    return { text: original, operations: [], needs: ['confirm-intent'], suggestions: resolved.suggestions, candidates };
  }
  let intents = matchIntents(masked);
  // A question about how licensing works, no host named: no operation, unless it is one the bot advises on.
  if (!named && !hostile && isGeneralQuestion(masked) && !intents.some((i) => i.startsWith('advice.') || i === 'help'))
    return { text: original, operations: HELP, needs: [], suggestions: [], candidates: [] };
  if (intents.length === 0 && named && isDiagnosis(masked)) intents = ['licensing.diagnose'];
  // "licensing is broken", a pasted error: a complaint or question with no host is a diagnosis to ask a host for.
  if (
    intents.length === 0 &&
    !hostile &&
    (isAboutLicensing(masked) || quoted.length > 0 || (CANNOT_CONNECT.test(masked) && !namesOtherThing(masked)))
  )
    if (clauses.some((c) => c.act === 'complaint' || c.act === 'question') || /^[\W_]*(zzquote[\W_]*)+$/.test(masked))
      // A pasted error and nothing else ('"The remote computer disconnected the session ..."') reports trouble too.
      intents = ['licensing.diagnose'];
  // "... and run a diagnosis on it afterwards": asking for a diagnosis by name asks for one, host or not.
  if (intents.length === 0 && !hostile && /\b(diagnos\w*|troubleshoot\w*|health ?check)\b/.test(masked))
    intents = ['licensing.diagnose'];
  if (intents.length === 0) {
    const unclear = isAboutLicensing(masked) && !hostile;
    return {
      text: original,
      operations: [],
      needs: unclear ? ['confirm-intent'] : [],
      suggestions: [],
      candidates: [],
    };
  }

  const verdict = judge(intents, clauses, masked);
  const plan = (list: Intent[]): { operations: PlannedOperation[]; needs: Set<Need> } =>
    planOperations(list, masked, resolved, unknown);
  if (verdict.kind === 'choose') {
    const candidates = [...plan(verdict.change).operations, ...plan(verdict.readOnly).operations];
    return { text: original, operations: [], needs: ['confirm-intent'], suggestions: resolved.suggestions, candidates };
  }
  const { operations, needs } = plan(verdict.intents);
  return { text: original, operations, needs: [...needs], suggestions: resolved.suggestions, candidates: [] };
}

const ABOUT_A_REQUEST = new Set<Intent>(['request.status', 'request.cancel', 'request.rollback']);

/** `unknownHost`: the text names a host the inventory lacks, so the bot must ask (hostile text names none). */
function planOperations(
  intents: Intent[],
  masked: string,
  resolved: ResolvedHosts,
  unknownHost: boolean,
): { operations: PlannedOperation[]; needs: Set<Need> } {
  const needs = new Set<Need>();
  const operations = retargetEvents(intents, resolved).flatMap((intent): PlannedOperation[] => {
    const params = paramsFor(intent, masked, resolved);
    // "undo REQ-4530 and show me what pieter.devries asked for": a person's PC is never a rollback's host.
    const byRef = intent === 'request.rollback' && typeof params.ref === 'string' && params.ref !== 'last';
    // "please back out REQ-2236, it broke the dispatch hosts overnight": hosts named only beside the undo
    // are what went wrong, not where to undo ("undo REQ-20388 on RDSH02" names its host in the undo).
    const named = byRef
      ? splitClauses(masked).some((clause) => ROLLBACK_WORDS.test(clause) && /\bzz(pc|rdsh|ls|host)\b/.test(clause))
        ? resolved.hosts.filter((host) => !host.users.some((u) => resolved.users.includes(u.toLowerCase())))
        : []
      : undefined;
    const hosts = takesNoHosts(intent)
      ? []
      : targetsFor(intent, named ? { ...resolved, hosts: named } : resolved).map((host) => host.name);
    // "what packs are on LIC-DR? just want to know it's ready if LIC-NORTH goes down": that server is a what-if.
    const targets = intent === 'ls.cal_inventory' ? notConditional(hosts, masked) : hosts;
    // A rollback of "the last change" finds its hosts from that request; every other operation needs hosts.
    const lastChange = intent === 'request.rollback';
    if (!takesNoHosts(intent) && (unknownHost || (targets.length === 0 && !lastChange))) needs.add('target');
    if (intent === 'rdsh.set_licensing_mode' && !params.mode) needs.add('mode');
    if (intent === 'rdsh.set_license_servers' && !params.servers) needs.add('servers');
    // "REQ-5133 and REQ-5137 status", "status of REQ-20, and cancel REQ-21": one operation per request
    // named, each with the verb written before it (or the one before that).
    const refs = ABOUT_A_REQUEST.has(intent) ? readRefs(masked) : [];
    if (refs.length > 1) return perRequest(masked, refs, intent).map((one) => ({ ...one, targets: [] }));
    return [{ intent, targets, params }];
  });
  return { operations, needs };
}

/** Events are read on session hosts; a question about a client's event is a diagnosis of the client. */
function retargetEvents(intents: Intent[], resolved: ResolvedHosts): Intent[] {
  const sessionHosts = resolved.hosts.some((host) => host.role === 'session-host');
  // Events are read on session hosts: asked about a client or a license server alone, diagnose it.
  const others = resolved.hosts.some((host) => host.role !== 'session-host');
  return intents.map((intent) => (intent === 'rdsh.events' && others && !sessionHosts ? 'licensing.diagnose' : intent));
}

/** Each request id with the verb of the words in front of it, carried on to the ids after it. */
function perRequest(text: string, refs: string[], fallback: Intent): PlannedOperation[] {
  let from = 0;
  let intent = fallback;
  let named = false;
  return refs.map((ref) => {
    const at = text.indexOf(ref.toLowerCase(), from);
    const before = text.slice(from, at < 0 ? undefined : at);
    from = at < 0 ? from : at + ref.length;
    const own: Intent | undefined = CANCEL_WORDS.test(before)
      ? 'request.cancel'
      : ROLLBACK_WORDS.test(before)
        ? 'request.rollback'
        : /\b(status|progress|news|update|where)\b/.test(before)
          ? 'request.status'
          : undefined;
    if (own) [intent, named] = [own, true];
    else if (!named) intent = fallback;
    return { intent, targets: [], params: { ref } };
  });
}
