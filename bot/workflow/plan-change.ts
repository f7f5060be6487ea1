import Ajv from 'ajv';
import { operationDefinition } from '../catalogue';
import type { ApprovalState, ChangeRequest, Host, PlannedOperation, Requester } from '../domain';
import { BotError } from '../errors';
import type { WorkflowDeps } from './deps';
import { planFingerprint } from './fingerprint';
import { checkOpenPlans } from './open-plans';
import { checkRateLimits } from './rate-limits';
import { type PlanOutcome, refused } from './outcomes';
import { hostsOf, checkPolicy } from './request-hosts';
import { diagnoseHosts } from './diagnose-hosts';
import { runOperations } from './run-operations';
import { recordStep } from './record-step';

const ajv = new Ajv({ allErrors: false, strict: true });

export interface ChangeInput {
  requester: Requester;
  text: string;
  operations: PlannedOperation[];
  conversation: unknown;
  /** Called with the denial code when the policy or a rate limit says no (to audit it). */
  onRefused?: (code: string) => Promise<void>;
  /** A re-submission: the request it replaces and the justification already given. */
  resubmitOf?: string;
  justification?: string;
  cardActivityId?: string;
  /** A rollback: the request it undoes, whose operations the policy judges it by. */
  undoes?: ChangeRequest['undoes'];
  /** Told which hosts are about to be read, preview or read-only run (the chat may say "Checking…"). */
  reading?: (hosts: readonly string[]) => void;
}

/**
 * Operations in, a stored plan out: check the policy (roles, host roles, groups, batch size, window),
 * the rate limits and the approvals channel, preview every host (-WhatIf through the same code that
 * will run), then store the request as pending and audit it first. Read-only operations run at once.
 */
export async function planChange(deps: WorkflowDeps, input: ChangeInput): Promise<PlanOutcome> {
  const refuse = async (code: string, reason: string): Promise<PlanOutcome> => {
    await input.onRefused?.(code);
    return refused(reason, { code });
  };
  const hosts = hostsOf(deps, input);
  const decision = checkPolicy(deps, input.requester, input);
  if (!decision.allowed && decision.code !== 'pilot_mode') return refuse(decision.code, decision.reason);
  for (const operation of input.operations) {
    const validate = ajv.compile(operationDefinition(operation.intent).paramsSchema);
    if (!validate(operation.params)) {
      return refuse('bad_params', 'The request has parameters this operation does not take.');
    }
  }
  // Pilot mode: the preview (-WhatIf, nothing changes) still runs so the admin sees what the bot would
  // do; nothing is stored that could be confirmed, and the refusal is audited.
  if (!decision.allowed) {
    await input.onRefused?.(decision.code);
    input.reading?.([...hosts.keys()]);
    const preview = await runOperations(deps, deps.ids.newId(), input.operations, hosts, true);
    return { kind: 'pilot', reason: decision.reason, text: input.text, operations: input.operations, preview };
  }

  const id = deps.ids.newId();
  const need = decision.approval;
  if (!need) {
    input.reading?.([...hosts.keys()]);
    return readNow(deps, id, input.requester, input.operations, hosts);
  }
  const rails = await checkRateLimits(deps, need, input.operations);
  if (!rails.ok) return refuse(rails.code, rails.reason);
  // A re-submission replaces a request that is no longer waiting; anything else is counted.
  const open = input.resubmitOf ? undefined : await checkOpenPlans(deps, input.requester, input.operations);
  if (open) return refuse(open.code, open.reason);
  const channel = need.needed > 0 ? await deps.settings.getApprovalsChannel() : undefined;
  if (need.needed > 0 && !channel) {
    return refuse(
      'no_approvals_channel',
      `${whatChanges(input.operations)} needs ${need.needed === 1 ? 'an approver' : `${need.needed} approvers`}. No approvals channel is set up yet: an admin writes "@RDS Licensing Bot use this channel for approvals" in the team channel where approvers work.`,
    );
  }

  input.reading?.([...hosts.keys()]);
  const preview = await runOperations(deps, id, input.operations, hosts, true);
  // A plan for hosts that did not answer would be a plan nobody can check: say so, offer Retry instead.
  if (
    preview.length > 0 &&
    preview.every((outcome) => outcome.status === 'failed' && isUnreachable(outcome.error?.code))
  ) {
    await input.onRefused?.('hosts_unreachable');
    return {
      kind: 'unreachable',
      text: input.text,
      hosts: preview.map((outcome) => ({ host: outcome.host, message: outcome.error?.message ?? 'no answer' })),
    };
  }
  const now = deps.clock.now();
  const ttlMs = need.needed > 0 ? need.ttlMinutes * 60_000 : deps.planTtlMs;
  const approval: ApprovalState = {
    needed: need.needed,
    roles: need.roles,
    justificationRequired: need.justificationRequired,
    ttlMinutes: Math.round(ttlMs / 60_000),
    votes: [],
    ...(input.justification ? { justification: input.justification } : {}),
    ...(input.resubmitOf ? { resubmitOf: input.resubmitOf } : {}),
  };
  const request: ChangeRequest = {
    id,
    version: 1,
    state: 'pending',
    requester: input.requester,
    text: input.text,
    operations: input.operations,
    preview,
    fingerprint: planFingerprint(input.operations, preview),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    conversation: input.conversation,
    approval,
    ...(input.cardActivityId ? { cardActivityId: input.cardActivityId } : {}),
    ...(input.undoes ? { undoes: input.undoes } : {}),
  };
  const anythingToChange = preview.some((outcome) => outcome.report?.changed && !outcome.report.refused);
  if (!anythingToChange && preview.every((outcome) => outcome.status === 'succeeded')) {
    request.state = 'succeeded';
    request.outcome = preview;
  }
  try {
    await deps.audit.append({
      kind: 'request.planned',
      requestId: id,
      actor: input.requester.oid,
      data: {
        text: input.text,
        operations: input.operations,
        preview,
        fingerprint: request.fingerprint,
        state: request.state,
        approval: { needed: approval.needed, roles: approval.roles, resubmitOf: approval.resubmitOf ?? null },
        undoes: input.undoes?.id ?? null,
      },
    });
  } catch (cause) {
    throw new BotError(
      'audit_unavailable',
      'The audit log is not taking records now (an admin must look at it), so the bot will not plan changes now.',
      {
        cause,
      },
    );
  }
  await deps.store.create(request);
  return request.state === 'succeeded' ? { kind: 'nothing-to-do', request } : { kind: 'planned', request };
}

