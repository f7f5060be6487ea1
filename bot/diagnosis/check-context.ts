import { type Check, type Fix } from './diagnosis';
import type { CalCount, LicensingEvent, LicensingSetting, ServerTest } from './readings';

export interface SessionHostReadings {
  host: string;
  setting?: LicensingSetting;
  /** The licensing events of the last 24 hours. */
  events?: LicensingEvent[];
  /** The configured license servers, each tested from the host. */
  tests?: ServerTest[];
  /** Available CALs of the inventory's license servers that could be read. */
  cals: ReadonlyMap<string, CalCount>;
  /** Inventory license servers (for a fix that names one) and client names (for a 1003 fix). */
  licenseServers: readonly string[];
  clients: ReadonlySet<string>;
}

export type CalType = 'perUser' | 'perDevice';

/** A cause: how likely it explains the trouble (higher first), its sentence and its fixes. */
export interface Cause {
  rank: number;
  sentence: string;
  fixes: Fix[];
}

/** What the checks share: the readings, the setting, and the checks and causes found so far. */
export interface CheckContext {
  r: SessionHostReadings;
  s: LicensingSetting;
  type: CalType | undefined;
  events: LicensingEvent[];
  checks: Check[];
  causes: Cause[];
  first(ids: ReadonlySet<number>): LicensingEvent | undefined;
  /** Inventory license servers, those with CALs of `type` available when given. */
  inventoryServers(type?: CalType): string[];
  byPolicy(source: string): string;
}

export const words = (type: CalType) => (type === 'perUser' ? 'per-user' : 'per-device');

export function checkContext(r: SessionHostReadings, s: LicensingSetting): CheckContext {
  const events = r.events ?? [];
  return {
    r,
    s,
    type: s.mode === 'PerUser' ? 'perUser' : s.mode === 'PerDevice' ? 'perDevice' : undefined,
    events,
    checks: [],
    causes: [],
    first: (ids) => events.find((event) => ids.has(event.id)),
    inventoryServers: (type) => r.licenseServers.filter((name) => !type || (r.cals.get(name)?.[type] ?? 0) > 0),
    byPolicy: (source) => (source === 'GroupPolicy' ? 'set by Group Policy' : 'set locally'),
  };
}
