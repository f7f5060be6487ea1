import { clock, type HostDiagnosis } from './diagnosis';
import type { CalCount, LicensingEvent } from './readings';

/**
 * A client has no licensing state of its own worth reading: its trouble shows on the session hosts,
 * which log 1003 naming it when its stored license is bad. So a client's diagnosis is their events.
 */
export function diagnoseClient(
  host: string,
  sessionHostEvents: ReadonlyMap<string, LicensingEvent[] | undefined>,
): HostDiagnosis {
  const read = [...sessionHostEvents].filter(([, events]) => events !== undefined).map(([name]) => name);
  const hits = [...sessionHostEvents].flatMap(([rdsh, events]) =>
    (events ?? [])
      .filter((e) => e.id === 1003 && new RegExp(`client '${host}'`, 'i').test(e.message))
      .map((e) => ({ rdsh, at: e.at })),
  );
  const checked = `the licensing events of ${read.join(', ') || 'no session host'} (24 h)`;
  if (hits.length > 0) {
    const latest = hits[0] as { rdsh: string; at: string };
    return {
      host,
      state: 'bad',
      verdict: `Most likely cause: the client license stored on ${host} is invalid: ${latest.rdsh} logged 1003 for it at ${clock(latest.at)}${hits.length > 1 ? ` (${hits.length} times)` : ''}.`,
      checks: [
        {
          name: 'Events on session hosts',
          state: 'bad',
          detail: hits.map((h) => `${h.rdsh}: 1003 at ${clock(h.at)}`).join(', '),
        },
      ],
      fixes: [{ title: `Reset the client license on ${host}`, request: `reset the client license on ${host}` }],
    };
  }
  return {
    host,
    state: read.length > 0 ? 'ok' : 'unknown',
    verdict:
      read.length > 0
        ? `No session host logged an invalid license for ${host} in the last 24 hours. Checked: ${checked}.`
        : `No session host could be read, so ${host} could not be checked.`,
    checks: [{ name: 'Events on session hosts', state: read.length > 0 ? 'ok' : 'unknown', detail: checked }],
    fixes: [],
  };
}

/** A license server: the CALs it can still issue. */
export function diagnoseLicenseServer(host: string, cals: CalCount | undefined): HostDiagnosis {
  if (!cals) {
    return {
      host,
      state: 'unknown',
      verdict: `${host} did not report its CALs.`,
      checks: [{ name: 'CALs', state: 'unknown', detail: 'not reported' }],
      fixes: [],
    };
  }
  const detail = `${cals.perUser} per-user and ${cals.perDevice} per-device available`;
  const none = cals.perUser + cals.perDevice === 0;
  return {
    host,
    state: none ? 'bad' : 'ok',
    verdict: none
      ? `Most likely cause: ${host} has no CALs left to issue.`
      : `No licensing problem found: ${host} has ${detail}.`,
    checks: [{ name: 'CALs', state: none ? 'bad' : 'ok', detail }],
    fixes: [],
  };
}