/** Failures that mean the host did not answer at all (as opposed to a host that answered "no"). */
function isUnreachable(code: string | undefined): boolean {
  return code === 'host_unreachable' || code === 'executor_timeout';
}

/** Read-only operations run at once (they change nothing); the reading is audited like any other step. */
async function readNow(
  deps: WorkflowDeps,
  id: string,
  requester: Requester,
  operations: PlannedOperation[],
  hosts: Map<string, Host>,
): Promise<PlanOutcome> {
  const outcomes = await runOperations(deps, id, operations, hosts, false);
  // A diagnosis reads more than the host's settings (diagnose-hosts.ts); its own outcomes are its slice.
  const at = operations.findIndex((operation) => operation.intent === 'licensing.diagnose');
  const diagnosis = operations[at];
  const offset = operations.slice(0, Math.max(at, 0)).reduce((sum, operation) => sum + operation.targets.length, 0);
  const diagnosed = diagnosis
    ? await diagnoseHosts(
        deps,
        id,
        diagnosis.targets.flatMap((name) => hosts.get(name) ?? []),
        outcomes.slice(offset, offset + diagnosis.targets.length),
      )
    : undefined;
  await recordStep(
    deps,
    {
      kind: 'report.read',
      requestId: id,
      actor: requester.oid,
      data: {
        operations: [...operations, ...(diagnosed?.reads ?? [])],
        hosts: [...outcomes, ...(diagnosed?.outcomes ?? [])].map((o) => ({ host: o.host, status: o.status })),
      },
    },
    'warn',
  );
  return { kind: 'report', operations, outcomes, ...(diagnosed ? { diagnoses: diagnosed.diagnoses } : {}) };
}

/** "Reset the grace period on RDSH-LAB-02": a refusal names what was understood ("the lab box" is a host). */
function whatChanges(operations: readonly PlannedOperation[]): string {
  return operations
    .map((operation) => {
      const shown = operation.targets.slice(0, 3).join(', ');
      const more = operation.targets.length > 3 ? ` and ${operation.targets.length - 3} more` : '';
      return `${operationDefinition(operation.intent).title} on ${shown}${more}`;
    })
    .join('; ');
}
