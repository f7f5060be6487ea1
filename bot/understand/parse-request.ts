import type { Host, Intent, Need, ParseResult, PlannedOperation } from '../domain';
import { resolveHosts, type ResolvedHosts } from './host-resolver';
import { isAboutLicensing, isDiagnosis, matchIntents } from './intents';
import { maskHosts } from './mask-hosts';
import { normalise, splitQuoted } from './normalise';
import { paramsFor } from './params';
import { judge } from './safety';
import { combineParts } from './several-requests';
import { speechActs } from './speech-act';
import { targetsFor, unknownMachines } from './targets';
import { hasLookalikeHostWord, isHostileText, tokenize } from './tokens';
import { correctTypos } from './typos';

/** Longest message the parser reads; anything longer is cut before it is looked at. */
export const MAX_REQUEST_LENGTH = 2000;

/** Intents that never act on the hosts a message names (the answer is advice or about requests). */
const NO_TARGETS = new Set<Intent>([
  'help',
  'advice.cal_migration',
  'advice.copy_client_license',
  'advice.recurring_grace_reset',
  'advice.mac_client',
  'audit.query',
  'request.status',
  'request.cancel',
]);

const NOTHING: ResolvedHosts = {
  hosts: [],
  unknown: [],
  suggestions: [],
  users: [],
  hostWords: new Map(),
  grouped: new Set(),
};

/**
 * Text -> catalogue operations and what is still missing (the parse contract in
 * shared/design/operations.md), in named stages: normalise -> tokens and hosts (slots) -> mask ->
 * typos -> speech acts -> intents -> the safety rule -> parameters. Pure: the inventory is the only
 * outside input, and its look-ups are indexed once per inventory.
 */
export function parseRequest(text: string, inventory: readonly Host[]): ParseResult {
  const input = typeof text === 'string' ? text.slice(0, MAX_REQUEST_LENGTH) : '';
  const whole = parseOne(input, inventory);
  if (whole.operations.length === 0 && whole.candidates.length === 0) return whole;
  if (isHostileText(input) || hasLookalikeHostWord(input)) return whole;
  return combineParts(input, whole, (part) => parseOne(part, inventory)) ?? whole;
}

function parseOne(input: string, inventory: readonly Host[]): ParseResult {
  const hostile = isHostileText(input) || hasLookalikeHostWord(input);
  const words = tokenize(input);
  const resolved = hostile ? NOTHING : resolveHosts(words, inventory);
  const { text: unquoted, quoted } = splitQuoted(normalise(input));
  const masked = correctTypos(maskHosts(unquoted, words, resolved));
  const clauses = speechActs(masked);

  let intents = matchIntents(masked).map((match) => match.intent);
  const namesHosts = resolved.hosts.length > 0 || unknownMachines(resolved, inventory).length > 0;
  if (intents.length === 0 && namesHosts && isDiagnosis(masked)) intents = ['licensing.diagnose'];
  // "licensing is broken", a pasted error: a complaint or question with no host is a diagnosis to ask a host for.
  if (intents.length === 0 && !hostile && (isAboutLicensing(masked) || quoted.length > 0))
    if (clauses.some((c) => c.act === 'complaint' || c.act === 'question')) intents = ['licensing.diagnose'];
  if (intents.length === 0) {
    const unclear = isAboutLicensing(masked) && !hostile;
    return { text: input, operations: [], needs: unclear ? ['confirm-intent'] : [], suggestions: [], candidates: [] };
  }

  const verdict = judge(intents, clauses, masked);
  const plan = (list: Intent[]): { operations: PlannedOperation[]; needs: Set<Need> } =>
    planOperations(list, masked, resolved, inventory, hostile);
  if (verdict.kind === 'choose') {
    const candidates = [...plan(verdict.change).operations, ...plan(verdict.readOnly).operations];
    return { text: input, operations: [], needs: ['confirm-intent'], suggestions: resolved.suggestions, candidates };
  }
  const { operations, needs } = plan(verdict.intents);
  return { text: input, operations, needs: [...needs], suggestions: resolved.suggestions, candidates: [] };
}

function planOperations(
  intents: Intent[],
  masked: string,
  resolved: ResolvedHosts,
  inventory: readonly Host[],
  hostile: boolean,
): { operations: PlannedOperation[]; needs: Set<Need> } {
  const needs = new Set<Need>();
  const operations = retargetEvents(intents, resolved).map((intent): PlannedOperation => {
    const targets = NO_TARGETS.has(intent) ? [] : targetsFor(intent, resolved).map((host) => host.name);
    const params = paramsFor(intent, masked, resolved);
    // A rollback of "the last change" finds its hosts from that request; every other operation needs hosts.
    const targetOptional =
      intent === 'request.rollback' && targets.length === 0 && unknownMachines(resolved, inventory).length === 0;
    if (
      !NO_TARGETS.has(intent) &&
      !targetOptional &&
      (hostile || targets.length === 0 || unknownMachines(resolved, inventory).length > 0)
    )
      needs.add('target');
    if (intent === 'rdsh.set_licensing_mode' && !params.mode) needs.add('mode');
    if (intent === 'rdsh.set_license_servers' && !params.servers) needs.add('servers');
    return { intent, targets: hostile ? [] : targets, params };
  });
  return { operations, needs };
}

/** Events are read on session hosts; a question about a client's event is a diagnosis of the client. */
function retargetEvents(intents: Intent[], resolved: ResolvedHosts): Intent[] {
  const sessionHosts = resolved.hosts.some((host) => host.role === 'session-host');
  const clients = resolved.hosts.some((host) => host.role === 'client');
  return intents.map((intent) =>
    intent === 'rdsh.events' && clients && !sessionHosts ? 'licensing.diagnose' : intent,
  );
}
