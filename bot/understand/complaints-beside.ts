import type { ParseResult, PlannedOperation } from '../domain';
import { takesNoHosts } from './targets';

/**
 * "ABZ-CR-05 keeps getting a licence error. Separately, please reset the cache on ABZ-CR-07.": one
 * request with hosts of its own beside complaints about other hosts. The change goes to the request's
 * hosts only; each complaint about a host the request does not name is a diagnosis of that host, in
 * the order written. Undefined when the request names no host of its own ("..., reset its licence"):
 * then the complaint is its context and the message is read whole.
 */
export function complaintsBeside(
  pieces: string[],
  acts: string[],
  parse: (part: string) => ParseResult,
  whole: ParseResult,
): ParseResult | undefined {
  const at = acts.findIndex((act) => act === 'request');
  if (at < 0 || acts.filter((act) => act === 'request').length > 1 || !acts.includes('complaint')) return undefined;
  const request = parse(pieces[at] as string);
  const own = new Set(request.operations.flatMap((op) => op.targets));
  if (
    request.operations.length === 0 ||
    request.operations.some((op) => op.targets.length === 0 && !takesNoHosts(op.intent))
  )
    return undefined;
  const operations: PlannedOperation[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index === at) {
      operations.push(...request.operations);
      continue;
    }
    if (acts[index] !== 'complaint') continue;
    const others = parse(piece)
      .operations.filter((op) => op.intent === 'licensing.diagnose')
      .flatMap((op) => op.targets.filter((target) => !own.has(target)));
    if (others.length > 0) operations.push({ intent: 'licensing.diagnose', targets: [...new Set(others)], params: {} });
  }
  if (operations.length === request.operations.length) return undefined;
  return { ...whole, operations, needs: request.needs, candidates: [] };
}
