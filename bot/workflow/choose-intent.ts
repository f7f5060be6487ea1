import type { Need, ParseResult, PlannedOperation } from '../domain';
import { takesNoHosts } from '../understand/targets';

/**
 * The reading a user picked on the "Which do you mean?" card: its place among the parser's
 * candidates and its intent. Both come from an untrusted card, so both must match.
 */
export interface IntentChoice {
  index: number;
  intent: string;
}

/** What a refused choice says: a stale or forged card, never a reason to guess. */
export const CHOICE_NOT_OFFERED =
  'That is not one of the readings I offered for this message. Nothing was planned; write the request again.';

/** Readings that never need a host named (a rollback of "the last change" finds its hosts from that change). */
function takesNoHost(operation: PlannedOperation): boolean {
  return takesNoHosts(operation.intent) || operation.intent === 'request.rollback';
}

/**
 * What is still missing once the intent is clear. An unknown or ambiguous host the parser saw stays
 * a need (it is about the text, not the reading); a mode or server list is needed only by a reading
 * that takes one, so the reading not chosen leaves nothing behind.
 */
function needsOf(operations: PlannedOperation[], parsed: Need[]): Need[] {
  const needs = new Set<Need>(parsed.includes('target') ? ['target'] : []);
  for (const operation of operations) {
    if (!takesNoHost(operation) && operation.targets.length === 0) needs.add('target');
    if (operation.intent === 'rdsh.set_licensing_mode' && !operation.params.mode) needs.add('mode');
    if (operation.intent === 'rdsh.set_license_servers' && !operation.params.servers) needs.add('servers');
  }
  return [...needs];
}

/**
 * The same request continued with the reading the user picked. `parse` must be the server's own parse
 * of the text (never anything from the card): the choice is accepted only if that parse asks to
 * confirm the intent and offers this reading at this place. Undefined otherwise.
 */
export function chooseReading(parse: ParseResult, choice: IntentChoice): ParseResult | undefined {
  if (!parse.needs.includes('confirm-intent')) return undefined;
  const chosen = parse.candidates[choice.index];
  if (!chosen || chosen.intent !== choice.intent) return undefined;
  const operations = [...parse.operations, { ...chosen, targets: [...chosen.targets], params: { ...chosen.params } }];
  return { ...parse, operations, needs: needsOf(operations, parse.needs), candidates: [] };
}
