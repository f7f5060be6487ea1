import { type HostDiagnosis, worst } from './diagnosis';
import { checkContext, type SessionHostReadings } from './check-context';
import { checkClientEvents, checkGraceAndCertificate } from './grace-and-events';
import { checkCals, checkMode, checkServers } from './mode-and-servers';

export type { SessionHostReadings } from './check-context';

/**
 * A session host's diagnosis, as a licensing admin works through it: mode, servers and their reach,
 * CALs of the mode's type, grace and certificate, then the clients the host complained about. Every
 * check is listed; the most likely cause leads the verdict and its fixes come first.
 */
export function diagnoseSessionHost(r: SessionHostReadings): HostDiagnosis {
  const s = r.setting;
  if (!s) {
    return {
      host: r.host,
      state: 'unknown',
      verdict: `${r.host} did not report its licensing settings, so nothing could be checked.`,
      checks: [{ name: 'Licensing settings', state: 'unknown', detail: 'not reported' }],
      fixes: [],
    };
  }
  const c = checkContext(r, s);
  checkMode(c);
  const reachable = checkServers(c);
  checkGraceAndCertificate(c, checkCals(c, reachable));
  checkClientEvents(c);
  const { checks, causes } = c;
  causes.sort((a, b) => b.rank - a.rank);
  const [top, ...rest] = causes;
  const state = worst(checks.map((c) => c.state));
  // "licensing mode", but "CALs" kept as written.
  const checked = checks.map((c) => c.name.replace(/^[A-Z][a-z]/, (m) => m.toLowerCase())).join(', ');
  return {
    host: r.host,
    state,
    verdict: top
      ? `Most likely cause: ${top.sentence}.${rest.length > 0 ? ` Also: ${rest.map((c) => c.sentence).join('; ')}.` : ''}`
      : state === 'unknown'
        ? `No problem found in what could be read; some checks could not run (${checks
            .filter((c) => c.state === 'unknown')
            .map((c) => c.name.toLowerCase())
            .join(', ')}).`
        : `No licensing problem found. Checked: ${checked}.`,
    checks,
    fixes: causes.flatMap((c) => c.fixes).slice(0, 3),
  };
}
