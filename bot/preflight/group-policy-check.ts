import type { Host, TargetReport } from '../domain';
import { type Check, failed, ok } from './check';

const GPO_PATH =
  'Computer Configuration > Administrative Templates > Windows Components > Remote Desktop Services > Remote Desktop Session Host > Licensing';

/**
 * Whether Group Policy owns the licensing mode or the server list. The bot refuses to change a setting
 * a GPO owns (the GPO would put it back at the next refresh), so such a host fails here: what the
 * helpdesk would ask for there must be changed in the GPO instead.
 */
export function groupPolicyCheck(host: Host, diagnosis: TargetReport | undefined): Check {
  if (host.role !== 'session-host') return ok('Group Policy', 'not a session host: no licensing policy to own');
  const data = (diagnosis?.data ?? {}) as { modeSource?: string; serversSource?: string };
  const owned = [
    ...(data.modeSource === 'GroupPolicy' ? ['the licensing mode'] : []),
    ...(data.serversSource === 'GroupPolicy' ? ['the license servers'] : []),
  ];
  if (owned.length === 0) return ok('Group Policy', 'mode and license servers are set locally');
  return failed(
    'Group Policy',
    `Group Policy sets ${owned.join(' and ')}: the bot will refuse to change ${owned.length > 1 ? 'them' : 'it'} here`,
    `Change ${owned.join(' and ')} in the GPO (${GPO_PATH}), or keep this host out of the groups the mode and server changes may run on.`,
  );
}
