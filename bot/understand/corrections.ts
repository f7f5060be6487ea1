import type { ParseResult, PlannedOperation } from '../domain';

/**
 * "set LEDGER-TS to per device... actually no, make it per user": the writer corrected themselves, so
 * of two readings of the same operation on the same host only the later one stands. Without such a
 * word, two values for one host are left as they are (and asked about by the plan's own checks).
 */
const CORRECTION =
  /\b(actually,? no|actually|no wait|wait,? no|sorry,? (i meant|no|make that)|correction|scratch that|i mean|i meant|make that|rather)\b/i;

export function withCorrections(result: ParseResult, text: string): ParseResult {
  if (result.operations.length < 2 || !CORRECTION.test(text)) return result;
  const kept: PlannedOperation[] = [];
  for (const [at, op] of result.operations.entries()) {
    const later = result.operations
      .slice(at + 1)
      .some((next) => next.intent === op.intent && next.targets.some((target) => op.targets.includes(target)));
    if (!later) kept.push(op);
  }
  return { ...result, operations: kept };
}
