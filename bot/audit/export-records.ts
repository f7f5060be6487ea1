import type { AuditRecord } from '../ports';

export interface ExportFilter {
  since?: string;
  until?: string;
  host?: string;
  user?: string;
  request?: string;
}

/**
 * Which records an export keeps: by time (ISO, inclusive from, exclusive until), by host or person
 * anywhere in the record (a plan names its targets, a host result its host; a person is the actor's
 * object id or a name in the data), and by request id.
 */
export function keeps(record: AuditRecord, filter: ExportFilter): boolean {
  if (filter.since && record.ts < filter.since) return false;
  if (filter.until && record.ts >= filter.until) return false;
  if (filter.request && record.requestId !== filter.request) return false;
  const data = (): string => JSON.stringify(record.data).toLowerCase();
  if (filter.host && !data().includes(JSON.stringify(filter.host.toLowerCase()))) return false;
  if (filter.user && record.actor !== filter.user && !data().includes(filter.user.toLowerCase())) return false;
  return true;
}

export const CSV_COLUMNS = ['seq', 'ts', 'kind', 'requestId', 'actor', 'data', 'prev', 'hash'] as const;

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting with =, +, -,
 * @, a tab or a carriage return: OWASP's list) gets a leading apostrophe, so a request text such as
 * `=HYPERLINK(...)` is shown, never evaluated, when an auditor opens the export.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(record: AuditRecord): string {
  const cells = [
    String(record.seq),
    record.ts,
    record.kind,
    record.requestId,
    record.actor,
    JSON.stringify(record.data),
    record.prev,
    record.hash,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function jsonLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`;
}
