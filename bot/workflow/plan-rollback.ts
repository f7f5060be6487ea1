import { operationDefinition } from '../catalogue';
import type { ChangeRequest, PlannedOperation, Requester } from '../domain';
import type { WorkflowDeps } from './deps';
import { planChange } from './plan-change';
import { type PlanOutcome, refused } from './outcomes';

/** The backup's file name: the target resolves it inside its own backup folder (never a path from chat). */
function backupName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function describe(request: ChangeRequest): string {
  return request.operations.map((operation) => operationDefinition(operation.intent).title).join(' and ');
}

/**
 * "Undo the license server change on RDSH01": finds the request to undo (by id, or the last finished
 * change with a backup on the named hosts), and plans restoring each host from the backup that request
 * made there, newest first. The card names the request it undoes; the policy judges the rollback by the
 * operations it undoes, so it needs the same approval.
 */
export async function planRollback(
  deps: WorkflowDeps,
  input: {
    requester: Requester;
    text: string;
    operation: PlannedOperation;
    conversation: unknown;
    onRefused?: (code: string) => Promise<void>;
    reading?: (hosts: readonly string[]) => void;
  },
): Promise<PlanOutcome> {
  const refuse = async (reason: string): Promise<PlanOutcome> => {
    await input.onRefused?.('rollback_not_found');
    return refused(reason, { code: 'rollback_not_found' });
  };
  const ref = input.operation.params.ref;
  const targets = input.operation.targets;
  let undone: ChangeRequest | undefined;
  if (typeof ref === 'string' && ref !== 'last') {
    undone = /^[A-Za-z0-9-]{1,64}$/.test(ref) ? await deps.store.get(ref) : undefined;
    if (!undone) return refuse(`I have no request ${ref.slice(0, 64)}.`);
  } else {
    if (targets.length === 0) return refuse('Which host? Say for example "undo the last change on RDSH01".');
    undone = await deps.store.lastChangeOn(targets);
    if (!undone) return refuse(`I found no finished change with a backup on ${targets.join(', ')}.`);
  }
  if (undone.state !== 'succeeded' && undone.state !== 'failed') {
    return refuse(`Request ${undone.id} has not run (it is ${undone.state}), so there is nothing to undo.`);
  }
  const hosts = new Set(
    (targets.length > 0 ? targets : (undone.outcome ?? []).map((o) => o.host)).map((h) => h.toLowerCase()),
  );
  const operations: PlannedOperation[] = (undone.outcome ?? [])
    .filter((outcome) => hosts.has(outcome.host.toLowerCase()) && outcome.report?.changed && !outcome.report.whatIf)
    .flatMap((outcome) =>
      outcome.report?.backup
        ? [
            {
              intent: 'request.rollback' as const,
              targets: [outcome.host],
              params: { backup: backupName(outcome.report.backup.path) },
            },
          ]
        : [],
    )
    .reverse();
  if (operations.length === 0) {
    return refuse(`Request ${undone.id} left no backup on ${[...hosts].join(', ')}: it changed nothing there.`);
  }
  const undoneOperations = (undone.undoes?.operations ?? undone.operations)
    .map((operation) => ({ ...operation, targets: operation.targets.filter((t) => hosts.has(t.toLowerCase())) }))
    .filter((operation) => operation.targets.length > 0);
  return planChange(deps, {
    requester: input.requester,
    text: input.text,
    operations,
    conversation: input.conversation,
    ...(input.onRefused ? { onRefused: input.onRefused } : {}),
    ...(input.reading ? { reading: input.reading } : {}),
    undoes: { id: undone.id, title: describe(undone), operations: undoneOperations, finishedAt: undone.updatedAt },
  });
}
