import { operationDefinition } from '../bot/catalogue';
import type { HostDiagnosis } from '../bot/diagnosis/diagnosis';
import type { HostOutcome, PlannedOperation } from '../bot/domain';
import { dateTime } from './approval-facts';
import { diagnosisSection } from './diagnosis-card';
import {
  type AdaptiveCard,
  bullets,
  card,
  type CardElement,
  container,
  facts,
  heading,
  paragraph,
  plain,
} from './card-kit';

type Data = Record<string, unknown>;

function list(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? value.join(', ') : 'none';
}

/** One host's reading, per operation: the facts an admin looks for first. */
function readingSection(operation: PlannedOperation, outcome: HostOutcome): CardElement[] {
  if (outcome.status === 'failed' || !outcome.report) {
    return [paragraph(`**${outcome.host}**: ${outcome.error?.message ?? 'no answer'}`, { color: 'attention' })];
  }
  const data = (outcome.report.data ?? {}) as Data;
  const title = paragraph(`**${outcome.host}**`);
  switch (operation.intent) {
    case 'licensing.diagnose':
      return [
        title,
        facts([
          ['Licensing mode', `${String(data.mode)} (${String(data.modeSource)})`],
          ['License servers', `${list(data.servers)} (${String(data.serversSource)})`],
          ['Grace days left', String(data.graceDaysLeft)],
          ['Licensing certificate', data.hasCertificate ? 'present' : 'missing'],
          ['Sessions', String(data.sessions)],
        ]),
        ...((data.findings as string[] | undefined)?.length
          ? [bullets((data.findings as string[]).map(plain))]
          : [paragraph('No licensing problem found.', { subtle: true })]),
      ];
    case 'rdsh.events': {
      const events = (data.events as Data[] | undefined) ?? [];
      return [
        title,
        paragraph(
          `${events.length} licensing event(s) in the last ${String(data.since)}${list(data.ids) !== 'none' ? ` with id ${list(data.ids)}` : ''}.`,
        ),
        ...events
          .slice(0, 10)
          .map((event) =>
            paragraph(
              `${dateTime(String(event.timeCreated))}, ${String(event.id)}: ${plain(String(event.meaning ?? event.message)).slice(0, 200)}`,
              { subtle: true },
            ),
          ),
      ];
    }
    case 'rdsh.test_license_server': {
      const servers = (data.servers as Data[] | undefined) ?? [];
      if (servers.length === 0)
        return [title, paragraph('No license server is configured on this host.', { color: 'warning' })];
      return [
        title,
        facts(
          servers.map((s) => [
            String(s.server),
            `${s.good ? 'OK' : 'NOT OK'}: ${String(s.statusName)}, TCP 135 ${s.tcp135 ? 'open' : 'closed'}, TCP 445 ${s.tcp445 ? 'open' : 'closed'}`,
          ]),
        ),
      ];
    }
    case 'ls.cal_inventory': {
      const packs = (data.keyPacks as Data[] | undefined) ?? [];
      return [
        title,
        facts(
          packs.map((p) => [
            `${String(p.typeAndModel)} (${String(p.productVersion)})`,
            `${String(p.available)} of ${String(p.total)} available`,
          ]),
        ),
        paragraph(`${String(data.available)} CAL(s) available${data.type ? ` (${String(data.type)})` : ''}.`),
      ];
    }
    default:
      return [title, paragraph('Done.')];
  }
}

/** Read-only operations answer at once with what they read; a diagnosis with its verdicts and fixes. */
export function reportCard(
  operations: PlannedOperation[],
  outcomes: HostOutcome[],
  diagnoses?: readonly HostDiagnosis[],
): AdaptiveCard {
  const body: CardElement[] = [];
  const actions: CardElement[] = [];
  let next = 0;
  for (const operation of operations) {
    if (operation.intent === 'licensing.diagnose' && diagnoses) {
      next += operation.targets.length;
      const unreachable = outcomes.filter((o) => o.status === 'failed' && operation.targets.includes(o.host));
      const read = diagnoses.filter((d) => !unreachable.some((o) => o.host === d.host));
      body.push(heading(`Diagnosis: ${operation.targets.join(', ')}`));
      if (read.length > 0) {
        const section = diagnosisSection(read);
        body.push(...section.body);
        actions.push(...section.actions);
      }
      for (const outcome of unreachable) body.push(container(readingSection(operation, outcome)));
      continue;
    }
    body.push(heading(`${operationDefinition(operation.intent).title}: ${operation.targets.join(', ')}`));
    for (let i = 0; i < operation.targets.length; i++) {
      const outcome = outcomes[next++];
      if (outcome) body.push(container(readingSection(operation, outcome)));
    }
  }
  return card(body, actions);
}
