import { operationDefinition } from '../catalogue';
import type { Host, ParseResult, PlannedOperation } from '../domain';

/** What a user picked on the "what is missing" card: inventory hosts, a mode, license servers. */
export interface Completion {
  targets?: string[];
  mode?: 'PerUser' | 'PerDevice';
  servers?: string[];
}

/**
 * Fills what the parse could not: hosts only from the inventory and of the operation's role, a mode
 * from the two allowed, license servers only from the inventory's license servers. Then the needs are
 * worked out again; anything still missing is asked again.
 */
export function completeParse(parse: ParseResult, completion: Completion, inventory: readonly Host[]): ParseResult {
  const find = (name: string): Host | undefined =>
    inventory.find((host) => host.name.toLowerCase() === name.toLowerCase());
  const needs = new Set(parse.needs);
  const operations = parse.operations.map((operation) => {
    const role = operationDefinition(operation.intent).runsOn;
    const next: PlannedOperation = { ...operation, params: { ...operation.params } };
    if (completion.targets && needs.has('target')) {
      const picked = completion.targets
        .map(find)
        .filter((host): host is Host => Boolean(host) && (!role || host?.role === role));
      if (picked.length > 0 && picked.length === completion.targets.length)
        next.targets = picked.map((host) => host.name);
    }
    if (operation.intent === 'rdsh.set_licensing_mode' && completion.mode) next.params.mode = completion.mode;
    if (operation.intent === 'rdsh.set_license_servers' && completion.servers) {
      const servers = completion.servers.map(find).filter((host): host is Host => host?.role === 'license-server');
      if (servers.length > 0 && servers.length === completion.servers.length)
        next.params.servers = servers.map((host) => host.name);
    }
    return next;
  });
  if (operations.every((op) => !operationDefinition(op.intent).runsOn || op.targets.length > 0) && completion.targets)
    needs.delete('target');
  if (operations.every((op) => op.intent !== 'rdsh.set_licensing_mode' || op.params.mode)) needs.delete('mode');
  if (operations.every((op) => op.intent !== 'rdsh.set_license_servers' || op.params.servers)) needs.delete('servers');
  return { ...parse, operations, needs: [...needs] };
}
