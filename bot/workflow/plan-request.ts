import { operationDefinition } from '../catalogue';
import type { Host, ParseResult, PlannedOperation, Requester } from '../domain';
import { checkRequest } from '../policy/check-request';
import { parseRequest } from '../understand/parse-request';
import { chooseReading, CHOICE_NOT_OFFERED, type IntentChoice } from './choose-intent';
import { cancelRequest } from './decide-request';
import type { WorkflowDeps } from './deps';
import { planChange } from './plan-change';
import { planRollback } from './plan-rollback';
import type { PlanOutcome } from './plan-outcome';
import { recordStep } from './record-step';

/** What a user picked on the "what is missing" card: inventory hosts, a mode, license servers. */
export interface Completion {
  targets?: string[];
  mode?: 'PerUser' | 'PerDevice';
  servers?: string[];
}

/** How far back "this week", "7d", "24h" reach, as an ISO time. */
function sinceTime(now: Date, since: unknown): string | undefined {
  const match = typeof since === 'string' ? /^(\d+)([hd])$/.exec(since) : null;
  if (!match) return undefined;
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
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

/**
 * A message in, a plan out: understand it, check the policy, preview every host (-WhatIf through the
 * same code that will run), then store the request as pending and audit it. Nothing changes on a host.
 * With `choice` (the "Which do you mean?" card), the text is parsed again here and continued with the
 * picked reading only if this parse offers it; with `completion`, what was missing is filled in.
 */
export async function planRequest(
  deps: WorkflowDeps,
  input: { text: string; requester: Requester; conversation: unknown; completion?: Completion; choice?: IntentChoice },
): Promise<PlanOutcome> {
  const parsed = parseRequest(input.text, deps.inventory.hosts());
  const read = input.choice ? chooseReading(parsed, input.choice) : parsed;
  if (!read) {
    await auditRefusal(deps, input.requester, 'choice_not_offered', parsed);
    return { kind: 'refused', reason: CHOICE_NOT_OFFERED, parse: parsed };
  }
  const parse = input.completion ? completeParse(read, input.completion, deps.inventory.hosts()) : read;
  if (parse.needs.includes('confirm-intent') && parse.candidates.length > 0) return { kind: 'choose', parse };
  const [first] = parse.operations;
  if (!first) return parse.needs.includes('confirm-intent') ? { kind: 'unclear', parse } : { kind: 'not-licensing' };
  if (first.intent === 'help') return { kind: 'help' };
  if (first.intent.startsWith('advice.')) return { kind: 'advice', intent: first.intent };
  if (first.intent === 'request.status' || first.intent === 'request.cancel') {
    // "my last request": the newest one this user made (a request id in the text is not trusted here).
    const last = await deps.store.lastByRequester(input.requester.oid);
    if (first.intent === 'request.cancel' && (last?.state === 'pending' || last?.state === 'submitted')) {
      const outcome = await cancelRequest(deps, {
        requestId: last.id,
        fingerprint: last.fingerprint,
        actor: input.requester,
      });
      if (outcome.kind === 'cancelled') {
        // The plan card in the thread loses its buttons too (cancelRequest updates the approval card).
        await deps.notifier.updateRequestCard(outcome.request).catch((error: unknown) => {
          deps.log.warn('could not update the cancelled card', { requestId: last.id, error: String(error) });
        });
        return { kind: 'status', request: outcome.request };
      }
    }
    return { kind: 'status', request: last && (await deps.store.get(last.id)) };
  }
  if (parse.needs.length > 0) return { kind: 'needs', parse, ...(input.choice ? { choice: input.choice } : {}) };
  if (first.intent === 'audit.query') {
    const decision = checkRequest(deps.policy, input.requester, [], new Map());
    if (!decision.allowed) return { kind: 'refused', reason: decision.reason, parse };
    const host = typeof first.params.host === 'string' ? first.params.host : undefined;
    const since = sinceTime(deps.clock.now(), first.params.since ?? '7d');
    return { kind: 'audit', host, since, records: await deps.audit.query({ host, since, limit: 20 }) };
  }

  const common = {
    requester: input.requester,
    text: parse.text,
    conversation: input.conversation,
    onRefused: (code: string) => auditRefusal(deps, input.requester, code, parse),
  };
  const outcome =
    first.intent === 'request.rollback'
      ? await planRollback(deps, { ...common, operation: first })
      : await planChange(deps, { ...common, operations: parse.operations });
  return outcome.kind === 'refused' ? { ...outcome, parse } : outcome;
}

async function auditRefusal(deps: WorkflowDeps, requester: Requester, code: string, parse: ParseResult): Promise<void> {
  // A refusal changes nothing, so it is answered even when the audit log is down (logged instead).
  await recordStep(
    deps,
    {
      kind: 'request.refused',
      requestId: '-',
      actor: requester.oid,
      data: { code, text: parse.text, operations: parse.operations },
    },
    'warn',
  );
}
