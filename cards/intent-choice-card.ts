import { operationDefinition } from '../bot/catalogue';
import type { ParseResult, PlannedOperation } from '../bot/domain';
import { type AdaptiveCard, card, type CardElement, executeAction, heading, paragraph, plain } from './card-kit';
import { VERB } from './verbs';

/** Teams renders at most six card actions; a parse with more readings than this is not worth a card. */
export const MAX_READINGS = 5;

const MODE: Record<string, string> = { PerUser: 'per user', PerDevice: 'per device' };

/** The part of a reading its params decide ("to per user"), so two readings never look alike. */
function detail(operation: PlannedOperation): string {
  const { params } = operation;
  if (operation.intent === 'rdsh.set_licensing_mode' && typeof params.mode === 'string') {
    return ` to ${MODE[params.mode] ?? params.mode}`;
  }
  if (operation.intent === 'rdsh.set_license_servers' && Array.isArray(params.servers)) {
    const servers = params.servers.map(String).join(', ');
    if (params.op === 'add') return `: add ${servers}`;
    if (params.op === 'remove') return `: remove ${servers}`;
    return ` to ${servers}`;
  }
  if (typeof params.since === 'string') return ` (last ${params.since})`;
  return '';
}

/** One reading in plain words: "Set the licensing mode on RDSH01 to per user", "Diagnose licensing on RDSH01". */
export function readingTitle(operation: PlannedOperation): string {
  const hosts = operation.targets.length > 0 ? ` on ${operation.targets.join(', ')}` : '';
  return `${operationDefinition(operation.intent).title}${hosts}${detail(operation)}`;
}

/**
 * "Which do you mean?" for a request that reads as a change or as a question ("RDSH01 per user?"):
 * quotes the request and offers one button per reading (verb request.choose). A button carries only
 * the text and which reading it is; the server parses the text again and accepts only a reading the
 * parser offers for it, so a forged button can never bring its own operations, hosts or params.
 */
export function intentChoiceCard(parse: ParseResult): AdaptiveCard {
  const body: CardElement[] = [
    heading('Which do you mean?'),
    paragraph(`“${plain(parse.text)}”`, { subtle: true }),
    paragraph('This can mean more than one thing. A question is answered at once; a change is shown as a plan first.'),
  ];
  if (parse.operations.length > 0) {
    body.push(paragraph(`Also in this request: ${parse.operations.map(readingTitle).join('; ')}.`));
  }
  body.push(paragraph('Or write the request again in other words.', { subtle: true }));
  const actions = parse.candidates.slice(0, MAX_READINGS).map((candidate, index) =>
    executeAction(readingTitle(candidate), VERB.choose, {
      text: parse.text,
      choice: index,
      intent: candidate.intent,
    }),
  );
  return card(body, actions);
}
