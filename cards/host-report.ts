import type { HostOutcome, TargetImpact, TargetItem } from '../bot/domain';
import { breakablePath, type CardElement, facts, paragraph, plain } from './card-kit';

/** "HKLM\SOFTWARE\Microsoft\MSLicensing: present (HardwareID, Store)" */
export function describeFound(item: TargetItem): string {
  if (!item.existed) return 'not present';
  const subkeys = item.subkeys ?? [];
  return subkeys.length > 0 ? `present (subkeys: ${subkeys.join(', ')})` : 'present (no subkeys)';
}

/** A key's short name for the label column, the full path going in a line of its own where it can wrap. */
function keyLabel(path: string): string {
  const name = path.split('\\').pop() ?? path;
  return /WOW6432Node/i.test(path) ? `${name} (32-bit)` : name;
}

/** The client license cache reports keys that exist or not; every other operation reports values. */
function isKeyReport(items: TargetItem[]): boolean {
  return items.some((item) => item.existed !== undefined);
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(not set)';
  if (Array.isArray(value)) return value.length > 0 ? value.map((entry) => show(entry)).join(', ') : '(empty)';
  if (typeof value === 'object') return plain(JSON.stringify(value)).slice(0, 200);
  return plain(String(value)).slice(0, 200);
}

function where(item: TargetItem): string {
  return plain(item.name ? `${item.name} (${item.path})` : item.path);
}

/** "LicensingMode: PerDevice -> PerUser" for values, "TermService: restart" for services. */
function describeChange(item: TargetItem): string {
  switch (item.action) {
    case 'none':
      return `${show(item.before)} (no change)`;
    case 'delete':
      return `${show(item.before)} → deleted`;
    case 'restart':
      return 'restart';
    case 'restore':
      return `${show(item.before)} → restored from the backup (${show(item.after)})`;
    default:
      return `${show(item.before)} → ${show(item.after)}`;
  }
}

function impactLines(impact: TargetImpact | undefined): Array<[string, string]> {
  if (!impact) return [];
  const lines: Array<[string, string]> = [];
  if (impact.sessions !== undefined)
    lines.push(['Sessions now', `${impact.sessions} (a service restart disconnects them)`]);
  if (impact.restart && impact.restart !== 'none')
    lines.push(['Service restart', impact.restart === 'now' ? 'right after the change' : 'needed later']);
  if (impact.reboot && impact.reboot !== 'none')
    lines.push([
      'Reboot',
      impact.reboot === 'scheduled' && impact.rebootAt ? `scheduled for ${impact.rebootAt}` : impact.reboot,
    ]);
  if (impact.graceDaysLeft !== undefined) lines.push(['Grace days left', String(impact.graceDaysLeft)]);
  return lines;
}

/** What the plan will do on one host (current -> proposed), or why that host cannot be planned. */
export function previewSection(outcome: HostOutcome): CardElement[] {
  if (outcome.status === 'failed' || !outcome.report) {
    return [paragraph(`**${outcome.host}**: ${outcome.error?.message ?? 'no answer'}`, { color: 'attention' })];
  }
  const report = outcome.report;
  const items = report.items;
  if (report.refused) {
    return [
      paragraph(`**${outcome.host}**: will not change (${report.refused.code})`, { color: 'warning' }),
      paragraph(plain(report.refused.reason)),
    ];
  }
  if (isKeyReport(items)) {
    const deletes = items.filter((item) => item.action === 'delete');
    return [
      paragraph(`**${outcome.host}**`),
      facts(items.map((item) => [keyLabel(item.path), describeFound(item)])),
      paragraph(
        deletes.length > 0
          ? `Will back up, then delete: ${deletes.map((item) => breakablePath(item.path)).join('; ')}`
          : 'Nothing to delete here: no cached license.',
        { subtle: deletes.length === 0 },
      ),
    ];
  }
  return [
    paragraph(`**${outcome.host}**: ${report.changed ? 'current → proposed' : 'already as asked, no change'}`),
    facts([
      ...items.map((item): [string, string] => [where(item), describeChange(item)]),
      ...impactLines(report.impact),
    ]),
  ];
}

/** Where a host's backup is, for the result card's Details. */
export function backupEntry(outcome: HostOutcome): Array<[string, string]> {
  const backup = outcome.report?.backup;
  return backup
    ? [[`Backup on ${outcome.host}`, `${plain(backup.path)} (SHA-256 ${backup.sha256.slice(0, 16)}…)`]]
    : [];
}

/** What happened on one host after the run. */
export function resultSection(outcome: HostOutcome): CardElement[] {
  if (outcome.status === 'failed' || !outcome.report) {
    const code = outcome.error?.code ?? 'executor_failed';
    return [
      paragraph(`**${outcome.host}**: failed (${code}). ${outcome.error?.message ?? ''}`.trim(), {
        color: 'attention',
      }),
    ];
  }
  const report = outcome.report;
  if (report.refused) {
    return [paragraph(`**${outcome.host}**: not changed. ${plain(report.refused.reason)}`, { color: 'warning' })];
  }
  const entries: Array<[string, string]> = isKeyReport(report.items)
    ? report.changed
      ? report.items
          .filter((item) => item.action === 'delete')
          .map((item) => [keyLabel(item.path), `deleted (now ${item.after}): ${breakablePath(item.path)}`])
      : [['Change', 'none needed: no cached license was present']]
    : report.items.map((item) => [where(item), describeChange(item)]);
  entries.push(...impactLines(report.impact));
  if (report.verified === false) entries.push(['Check after', 'the host does not show the change: see the audit log']);
  return [
    paragraph(`**${outcome.host}**: ${report.changed ? 'done' : 'no change'}`, {
      color: report.verified === false ? 'attention' : 'good',
    }),
    facts(entries),
  ];
}
