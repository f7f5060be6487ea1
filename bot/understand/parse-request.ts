import { operationDefinition } from '../catalogue';
import type { Host, Need, ParseResult, PlannedOperation } from '../domain';
import { resolveHosts } from './host-resolver';
import { isAboutLicensing, matchIntent } from './intents';
import { hasLookalikeHostWord, isHostileText, tokenize } from './tokens';

/** Longest message the parser reads; anything longer is cut before it is looked at. */
export const MAX_REQUEST_LENGTH = 2000;

/**
 * Text -> catalogue operations and what is still missing (the parse contract in
 * shared/design/operations.md). Pure: the inventory is the only outside input.
 */
export function parseRequest(text: string, inventory: readonly Host[]): ParseResult {
  const input = typeof text === 'string' ? text.slice(0, MAX_REQUEST_LENGTH) : '';
  const result: ParseResult = { text: input, operations: [], needs: [], suggestions: [] };
  const match = matchIntent(input);
  if (!match) {
    if (isAboutLicensing(input) && !isHostileText(input)) result.needs.push('confirm-intent');
    return result;
  }
  const definition = operationDefinition(match.intent);
  const operation: PlannedOperation = { intent: match.intent, targets: [], params: match.params };
  result.operations.push(operation);
  if (!definition.runsOn) return result;

  const needs = new Set<Need>();
  // Hostile text yields no target at all: a human retypes the host instead.
  if (isHostileText(input) || hasLookalikeHostWord(input)) {
    needs.add('target');
  } else {
    const resolved = resolveHosts(tokenize(input), inventory);
    operation.targets = pickTargets(resolved.hosts, definition.runsOn).map((host) => host.name);
    result.suggestions = resolved.suggestions;
    if (operation.targets.length === 0 || resolved.unknown.length > 0) needs.add('target');
  }
  result.needs = [...needs];
  return result;
}

/** Hosts of the operation's role; a message often names others too ("RDSH01 logs 1003 for PC-117"). */
function pickTargets(hosts: Host[], role: Host['role']): Host[] {
  const ofRole = hosts.filter((host) => host.role === role);
  return ofRole.length > 0 ? ofRole : hosts;
}
