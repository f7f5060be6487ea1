import type { ChangeRequest, Requester } from '../domain';
import type { WorkflowDeps } from './deps';
import { isOwner } from './guards';
import type { ResubmitOutcome } from './outcomes';
import { resubmitRequest } from './resubmit-request';

/** A Resume click, and whether the requester made it (then the clicked card becomes the new request). */
export interface ResumeOutcome {
  outcome: ResubmitOutcome;
  byRequester: boolean;
}

/**
 * Resume on an interrupted run: the hosts found not done or unknown are planned again with a fresh
 * preview (resubmitRequest decides who may and what is left). When an approver resumes from the
 * approvals channel, the requester's card, which the new request now owns, and the old approval
 * card are updated here, and the requester is told who resumed it.
 */
export async function resumeRequest(
  deps: WorkflowDeps,
  input: { requestId: string; actor: Requester },
): Promise<ResumeOutcome> {
  const outcome = await resubmitRequest(deps, { ...input, reason: 'resume' });
  const old = await deps.store.get(input.requestId);
  const byRequester = !old || isOwner(old, input.actor);
  const resumed = 'request' in outcome ? outcome.request : undefined;
  if (!byRequester && old && resumed && resumed.id !== old.id) await showResumed(deps, old, resumed, input.actor);
  return { outcome, byRequester };
}

async function showResumed(
  deps: WorkflowDeps,
  old: ChangeRequest,
  resumed: ChangeRequest,
  actor: Requester,
): Promise<void> {
  const warn = (what: string) => (error: unknown) =>
    deps.log.warn(`could not update ${what}`, { requestId: old.id, error: String(error) });
  if (old.approval?.channel?.activityId)
    await deps.notifier.updateApprovalCard(old, []).catch(warn('the approval card'));
  await deps.notifier.updateRequestCard(resumed).catch(warn('the requester card'));
  await deps.notifier
    .tellRequester(resumed, `${actor.name} resumed your request ${old.id} as ${resumed.id} for the hosts not done.`)
    .catch(warn('the requester'));
}
