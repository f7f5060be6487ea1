import { type Check, hasFailure, type HostReport } from './check';

const MARK: Record<Check['result'], string> = { ok: '✓', failed: '✗', skipped: '–' };

/**
 * The doctor's one table: a row per check, the host and its transport on its first row, ✓/✗ with what
 * was seen, and on a failure the fix. Plain text, so it reads the same in a terminal, a CI log and a
 * ticket it is pasted into.
 */
export function doctorTable(reports: readonly HostReport[]): string {
  const rows: string[][] = [['Host', 'Transport', 'Check', 'Result']];
  for (const report of reports) {
    report.checks.forEach((check, index) => {
      const result = `${MARK[check.result]} ${check.detail}${check.fix ? `. Fix: ${check.fix}` : ''}`;
      rows.push([index === 0 ? report.host : '', index === 0 ? report.transport : '', check.name, result]);
    });
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ') + '  ------';
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** "7 of 9 hosts ready; failing: PC-DOWN (reach), PC-HANG (PowerShell)". */
export function doctorSummary(config: HostReport, hosts: readonly HostReport[]): string {
  const failing = hosts.filter(hasFailure);
  const configLine = hasFailure(config) ? 'the configuration has problems (see above); ' : 'configuration ok; ';
  const names = failing.map(
    (report) => `${report.host} (${report.checks.find((check) => check.result === 'failed')?.name ?? '?'})`,
  );
  return `${configLine}${hosts.length - failing.length} of ${hosts.length} hosts ready${names.length ? `; failing: ${names.join(', ')}` : ''}`;
}
