import { diagnoseSessionHost, type SessionHostReadings } from '../../../bot/diagnosis/session-host-diagnosis';
import { worstFirst } from '../../../bot/diagnosis/diagnosis';

/** A healthy per-device host pointed at LS1, which is reachable and has CALs of both kinds. */
function healthy(change: Partial<SessionHostReadings> = {}): SessionHostReadings {
  return {
    host: 'RDSH01',
    setting: {
      mode: 'PerDevice',
      modeSource: 'Local',
      servers: ['LS1'],
      serversSource: 'Local',
      graceDaysLeft: 0,
      hasCertificate: true,
    },
    events: [],
    tests: [{ server: 'LS1', good: true, statusName: 'VALID_LS', tcp135: true, tcp445: true }],
    cals: new Map([['LS1', { perUser: 7, perDevice: 25 }]]),
    licenseServers: ['LS1', 'LS2'],
    clients: new Set(['PC-042']),
    ...change,
  };
}

describe('a session host diagnosis', () => {
  it('says no problem was found only when every check passed, and what it checked', () => {
    const d = diagnoseSessionHost(healthy());
    expect(d.state).toBe('ok');
    expect(d.verdict).toBe(
      'No licensing problem found. Checked: mode, license servers, CALs, grace period, certificate, events (24 h).',
    );
    expect(d.fixes).toEqual([]);
  });

  it('names the mode as the wrong one when the servers have no CALs of its type but have the other', () => {
    const d = diagnoseSessionHost(healthy({ cals: new Map([['LS1', { perUser: 7, perDevice: 0 }]]) }));
    expect(d.verdict).toContain(
      'LS1 has no per-device CALs left (per-user CALs are available: the mode may be the wrong one)',
    );
    expect(d.fixes).toEqual([{ title: 'Set per-user mode', request: 'set RDSH01 to per user' }]);
  });

  it('offers another inventory server when none of the configured ones answers', () => {
    const d = diagnoseSessionHost(
      healthy({
        setting: { ...healthy().setting!, servers: ['LS9'] },
        tests: [{ server: 'LS9', good: false, statusName: 'NOT_CONNECTABLE', tcp135: false, tcp445: false }],
        cals: new Map([['LS2', { perUser: 0, perDevice: 3 }]]),
      }),
    );
    expect(d.verdict).toContain('no configured license server can be reached: LS9 (NOT_CONNECTABLE)');
    expect(d.fixes).toEqual([
      { title: 'Set the license servers to LS2', request: 'set the license servers on RDSH01 to LS2' },
    ]);
  });

  it('sends the admin to the GPO, with no button, when Group Policy owns an unset mode', () => {
    const d = diagnoseSessionHost(
      healthy({ setting: { ...healthy().setting!, mode: 'NotConfigured', modeSource: 'GroupPolicy' } }),
    );
    expect(d.verdict).toContain('the licensing mode is not set (Group Policy owns it: change the GPO)');
    expect(d.fixes).toEqual([]);
  });

  it('calls a certificate stale only when the grace expired although a reachable server has the right CALs', () => {
    const expired = [{ id: 50280, at: '2026-12-02T09:12:00Z', message: 'grace period has expired' }];
    expect(diagnoseSessionHost(healthy({ events: expired })).verdict).toContain(
      'the licensing certificate is stale: the grace period expired (50280 at 2026-12-02T09:12:00Z) although LS1 is reachable',
    );
    const noCals = diagnoseSessionHost(
      healthy({ events: expired, cals: new Map([['LS1', { perUser: 0, perDevice: 0 }]]) }),
    );
    expect(noCals.verdict).toContain('LS1 has no per-device CALs left');
    expect(noCals.verdict).not.toContain('stale');
  });

  it('gives an unknown, not a clean bill, when the host reported no settings', () => {
    const d = diagnoseSessionHost(healthy({ setting: undefined }));
    expect(d.state).toBe('unknown');
    expect(d.verdict).toContain('nothing could be checked');
  });

  it('orders a group worst first', () => {
    const ok = diagnoseSessionHost(healthy({ host: 'RDSH01' }));
    const bad = diagnoseSessionHost(healthy({ host: 'RDSH09', setting: { ...healthy().setting!, servers: [] } }));
    expect(worstFirst([ok, bad]).map((d) => d.host)).toEqual(['RDSH09', 'RDSH01']);
  });
});
