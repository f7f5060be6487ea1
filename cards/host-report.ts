import type { HostOutcome, TargetItem } from '../bot/domain';
import { type CardElement, facts, paragraph } from './card-kit';

/** "HKLM\SOFTWARE\Microsoft\MSLicensing: present (HardwareID, Store)" */
export function describeFound(item: TargetItem): string {
  if (!item.existed) return 'not present';
  const subkeys = item.subkeys ?? [];
  return subkeys.length > 0 ? `present (subkeys: ${subkeys.join(', ')})` : 'present (no subkeys)';
}

/** What the plan will do on one host, or why that host cannot be planned. */
export function previewSection(outcome: HostOutcome): CardElement[] {
  if (outcome.status === 'failed' || !outcome.report) {
    return [paragraph(`**${outcome.host}**: ${outcome.error?.message ?? 'no answer'}`, { color: 'attention' })];
  }
  const items = outcome.report.items;
  const deletes = items.filter((item) => item.action === 'delete');
  return [
    paragraph(`**${outcome.host}**`),
    facts(items.map((item) => [item.path, describeFound(item)])),
    paragraph(
      deletes.length > 0
        ? `Will back up, then delete: ${deletes.map((item) => item.path).join('; ')}`
        : 'Nothing to delete here: no cached licence.',
      { subtle: deletes.length === 0 },
    ),
  ];
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
  const deleted = report.items.filter((item) => item.action === 'delete');
  const entries: Array<[string, string]> = report.changed
    ? deleted.map((item) => [item.path, `deleted (now ${item.after})`])
    : [['Change', 'none needed: no cached licence was present']];
  if (report.backup) entries.push(['Backup', `${report.backup.path} (SHA-256 ${report.backup.sha256.slice(0, 16)}…)`]);
  if (report.verified === false) entries.push(['Check after', 'the key is still there: see the audit log']);
  return [
    paragraph(`**${outcome.host}**: ${report.changed ? 'done' : 'no change'}`, { color: 'good' }),
    facts(entries),
  ];
}
