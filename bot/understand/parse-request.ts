import { operationDefinition } from '../catalogue';
import type { Host, Intent, Need, ParseResult, Params, PlannedOperation } from '../domain';
import { resolveHosts, type ResolvedHosts } from './host-resolver';
import { isAboutLicensing, isDiagnosis, type IntentMatch, matchIntents } from './intents';
import {
  readCalType,
  readEventIds,
  readMode,
  readReboot,
  readRef,
  readRestart,
  readServerOp,
  readSince,
} from './params';
import { hasLookalikeHostWord, isHostileText, tokenize } from './tokens';

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

/**
 * Text -> catalogue operations and what is still missing (the parse contract in
 * shared/design/operations.md). Pure: the inventory is the only outside input.
 */
export function parseRequest(text: string, inventory: readonly Host[]): ParseResult {
  const input = typeof text === 'string' ? text.slice(0, MAX_REQUEST_LENGTH) : '';
  const lower = input.toLowerCase();
  const hostile = isHostileText(input) || hasLookalikeHostWord(input);
  const resolved: ResolvedHosts = hostile
    ? { hosts: [], unknown: [], suggestions: [] }
    : resolveHosts(tokenize(input), inventory);
  const servers = resolved.hosts.filter((host) => host.role === 'license-server');
  const machines = resolved.hosts.filter((host) => host.role !== 'license-server');

  let intents = matchIntents(input);
  if (intents.length === 0 || intents.every((i) => i.intent === 'rdsh.set_licensing_mode'))
    intents = addServerChange(intents, lower, servers, machines);
  if (intents.length === 0) {
    if (!hostile && resolved.hosts.length > 0 && isDiagnosis(input)) intents = [{ intent: 'licensing.diagnose' }];
    else
      return {
        text: input,
        operations: [],
        needs: isAboutLicensing(input) && !hostile ? ['confirm-intent'] : [],
        suggestions: [],
      };
  }

  const needs = new Set<Need>();
  const operations = intents.map(({ intent }): PlannedOperation => {
    const targets = NO_TARGETS.has(intent)
      ? []
      : targetsFor(intent, resolved.hosts, machines, servers).map((host) => host.name);
    const params = paramsFor(intent, lower, resolved, servers);
    // A rollback of "the last change" finds its hosts from that request; every other operation needs hosts.
    const targetOptional = intent === 'request.rollback' && targets.length === 0;
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
  return { text: input, operations, needs: [...needs], suggestions: resolved.suggestions };
}

/** "set RDSH01-RDSH04 to LS1": a session host and a license server named with a change verb. */
function addServerChange(intents: IntentMatch[], text: string, servers: Host[], machines: Host[]): IntentMatch[] {
  if (servers.length === 0 || !machines.some((host) => host.role === 'session-host')) return intents;
  if (
    !/\b(set|switch|point|use|move|change|configure|assign)\b|->|→|=/.test(text) ||
    /\b(what|why|which|who)\b/.test(text)
  )
    return intents;
  if (intents.some((i) => i.intent === 'rdsh.set_license_servers')) return intents;
  return [...intents, { intent: 'rdsh.set_license_servers' }];
}

function ofRole(hosts: Host[], role: Host['role']): Host[] {
  return hosts.filter((host) => host.role === role);
}

/** The hosts an operation acts on: the catalogue's role; license servers named are parameters, not targets. */
function targetsFor(intent: Intent, all: Host[], machines: Host[], servers: Host[]): Host[] {
  if (intent === 'ls.cal_inventory') return servers.length > 0 ? servers : all;
  if (intent === 'licensing.diagnose' || intent === 'request.rollback') {
    const sessionHosts = ofRole(machines, 'session-host');
    return sessionHosts.length > 0 ? sessionHosts : machines.length > 0 ? machines : servers;
  }
  const role = operationDefinition(intent).runsOn;
  if (!role) return machines;
  const wanted = ofRole(all, role);
  return wanted.length > 0 ? wanted : machines;
}

/** Host-like words that matched nothing and do not look like license servers (those are server problems). */
function unknownMachines(resolved: ResolvedHosts, inventory: readonly Host[]): string[] {
  const serverPrefixes = new Set(
    inventory.filter((h) => h.role === 'license-server').map((h) => /^[a-z]+/i.exec(h.name)?.[0]?.toLowerCase()),
  );
  const otherPrefixes = new Set(
    inventory.filter((h) => h.role !== 'license-server').map((h) => /^[a-z]+/i.exec(h.name)?.[0]?.toLowerCase()),
  );
  return resolved.unknown.filter((word) => {
    const prefix = /^[a-z]+/i.exec(word)?.[0]?.toLowerCase();
    return !(prefix && serverPrefixes.has(prefix) && !otherPrefixes.has(prefix));
  });
}

function paramsFor(intent: Intent, text: string, resolved: ResolvedHosts, servers: Host[]): Params {
  const params: Params = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) params[key] = value;
  };
  switch (intent) {
    case 'client.reset_license_cache':
      if (/\b(sub ?keys?|hardwareid|store)\b/.test(text)) params.scope = 'subkeys';
      else if (/\bmslicensing\b/.test(text) && /\b(key|wipe|delete|remove|nuke|purge)\b/.test(text))
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
    case 'rdsh.set_license_servers':
      if (servers.length > 0) params.servers = servers.map((host) => host.name);
      params.op = readServerOp(text);
      break;
    case 'rdsh.test_license_server':
      if (servers.length > 0) params.servers = servers.map((host) => host.name);
      break;
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
      set('host', resolved.hosts[0]?.name);
      set('since', readSince(text));
      break;
  }
  return params;
}
