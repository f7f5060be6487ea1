import type { ChangeRequest } from '../domain';
import type { WorkflowDeps } from '../workflow/deps';
import { runRequest } from '../workflow/run-request';
import type { BackgroundWork } from './background';

/** Passes an outcome through, starting the run in the background when it says the change may run now. */
export type StartRun = <O extends { kind: string }>(outcome: O) => O;

/**
 * A confirmed (or finally approved) change runs after the click is answered: the invoke must answer
 * within seconds, a change may take minutes, and its card is updated in place when it is done.
 */
export function startRunWhenDecided(deps: WorkflowDeps, background: BackgroundWork): StartRun {
  return (outcome) => {
    if ((outcome.kind === 'confirmed' || outcome.kind === 'approved') && 'request' in outcome) {
      const request = outcome.request as ChangeRequest;
      background.start(() => runRequest(deps, request));
    }
    return outcome;
  };
}
