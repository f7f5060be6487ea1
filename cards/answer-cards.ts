import type { Host } from '../bot/domain';
import { type AdaptiveCard, card, executeAction, heading, paragraph, plain } from './card-kit';
import { VERB } from './verbs';

/**
 * Short answers for the moments that are not a plan: a message not understood, and hosts that did not
 * answer. One line and a few buttons, not the whole help card again (a chat of repeated help cards is
 * a wall nobody reads).
 */

/** Example requests on this inventory's own hosts (only people with a role get this far). */
export function examples(inventory: readonly Host[]): Array<{ title: string; text: string }> {
  const sessionHost = inventory.find((host) => host.role === 'session-host')?.name ?? 'RDSH01';
  const client = inventory.find((host) => host.role === 'client')?.name ?? 'PC-042';
  const server = inventory.find((host) => host.role === 'license-server')?.name ?? 'LS1';
  return [
    { title: `What's wrong with ${sessionHost}?`, text: `what's wrong with ${sessionHost}?` },
    { title: `Reset the client license on ${client}`, text: `reset the client license on ${client}` },
    { title: `Point ${sessionHost} at ${server}`, text: `point ${sessionHost} at ${server}` },
  ];
}

export function notUnderstoodCard(inventory: readonly Host[], line: string): AdaptiveCard {
  const [first, second] = examples(inventory);
  return card(
    [paragraph(line), paragraph('For example:', { subtle: true })],
    [
      ...[first, second].flatMap((example) =>
        example ? [executeAction(example.title, VERB.ask, { text: example.text })] : [],
      ),
      executeAction('Help', VERB.ask, { text: 'help' }),
    ],
  );
}

/** Nothing planned: the hosts did not answer. What to check, and Retry (the same request again). */
export function unreachableCard(text: string, hosts: ReadonlyArray<{ host: string; message: string }>): AdaptiveCard {
  const names = hosts.map((h) => h.host).join(', ');
  return card(
    [
      heading(`${plain(names)} could not be reached`, 'attention'),
      paragraph('Nothing was planned or changed.'),
      paragraph(
        `Check that ${hosts.length > 1 ? 'they are' : 'it is'} switched on and on the network, that the remote PowerShell endpoint answers (SSH or WinRM, as the inventory says), and that the host key the bot pins is still the host's. Then retry.`,
      ),
      // The executor's message usually names the host already ("PC-DOWN did not accept…").
      ...hosts.map((h) =>
        paragraph(h.message.startsWith(h.host) ? plain(h.message) : `${plain(h.host)}: ${plain(h.message)}`, {
          subtle: true,
        }),
      ),
    ],
    [executeAction('Retry', VERB.ask, { text: text.slice(0, 2000) })],
  );
}
