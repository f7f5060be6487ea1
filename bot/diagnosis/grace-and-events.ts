import { clock } from './diagnosis';
import { type CheckContext, words } from './check-context';
import type { LicensingEvent } from './readings';

const GRACE_EXPIRED = new Set([1128, 50280]);

/**
 * Grace and certificate: an expired grace while a reachable server has CALs of the right type points at
 * the host's licensing certificate (it no longer proves the host to the server).
 */
export function checkGraceAndCertificate(c: CheckContext, withCals: readonly string[]): void {
  const { s, type } = c;
  const expired = c.first(GRACE_EXPIRED);
  const days = s.graceDaysLeft;
  if (days !== undefined && days > 0) {
    c.checks.push({ name: 'Grace period', state: c.causes.length > 0 ? 'warn' : 'info', detail: `${days} days left` });
  } else if (expired) {
    c.checks.push({ name: 'Grace period', state: 'bad', detail: `expired (${expired.id} at ${clock(expired.at)})` });
  } else {
    c.checks.push({
      name: 'Grace period',
      state: 'ok',
      detail: days === 0 ? 'over; not needed while licensed' : 'not reported',
    });
  }
  if (s.hasCertificate === false) {
    c.checks.push({
      name: 'Certificate',
      state: 'warn',
      detail: 'missing (recreated after the host reaches a license server and restarts)',
    });
  } else if (s.hasCertificate && expired && withCals.length > 0) {
    c.checks.push({ name: 'Certificate', state: 'bad', detail: 'present but stale' });
    c.causes.push({
      rank: 70,
      sentence: `the licensing certificate is stale: the grace period expired (${expired.id} at ${clock(expired.at)}) although ${withCals[0]} is reachable with ${words(type ?? 'perUser')} CALs available`,
      fixes: [
        { title: 'Refresh the licensing certificate', request: `refresh the licensing certificate on ${c.r.host}` },
      ],
    });
  } else {
    c.checks.push({
      name: 'Certificate',
      state: s.hasCertificate ? 'ok' : 'unknown',
      detail: s.hasCertificate ? 'present' : 'not reported',
    });
  }
}

/** Clients that presented an invalid license: 1003 names the client, so the fix can too. */
export function checkClientEvents(c: CheckContext): void {
  const { events } = c;
  const invalid = events.filter((event) => event.id === 1003);
  const named = [
    ...new Set(invalid.map((e) => /client '([^']+)'/.exec(e.message)?.[1]).filter((n): n is string => !!n)),
  ];
  const known = named.filter((name) => c.r.clients.has(name.toUpperCase()) || c.r.clients.has(name));
  if (invalid.length > 0) {
    c.checks.push({ name: 'Events (24 h)', state: 'warn', detail: eventSummary(events) });
    c.causes.push({
      rank: 60,
      sentence: `${named.join(', ') || 'a client'} presented an invalid license (1003 at ${clock(invalid[0]?.at ?? '')})`,
      fixes: known.slice(0, 2).map((name) => ({
        title: `Reset the client license on ${name}`,
        request: `reset the client license on ${name}`,
      })),
    });
  } else {
    c.checks.push({
      name: 'Events (24 h)',
      state: events.length > 0 ? 'warn' : c.r.events ? 'ok' : 'unknown',
      detail: c.r.events ? eventSummary(events) || 'none' : 'not read',
    });
  }
}

function eventSummary(events: readonly LicensingEvent[]): string {
  return events
    .slice(0, 4)
    .map((e) => `${e.id} at ${clock(e.at)}`)
    .join(', ');
}
