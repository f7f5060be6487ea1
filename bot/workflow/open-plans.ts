import type { PlannedOperation, Requester } from '../domain';
import { limitsOf } from '../policy/policy';
import type { WorkflowDeps } from './deps';

const key = (operations: PlannedOperation[]) =>
  JSON.stringify(
    operations
      .map((operation) => ({
        intent: operation.intent,
        targets: operation.targets.map((target) => target.toUpperCase()).sort(),
        params: Object.fromEntries(Object.entries(operation.params).sort(([a], [b]) => a.localeCompare(b))),
      }))
      .sort((a, b) => (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0)),
  );

/**
 * Before a change is previewed (the preview is what costs: a session per host): one person may have
 * at most `openPlansPerUser` plans waiting for their Confirm or for approvals, and asking for the same
 * change again points at the plan already waiting instead of making a second one (the same plan
 * asked for 300 times made 301 pending plans for one host).
 */
export async function checkOpenPlans(
  deps: WorkflowDeps,
  requester: Requester,
  operations: PlannedOperation[],
): Promise<{ code: 'duplicate_plan' | 'too_many_open_plans'; reason: string } | undefined> {
  const now = deps.clock.now().getTime();
  const waiting = (await Promise.all([deps.store.listByState('pending'), deps.store.listByState('submitted')]))
    .flat()
    .filter((request) => request.requester.oid === requester.oid && new Date(request.expiresAt).getTime() > now);
  const wanted = key(operations);
  const same = waiting.find((request) => key(request.operations) === wanted);
  if (same) {
    return {
      code: 'duplicate_plan',
      reason: `You already have this plan waiting (request ${same.id}): use the card above, or cancel it first.`,
    };
  }
  const limit = limitsOf(deps.policy).openPlansPerUser;
  if (waiting.length >= limit) {
    return {
      code: 'too_many_open_plans',
      reason: `You have ${waiting.length} plan${waiting.length === 1 ? '' : 's'} waiting for a Confirm or for approvals (at most ${limit}). Confirm or cancel some of them first.`,
    };
  }
  return undefined;
}
