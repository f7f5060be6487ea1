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
  isLicenseServer: (name: string) => boolean = () => false,
): ParseResult | undefined {
  // A change the whole message aims at two hosts or more may have taken a complaint's host; one aimed at
  // a host of another role ("vault-rds keeps logging 1130s, but please reset the cache on ARC-READROOM1")
  // has dropped it. Either way the complaint's host is looked at, not changed.
  const spread = whole.operations.some((op) => changes(op.intent) && op.targets.length > 1);
  if (!spread && !whole.operations.some((op) => changes(op.intent) && op.targets.length > 0)) return undefined;
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
    const looked = parse(piece).operations.filter((op) => op.intent === 'licensing.diagnose');
    // "PC-042 gets 1003 on RDSH01, please reset PC-042": a complaint about the request's own host is its
    // context, the session host named in it only where the trouble showed.
    if (!spread && looked.some((op) => op.targets.some((target) => own.has(target)))) continue;
    // "LSV-LEGACY is dead, make AUDRDS-EXE use LSV-EXE02": the server moved away from is the reason, not trouble.
    const movesServers = request.operations.some((op) => op.intent === 'rdsh.set_license_servers');
    const others = looked.flatMap((op) =>
      op.targets.filter((target) => !own.has(target) && !(movesServers && isLicenseServer(target))),
    );
    if (others.length > 0) operations.push({ intent: 'licensing.diagnose', targets: [...new Set(others)], params: {} });
  }
  if (operations.length === request.operations.length) return undefined;
  return { ...whole, operations, needs: request.needs, candidates: [] };
}
