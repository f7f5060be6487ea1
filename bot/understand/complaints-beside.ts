import type { ParseResult, PlannedOperation } from '../domain';
import { changes } from './safety';
import { takesNoHosts } from './targets';

/**
 * "ABZ-CR-05 keeps getting a licence error. Separately, please reset the cache on ABZ-CR-07.": a
 * request (its parts read together) with hosts of its own beside complaints about other hosts. The change goes to the request's
 * hosts only; each complaint about a host the request does not name is a diagnosis of that host, in
 * the order written. Undefined when the request names no host of its own ("..., reset its licence"):
 * then the complaint is its context and the message is read whole.
 */
const TRIED = /\b(tried|already|steps|did not help|didn't help|no change|no luck|made no difference)\b/i;

export function complaintsBeside(
  pieces: string[],
  acts: string[],
  parse: (part: string) => ParseResult,
  whole: ParseResult,
): ParseResult | undefined {
  // Only a change the whole message aims at two hosts or more can have taken a complaint's host.
  if (!whole.operations.some((op) => changes(op.intent) && op.targets.length > 1)) return undefined;
  const at = acts.findIndex((act) => act === 'request');
  if (at < 0 || !acts.includes('complaint')) return undefined;
  // The request is every part that is not a complaint ("TIXRDS12 needs a cert refresh" + "reboot tonight").
  const asked = pieces.filter((_, index) => acts[index] !== 'complaint' && acts[index] !== 'social');
  const request = parse(asked.join(' '));
  const own = new Set(request.operations.flatMap((op) => op.targets));
  if (
    request.operations.length === 0 ||
    request.operations.some((op) => op.targets.length === 0 && !takesNoHosts(op.intent))
  )
    return undefined;
  const operations: PlannedOperation[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index === at) operations.push(...request.operations);
    // "Steps tried: reset MSLicensing on PC-040 and PC-041, no change": what was done, not trouble to look at.
    if (acts[index] !== 'complaint' || TRIED.test(piece)) continue;
    const others = parse(piece)
      .operations.filter((op) => op.intent === 'licensing.diagnose')
      .flatMap((op) => op.targets.filter((target) => !own.has(target)));
    if (others.length > 0) operations.push({ intent: 'licensing.diagnose', targets: [...new Set(others)], params: {} });
  }
  if (operations.length === request.operations.length) return undefined;
  return { ...whole, operations, needs: request.needs, candidates: [] };
}
