import { clock, type Fix } from './diagnosis';
import { type CheckContext, words } from './check-context';

const NO_SERVER = new Set([1130, 50282]);

/** The mode: set, and by whom. */
export function checkMode(c: CheckContext): void {
  const { s, type } = c;
  if (!type) {
    c.checks.push({ name: 'Mode', state: 'bad', detail: `not configured (${c.byPolicy(s.modeSource)})` });
    const fixes: Fix[] =
      s.modeSource === 'GroupPolicy'
        ? []
        : (['perUser', 'perDevice'] as const)
            .filter((t) => c.inventoryServers(t).length > 0 || c.inventoryServers().length === 0)
            .map((t) => ({
              title: `Set ${words(t)} mode`,
              request: `set ${c.r.host} to ${words(t).replace('-', ' ')}`,
            }));
    c.causes.push({
      rank: 90,
      sentence: `the licensing mode is not set${s.modeSource === 'GroupPolicy' ? ' (Group Policy owns it: change the GPO)' : ''}`,
      fixes,
    });
  } else {
    c.checks.push({ name: 'Mode', state: 'ok', detail: `${words(type)} (${c.byPolicy(s.modeSource)})` });
  }
}

/** The license servers: set, and reachable from the host (returns the reachable ones). */
export function checkServers(c: CheckContext): string[] {
  const { s, type } = c;
  const tests = c.r.tests ?? [];
  const reachable = tests.filter((t) => t.good).map((t) => t.server);
  const unreachable = tests.filter((t) => !t.good);
  if (s.servers.length === 0) {
    const event = c.first(NO_SERVER);
    c.checks.push({
      name: 'License servers',
      state: 'bad',
      detail: `none configured (${c.byPolicy(s.serversSource)})`,
    });
    const choice = c.inventoryServers(type).slice(0, 2);
    c.causes.push({
      rank: 85,
      sentence: `no license server is set${event ? ` (${event.id} at ${clock(event.at)})` : ''}`,
      fixes:
        s.serversSource === 'GroupPolicy' || choice.length === 0
          ? []
          : [
              {
                title: `Set the license servers to ${choice.join(', ')}`,
                request: `set the license servers on ${c.r.host} to ${choice.join(', ')}`,
              },
            ],
    });
  } else if (c.r.tests && reachable.length === 0) {
    const why = unreachable.map((t) => `${t.server} (${t.statusName})`).join(', ');
    c.checks.push({ name: 'License servers', state: 'bad', detail: `${s.servers.join(', ')}: none reachable: ${why}` });
    const other = c.inventoryServers(type).filter((name) => !s.servers.includes(name));
    c.causes.push({
      rank: 80,
      sentence: `no configured license server can be reached: ${why}`,
      fixes:
        other.length > 0 && s.serversSource !== 'GroupPolicy'
          ? [
              {
                title: `Set the license servers to ${other[0]}`,
                request: `set the license servers on ${c.r.host} to ${other[0]}`,
              },
            ]
          : [],
    });
  } else if (unreachable.length > 0) {
    const why = unreachable.map((t) => `${t.server} (${t.statusName})`).join(', ');
    c.checks.push({ name: 'License servers', state: 'warn', detail: `${reachable.join(', ')} reachable; ${why} not` });
    // The host falls back to the next server, but every license request first waits for the dead one.
    c.causes.push({
      rank: 40,
      sentence: `${why} cannot be reached; ${reachable.join(', ')} can`,
      fixes:
        s.serversSource === 'GroupPolicy'
          ? []
          : unreachable.slice(0, 1).map((t) => ({
              title: `Remove ${t.server} from the license servers`,
              request: `remove ${t.server} from the license servers on ${c.r.host}`,
            })),
    });
  } else {
    c.checks.push({
      name: 'License servers',
      state: c.r.tests ? 'ok' : 'unknown',
      detail: `${s.servers.join(', ')} (${c.byPolicy(s.serversSource)})${c.r.tests ? ', reachable' : ', not tested'}`,
    });
  }

  return reachable;
}

/** CALs of the type the mode needs, on the reachable servers the inventory knows (returns those that have some). */
export function checkCals(c: CheckContext, reachable: readonly string[]): string[] {
  const { s, type } = c;
  const counted = reachable.filter((name) => c.r.cals.has(name));
  const withCals = type ? counted.filter((name) => (c.r.cals.get(name)?.[type] ?? 0) > 0) : [];
  if (type && counted.length > 0) {
    const detail = counted
      .map((name) => `${name}: ${c.r.cals.get(name)?.[type] ?? 0} ${words(type)} available`)
      .join('; ');
    if (withCals.length === 0) {
      const other = type === 'perUser' ? 'perDevice' : 'perUser';
      const spare = counted.filter((name) => (c.r.cals.get(name)?.[other] ?? 0) > 0);
      c.checks.push({ name: 'CALs', state: 'bad', detail });
      c.causes.push({
        rank: 75,
        sentence: `${counted.join(', ')} ${counted.length > 1 ? 'have' : 'has'} no ${words(type)} CALs left${spare.length > 0 ? ` (${words(other)} CALs are available: the mode may be the wrong one)` : ''}`,
        fixes:
          spare.length > 0 && s.modeSource !== 'GroupPolicy'
            ? [{ title: `Set ${words(other)} mode`, request: `set ${c.r.host} to ${words(other).replace('-', ' ')}` }]
            : [],
      });
    } else c.checks.push({ name: 'CALs', state: 'ok', detail });
  } else {
    c.checks.push({
      name: 'CALs',
      state: 'unknown',
      detail: 'no reachable license server of the inventory to count them on',
    });
  }

  return withCals;
}
