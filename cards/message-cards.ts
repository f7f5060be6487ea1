import { availableOperations, operationDefinition } from '../bot/catalogue';
import type { AuditRecord } from '../bot/ports';
import type { Host, ParseResult } from '../bot/domain';
import {
  type AdaptiveCard,
  bullets,
  card,
  type CardElement,
  executeAction,
  facts,
  heading,
  paragraph,
  plain,
} from './card-kit';
import { examples } from './answer-cards';
import { dateTime } from './approval-facts';
import { VERB } from './verbs';

/** Why no host was taken from a message, in the user's terms. */
const DROPPED = {
  hostile:
    'I did not take any host from that message: it also carries command syntax (such as `;`, `$(` or a cmdlet), and I never act on hosts named beside it. Write the request on its own.',
  lookalike:
    'I did not take a host from that message: a host name in it has letters that only look like the usual ones (another alphabet, or full-width). Type the name again.',
};

/** What the bot can do, with examples to copy. */
export function helpCard(inventory: readonly Host[] = [], intro?: string): AdaptiveCard {
  return card([
    heading('RDS Licensing Bot'),
    ...(intro ? [paragraph(intro)] : []),
    paragraph(
      'I fix Remote Desktop licensing trouble on the hosts in my inventory. Right now I can (reading is immediate; client resets wait for your Confirm, server changes for an approver):',
    ),
    bullets(availableOperations().map((operation) => operation.title)),
    paragraph('Try for example:'),
    bullets(examples(inventory).map((example) => `“${example.text}”`)),
    paragraph('I always show you what will change and wait for your Confirm, or an approval, before I touch a host.', {
      subtle: true,
    }),
  ]);
}

/**
 * A request with something missing (a host, a mode, license servers): asks with choices from the
 * inventory and continues the same request when answered (verb request.complete). `choice` is the
 * reading already picked on "Which do you mean?", sent back so the answer does not ask that again.
 */
export function needsCard(
  parse: ParseResult,
  inventory: readonly Host[] = [],
  choice?: { index: number; intent: string },
  dropped?: 'hostile' | 'lookalike',
): AdaptiveCard {
  const body: CardElement[] = [heading('I need a little more')];
  const operation = parse.operations[0];
  const role = operation ? operationDefinition(operation.intent).runsOn : undefined;
  const diagnosis = operation?.intent === 'licensing.diagnose';
  if (dropped) body.push(paragraph(DROPPED[dropped]));
  if (parse.needs.includes('target')) {
    const names =
      parse.suggestions.length > 0
        ? parse.suggestions
        : inventory.filter((host) => !role || host.role === role).map((host) => host.name);
    body.push(
      paragraph(
        parse.suggestions.length > 0
          ? `I don't know that host. Did you mean ${parse.suggestions.map((s) => `**${s}**`).join(' or ')}?`
          : diagnosis
            ? 'Which host has the trouble? I will diagnose it first; that only reads, nothing changes.'
            : 'Which computer? I only act on hosts in my inventory.',
      ),
    );
    if (names.length > 0) body.push(choices('targets', 'Computer', names.slice(0, 25), true));
  }
  if (parse.needs.includes('mode')) {
    body.push(
      choiceSet(
        'mode',
        'Licensing mode',
        [
          ['Per user', 'PerUser'],
          ['Per device', 'PerDevice'],
        ],
        false,
      ),
    );
  }
  if (parse.needs.includes('servers')) {
    const servers = inventory
      .filter((host) => host.role === 'license-server' && !host.tags.includes('decommissioned'))
      .map((host) => host.name);
    body.push(paragraph('Which license server(s)? The first one is tried first.'));
    if (servers.length > 0) body.push(choices('servers', 'License servers', servers, true));
  }
  const data = { text: parse.text, ...(choice ? { choice: choice.index, intent: choice.intent } : {}) };
  const actions = [executeAction(diagnosis ? 'Diagnose' : 'Continue', VERB.complete, data, 'positive')];
  body.push(paragraph('Or write the request again with the details.', { subtle: true }));
  return card(body, actions);
}

function choices(id: string, label: string, names: string[], multi: boolean): CardElement {
  return choiceSet(
    id,
    label,
    names.map((name) => [name, name]),
    multi,
  );
}

function choiceSet(id: string, label: string, options: Array<[string, string]>, multi: boolean): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    isRequired: true,
    errorMessage: `Pick ${label.toLowerCase()}`,
    isMultiSelect: multi,
    style: multi ? 'expanded' : 'compact',
    choices: options.map(([title, value]) => ({ title, value })),
  };
}

/** An expected "no": policy, role, wrong host. Says why, never how the bot works inside. */
export function refusedCard(reason: string): AdaptiveCard {
  return card([heading('I can’t do that', 'warning'), paragraph(plain(reason))]);
}

/** Short answers to a click that changes nothing. */
export function noticeCard(title: string, text: string): AdaptiveCard {
  return card([heading(title, 'warning'), paragraph(text)]);
}

/** An unexpected failure: a code and a reference to quote, never a stack trace. */
export function errorCard(code: string, correlationId: string, message = 'Something went wrong.'): AdaptiveCard {
  return card([
    heading('Something went wrong', 'attention'),
    paragraph(plain(message)),
    paragraph(`Error ${code}, reference ${correlationId}. Nothing was changed by this message.`, { subtle: true }),
  ]);
}

/** "Who changed RDSH01 this week": the newest audit records naming the host. */
export function auditCard(records: AuditRecord[], host: string | undefined, since: string | undefined): AdaptiveCard {
  const scope = `${host ? ` for ${host}` : ''}${since ? ` since ${dateTime(since)}` : ''}`;
  if (records.length === 0) return card([heading(`Audit log${scope}`), paragraph('Nothing recorded.')]);
  return card([
    heading(`Audit log${scope}`),
    facts(
      records.map((r) => [
        `${dateTime(r.ts)} #${r.seq}`,
        `${r.kind} by ${plain(r.actor)} (request ${r.requestId.slice(0, 8)})`,
      ]),
    ),
    paragraph('The full log: npm run audit -- export. Its integrity: npm run audit -- verify.', { subtle: true }),
  ]);
}

/** Sent when reading the hosts takes a while; the answer replaces it in place. */
export function checkingCard(hosts: readonly string[]): AdaptiveCard {
  const shown = hosts.length <= 5 ? hosts.join(', ') : `${hosts.slice(0, 5).join(', ')} and ${hosts.length - 5} more`;
  return card([
    heading(hosts.length === 1 ? `Checking ${plain(hosts[0] ?? '')}…` : `Checking ${hosts.length} hosts…`),
    paragraph(`Reading the current state of ${plain(shown)}. Nothing is changed; this message updates itself.`, {
      subtle: true,
    }),
  ]);
}
