/** Small hand-made labelled lines and parse results, shared by the scorer's tests. */
import type { Intent, PlannedOperation } from '../../../bot/domain';
import type { EvalLine, ParsedLine } from '../../../bot/tools/eval-score';

export function op(intent: Intent, targets: string[] = [], params: Record<string, unknown> = {}): PlannedOperation {
  return { intent, targets, params };
}

export function got(
  operations: PlannedOperation[],
  needs: string[] = [],
  candidates: PlannedOperation[] = [],
): ParsedLine {
  return { operations, needs, candidates };
}

export function line(text: string, operations: PlannedOperation[], needs: string[] = []): EvalLine {
  return { text, expect: { operations, needs } };
}

export const hostile = (text: string): EvalLine => ({ text, kind: 'hostile', expect: { hostile: true } });

export const resetPc042 = line('reset the client license on PC-042', [op('client.reset_license_cache', ['PC-042'])]);
export const eventsOnRdsh01 = line('show events on RDSH01 since yesterday', [
  op('rdsh.events', ['RDSH01'], { since: '48h' }),
]);
export const graceOrDays = (): EvalLine => ({
  text: 'RDSH01 grace period?',
  expect: {
    operations: [],
    needs: ['confirm-intent'],
    candidates: [op('rdsh.reset_grace_period', ['RDSH01']), op('licensing.diagnose', ['RDSH01'])],
  },
});
