import type { HostOutcome } from '../domain';

/**
 * What the target module reported, read defensively: a report from another module version, or a
 * host that answered only part, gives `undefined` fields rather than a wrong verdict.
 */
export interface LicensingSetting {
  mode: string;
  modeSource: 'Local' | 'GroupPolicy';
  servers: string[];
  serversSource: 'Local' | 'GroupPolicy';
  graceDaysLeft?: number;
  hasCertificate?: boolean;
}

export interface LicensingEvent {
  id: number;
  at: string;
  message: string;
  meaning?: string;
}

export interface ServerTest {
  server: string;
  good: boolean;
  statusName: string;
  tcp135: boolean;
  tcp445: boolean;
}

/** Available CALs on one license server, per type. */
export interface CalCount {
  perUser: number;
  perDevice: number;
}

type Data = Record<string, unknown>;

function dataOf(outcome: HostOutcome | undefined): Data | undefined {
  if (outcome?.status !== 'succeeded' || !outcome.report) return undefined;
  const data = outcome.report.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : undefined;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const records = (value: unknown): Data[] =>
  Array.isArray(value) ? value.filter((v): v is Data => Boolean(v) && typeof v === 'object') : [];

export function settingOf(outcome: HostOutcome | undefined): LicensingSetting | undefined {
  const data = dataOf(outcome);
  if (!data || typeof data.mode !== 'string') return undefined;
  return {
    mode: data.mode,
    modeSource: data.modeSource === 'GroupPolicy' ? 'GroupPolicy' : 'Local',
    servers: strings(data.servers),
    serversSource: data.serversSource === 'GroupPolicy' ? 'GroupPolicy' : 'Local',
    ...(typeof data.graceDaysLeft === 'number' ? { graceDaysLeft: data.graceDaysLeft } : {}),
    ...(typeof data.hasCertificate === 'boolean' ? { hasCertificate: data.hasCertificate } : {}),
  };
}

export function eventsOf(outcome: HostOutcome | undefined): LicensingEvent[] | undefined {
  const data = dataOf(outcome);
  if (!data || !Array.isArray(data.events)) return undefined;
  return records(data.events).map((event) => ({
    id: Number(event.id),
    at: String(event.timeCreated ?? ''),
    message: String(event.message ?? ''),
    ...(typeof event.meaning === 'string' ? { meaning: event.meaning } : {}),
  }));
}

export function serverTestsOf(outcome: HostOutcome | undefined): ServerTest[] | undefined {
  const data = dataOf(outcome);
  if (!data || !Array.isArray(data.servers)) return undefined;
  return records(data.servers).map((test) => ({
    server: String(test.server ?? ''),
    good: test.good === true,
    statusName: String(test.statusName ?? 'unknown'),
    tcp135: test.tcp135 === true,
    tcp445: test.tcp445 === true,
  }));
}

export function calsOf(outcome: HostOutcome | undefined): CalCount | undefined {
  const data = dataOf(outcome);
  if (!data || !Array.isArray(data.keyPacks)) return undefined;
  const count = { perUser: 0, perDevice: 0 };
  for (const pack of records(data.keyPacks)) {
    const kind = String(pack.typeAndModel ?? '').toLowerCase();
    const available = Number(pack.available) || 0;
    if (kind.includes('per user')) count.perUser += available;
    else if (kind.includes('per device')) count.perDevice += available;
  }
  return count;
}
