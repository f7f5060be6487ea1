import type { ParseResult, Requester } from '../domain';
import { checkMember } from '../policy/check-member';
import { checkRequest } from '../policy/check-request';
import { limitsOf } from '../policy/policy';
import { redactSecrets } from '../secrets/redact-secrets';
import { parseRequest } from '../understand/parse-request';
import { hasLookalikeHostWord, isHostileText } from '../understand/tokens';
import { chooseReading, CHOICE_NOT_OFFERED, type IntentChoice } from './choose-intent';
import { cancelRequest } from './cancel-request';
import { type Completion, completeParse } from './complete-parse';
import type { WorkflowDeps } from './deps';
import { planChange } from './plan-change';
import { planRollback } from './plan-rollback';
import { type PlanOutcome, refused } from './outcomes';
import { recordStep } from './record-step';

/** How far back "this week", "7d", "24h" reach, as an ISO time. */
function sinceTime(now: Date, since: unknown): string | undefined {
  const match = typeof since === 'string' ? /^(\d+)([hd])$/.exec(since) : null;
  if (!match) return undefined;
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

/**
 * The answer to a message: understand it, then dispatch by what it asks. A question is answered at
 * once (help, advice, status, audit, a read of the hosts); "cancel" cancels the user's last request; a
 * change is planned (plan-change or plan-rollback: the policy checked, every host previewed with
 * -WhatIf through the same code that will run, stored as pending and audited). Nothing changes on a host.
 * With `choice` (the "Which do you mean?" card), the text is parsed again here and continued with the
 * picked reading only if this parse offers it; with `completion`, what was missing is filled in.
 */
export async function answerMessage(
  deps: WorkflowDeps,
  input: {
    text: string;
    requester: Requester;
    conversation: unknown;
    completion?: Completion;
    choice?: IntentChoice;
    /** Told which hosts are about to be read (so the chat can say "Checking 3 hosts…" if that is slow). */
    reading?: (hosts: readonly string[]) => void;
  },
): Promise<PlanOutcome> {
  // Before the text is parsed or any host looked up: someone the bot does not serve learns nothing.
  const member = checkMember(deps.policy, input.requester);
  if (!member.ok) {
    await auditNonMember(deps, input.requester, member.code, input.text.length);
    return refused(member.reason, { code: member.code });
  }
  const longest = limitsOf(deps.policy).messageLength;
  if (input.text.length > longest) {
    return refused(
      `That message is ${input.text.length} characters long; I read requests of up to ${longest}. Please send the request on its own, in a few words.`,
      { code: 'message_too_long' },
    );
  }
  // A pasted password or token never goes further than this line: the rest sees the redacted text.
  const { text, kinds } = redactSecrets(input.text);
  if (kinds.length > 0) await auditRedaction(deps, input.requester, kinds);
  const parsed = parseRequest(text, deps.inventory.hosts());
  const read = input.choice ? chooseReading(parsed, input.choice) : parsed;
  if (!read) {
    await auditRefusal(deps, input.requester, 'choice_not_offered', parsed);
    return refused(CHOICE_NOT_OFFERED, { code: 'choice_not_offered', parse: parsed });
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
  if (parse.needs.length > 0) {
    // Hosts named beside command syntax or in look-alike letters are never taken: the card says so.
    const dropped = !parse.needs.includes('target')
      ? undefined
      : isHostileText(text)
        ? ('hostile' as const)
        : hasLookalikeHostWord(text)
          ? ('lookalike' as const)
          : undefined;
    return { kind: 'needs', parse, ...(input.choice ? { choice: input.choice } : {}), ...(dropped ? { dropped } : {}) };
  }
  if (first.intent === 'audit.query') {
    const decision = checkRequest(deps.policy, input.requester, [], new Map());
    if (!decision.allowed) return refused(decision.reason, { code: decision.code, parse });
    const host = typeof first.params.host === 'string' ? first.params.host : undefined;
    const since = sinceTime(deps.clock.now(), first.params.since ?? '7d');
    return { kind: 'audit', host, since, records: await deps.audit.query({ host, since, limit: 20 }) };
  }

  const common = {
    requester: input.requester,
    text: parse.text,
    conversation: input.conversation,
    onRefused: (code: string) => auditRefusal(deps, input.requester, code, parse),
    ...(input.reading ? { reading: input.reading } : {}),
  };
  const outcome =
    first.intent === 'request.rollback'
      ? await planRollback(deps, { ...common, operation: first })
      : await planChange(deps, { ...common, operations: parse.operations });
  return outcome.kind === 'refused' ? { ...outcome, parse } : outcome;
}

/** A non-member's refusal: sampled (DenialSampler), and without their text, which nobody vetted. */
async function auditNonMember(deps: WorkflowDeps, requester: Requester, code: string, length: number): Promise<void> {
  const sample = deps.denials.sample(`${code}:${requester.tenantId}:${requester.oid}`, deps.clock.now().getTime());
  if (!sample.record) return;
  await recordStep(
    deps,
    {
      kind: 'request.refused',
      requestId: '-',
      actor: requester.oid,
      data: { code, tenantId: requester.tenantId, textLength: length, refusedSinceLastRecord: sample.suppressed },
    },
    'warn',
  );
}

/** That a message carried a secret, by kind: never the value, which is gone already. */
async function auditRedaction(deps: WorkflowDeps, requester: Requester, kinds: string[]): Promise<void> {
  await recordStep(deps, { kind: 'request.redacted', requestId: '-', actor: requester.oid, data: { kinds } }, 'warn');
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
