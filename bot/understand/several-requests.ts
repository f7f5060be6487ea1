import type { Need, ParseResult, PlannedOperation } from '../domain';
import { normalise } from './normalise';
import { classify } from './speech-act';

/**
 * Several operations in one message ("refresh the cert on TS-HR-02 and restart RDS on TS-HR-01",
 * "clear the cache for asmith, and show me what jdoe asked for"): the message is cut where a new
 * request or question starts, each part is understood on its own with its own hosts (a part that names
 * none takes the message's), and the parts are joined in order. A part that adds no operation of its
 * own ("and reboot tonight", "and restart the service now" after a grace reset) belongs to the part
 * before it; parts that only report or complain ("PC-042 gets event 1003, reset its licence") are
 * context for the others, not requests of their own.
 */
const NEXT_REQUEST =
  /\s*(?:,\s*(?:and\s+|then\s+|also\s+|plus\s+)?|;\s*|(?<=[.!?])\s+|\s+(?:and|&)\s+(?:then\s+|also\s+)?|\s+then\s+|\s+also\s+)(?=(?:(?:please|pls|can you|could you|and)\s+)?(?:reset|clear|wipe|delete|remove|set|switch|change|point|add|drop|restart|reboot|bounce|refresh|renew|rearm|extend|undo|roll ?back|revert|show|list|check|diagnose|test|tell|give|pull|run|can|could|is|are|what|why|how|which|does|do|did|who|any)\b)/i;

/** A diagnosis a part fell back to, with nothing in it that asks for one: context, not a request. */
const ASKS_DIAGNOSIS =
  /\b(wrong|diagnos\w*|troubleshoot\w*|health\w*|going on|up with|check|look at|investigate|problem|issue|broken|not working|why|what)\b/i;

function sameOperation(a: PlannedOperation, b: PlannedOperation): boolean {
  return a.intent === b.intent && JSON.stringify(a.params) === JSON.stringify(b.params);
}

export function combineParts(
  input: string,
  whole: ParseResult,
  parse: (part: string) => ParseResult,
): ParseResult | undefined {
  const pieces = input.split(NEXT_REQUEST).filter((part) => part.trim().length > 0);
  // More than six requests in one message is a ticket or a paste, read as one: each part costs a parse.
  if (pieces.length < 2 || pieces.length > 6) return undefined;
  const acts = pieces.map((piece) => classify(normalise(piece)).act);
  // Fewer than two parts that ask anything: one request with context, read whole (and without a parse each).
  if (acts.filter((act) => act !== 'complaint' && act !== 'social').length < 2) return undefined;
  const groups: Array<{ text: string; result: ParseResult }> = [];
  for (const [at, piece] of pieces.entries()) {
    const act = acts[at];
    const result = parse(piece);
    const previous = groups.at(-1);
    const adds = result.operations.some(
      (op) => !previous?.result.operations.some((known) => known.intent === op.intent),
    );
    const context = act === 'complaint' || act === 'social';
    const fallback = result.operations.every((op) => op.intent === 'licensing.diagnose') && !ASKS_DIAGNOSIS.test(piece);
    const absorbed =
      previous?.result.operations.some((op) => op.intent === 'rdsh.reset_grace_period') &&
      result.operations.every((op) => op.intent === 'rdsh.restart_service');
    if (previous && (result.operations.length === 0 || absorbed || (!adds && context))) {
      previous.text = `${previous.text} and ${piece}`;
      previous.result = parse(previous.text);
    } else if (!context && !fallback && result.operations.length > 0) groups.push({ text: piece, result });
  }
  const kept = groups.filter((group) => group.result.operations.length > 0);
  if (kept.length < 2) return undefined;
  const wholeTargets = (intent: PlannedOperation['intent']): string[] =>
    whole.operations.find((op) => op.intent === intent)?.targets ?? [];
  const operations: PlannedOperation[] = [];
  const needs = new Set<Need>();
  for (const { result } of kept) {
    for (const op of result.operations) {
      const targets = op.targets.length > 0 ? op.targets : wholeTargets(op.intent);
      const same = operations.find((known) => sameOperation(known, op));
      if (same) same.targets = [...new Set([...same.targets, ...targets])];
      else operations.push({ ...op, targets });
    }
    for (const need of result.needs) if (need !== 'target') needs.add(need);
  }
  if (operations.length < 2) return undefined;
  for (const op of operations) if (op.targets.length === 0 && whole.needs.includes('target')) needs.add('target');
  return { ...whole, operations, needs: [...needs], candidates: [] };
}
