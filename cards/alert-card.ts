import type { Alert, AlertCause } from '../bot/ports';
import { type AdaptiveCard, card, facts, heading, paragraph, plain } from './card-kit';
import { dateTime } from './approval-facts';

/** Each cause in an admin's words: what happened, and what to do about it. */
const WORDS: Record<AlertCause, { what: string; todo: string }> = {
  audit_fail_closed: {
    what: 'The audit log is not taking records, so the bot refuses every change (no audit, no change).',
    todo: 'Check the database (disk space, permissions, the PostgreSQL server) and the bot log; changes resume by themselves once records can be written.',
  },
  checkpoint_missed: {
    what: 'No checkpoint sink took a signed checkpoint of the audit log. If this goes on, the bot stops changes.',
    todo: 'Check the checkpoint file and its folder (disk space, permissions) and any syslog outlet named in the bot log.',
  },
  recovery_unknown_hosts: {
    what: 'After a restart the bot could not re-read some hosts of an interrupted run, so whether its change landed there is unknown.',
    todo: 'Check those hosts by hand or have the requester use Resume once they answer; nothing was re-run.',
  },
  host_unreachable_repeatedly: {
    what: 'A host did not answer several calls in a row (unreachable or timed out).',
    todo: 'Check that the host is up and that PowerShell remoting (SSH or WinRM) reaches it from the bot.',
  },
};

/** Labels for the detail facts an alert may carry; others are shown by their own name. */
const LABELS: Record<string, string> = {
  host: 'Host',
  hosts: 'Hosts',
  requestId: 'Request',
  kind: 'Record',
  failures: 'Failures in a row',
  code: 'Last error',
  uncovered: 'Records not covered',
  sinks: 'Sinks',
  error: 'Error',
};

/** The card posted to the alerts channel: a title, the cause in plain words, what to do, when. */
export function alertCard(alert: Alert): AdaptiveCard {
  const words = WORDS[alert.cause];
  const details = Object.entries(alert.detail).map(([name, value]): [string, string] => [
    LABELS[name] ?? plain(name),
    plain(String(value)),
  ]);
  return card([
    heading('RDS Licensing Bot needs an admin', 'attention'),
    paragraph(words.what),
    ...(details.length > 0 ? [facts(details)] : []),
    paragraph(`**What to do:** ${words.todo}`),
    paragraph(`Raised ${dateTime(alert.time)} (${alert.cause}). Repeats of this alert are held back for a while.`, {
      subtle: true,
    }),
  ]);
}
