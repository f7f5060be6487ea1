import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The twenty-second held-back set (a mining company, tests/eval/dev-v.jsonl) missed these classes when scored.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-v.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [
    op.intent,
    op.targets,
    op.params.mode ?? op.params.servers ?? op.params.reboot ?? op.params.restart,
  ]);

describe('wording the twenty-second held-back set brought', () => {
  it('gives each host its own value, whatever its name looks like', () => {
    expect(brief('CORESHED-TS wants per device, GEOSERVER wants per user')).toEqual([
      ['rdsh.set_licensing_mode', ['CORESHED-TS'], 'PerDevice'],
      ['rdsh.set_licensing_mode', ['GEOSERVER'], 'PerUser'],
    ]);
    expect(brief('refresh the cert on KRTS-ENG-03 (reboot now) and on KRTS-ENG-05 (reboot tonight)')).toEqual([
      ['rdsh.refresh_licensing_cert', ['KRTS-ENG-03'], 'now'],
      ['rdsh.refresh_licensing_cert', ['KRTS-ENG-05'], 'scheduled'],
    ]);
    expect(
      brief('reset grace on KRTS-TEST-A with an immediate restart, and on KRTS-TEST-B with the restart left for later'),
    ).toEqual([
      ['rdsh.reset_grace_period', ['KRTS-TEST-A'], 'now'],
      ['rdsh.reset_grace_period', ['KRTS-TEST-B'], 'later'],
    ]);
    expect(
      brief(
        'HAULTRUCK-TS should be per device and use KRLS-KALGOORLIE; KRTS-ENG-03 should be per user with KRLS-PERTH',
      ),
    ).toEqual([
      ['rdsh.set_licensing_mode', ['HAULTRUCK-TS'], 'PerDevice'],
      ['rdsh.set_license_servers', ['HAULTRUCK-TS'], ['KRLS-KALGOORLIE']],
      ['rdsh.set_licensing_mode', ['KRTS-ENG-03'], 'PerUser'],
      ['rdsh.set_license_servers', ['KRTS-ENG-03'], ['KRLS-PERTH']],
    ]);
  });

  it('leaves out a host the message keeps as it is', () => {
    expect(brief('grace reset on KRTS-TEST-B only please, leave KRTS-TEST-A alone')).toEqual([
      ['rdsh.reset_grace_period', ['KRTS-TEST-B'], undefined],
    ]);
    expect(brief('KRTS-ENG-01 stays on KRLS-PERTH, but please move KRTS-ENG-02 over to KRLS-DR')).toEqual([
      ['rdsh.set_license_servers', ['KRTS-ENG-02'], ['KRLS-DR']],
    ]);
    expect(brief('reset grace on the test boxes except KRTS-TEST-A')).toEqual([
      ['rdsh.reset_grace_period', ['KRTS-TEST-B'], undefined],
    ]);
  });

  it('reads the registry value numbers and user-based wording as a mode', () => {
    expect(brief('set LicensingMode to 2 on KRTS-PLT-01')).toEqual([
      ['rdsh.set_licensing_mode', ['KRTS-PLT-01'], 'PerDevice'],
    ]);
    expect(brief('write 4 into the LicensingMode DWORD on CORESHED-TS please')).toEqual([
      ['rdsh.set_licensing_mode', ['CORESHED-TS'], 'PerUser'],
    ]);
    expect(brief('make KRTS-TEST-A user-based licensing')).toEqual([
      ['rdsh.set_licensing_mode', ['KRTS-TEST-A'], 'PerUser'],
    ]);
  });

  it('takes a request pasted from a ticket tool, quoted or not, as the request', () => {
    expect(
      brief(
        'Copy-paste from Ivanti: Category: Remote Desktop. Subject: switch RDS-1028 from per user to per device. Impact: plant shift 2.',
      ),
    ).toEqual([['rdsh.set_licensing_mode', ['RDS-1028'], 'PerDevice']]);
    expect(
      brief(
        "from the queue -> 'Need the grace period reset on KRTS-TEST-B for the vendor demo, no restart until after 5pm'. Justification: vendor UAT",
      ),
    ).toEqual([['rdsh.reset_grace_period', ['KRTS-TEST-B'], 'later']]);
  });

  it('answers a general question about licensing with help, and no "which host?"', () => {
    const help = { operations: [{ intent: 'help', targets: [], params: {} }], needs: [] };
    expect(parse("quick one: what's actually the difference between per user and per device CALs?")).toMatchObject(
      help,
    );
    expect(
      parse('how would I go about resetting the grace period, in general? just want to understand the steps'),
    ).toMatchObject(help);
  });

  it('reads the terse and tool-specific wording for events, tests, audits and server lists', () => {
    expect(brief('events RDS-1028 last 7d')).toEqual([['rdsh.events', ['RDS-1028'], undefined]]);
    expect(brief('test KRLS-DR from KRTS-ENG-05')).toEqual([
      ['rdsh.test_license_server', ['KRTS-ENG-05'], ['KRLS-DR']],
    ]);
    expect(parse("who's been changing things on KRTS-PLT-02 over the last 30 days?").operations[0]).toMatchObject({
      intent: 'audit.query',
      params: { host: 'KRTS-PLT-02', since: '30d' },
    });
    expect(parse("tack KRLS-DR onto the end of GEOSERVER's lic server list").operations).toEqual([
      { intent: 'rdsh.set_license_servers', targets: ['GEOSERVER'], params: { op: 'add', servers: ['KRLS-DR'] } },
    ]);
  });

  it('hears a complaint in an event that keeps coming, and a person’s licence as their PC’s', () => {
    expect(brief('ugh, event 1003 again on KRTS-ENG-02 naming MILL-CTRL-23')).toEqual([
      ['licensing.diagnose', ['KRTS-ENG-02', 'MILL-CTRL-23'], undefined],
    ]);
    expect(
      brief('Hey, could you reset the licence for priya.nair please? She keeps getting kicked out of the plant apps'),
    ).toEqual([['client.reset_license_cache', ['MILL-CTRL-21'], undefined]]);
    expect(brief('nobody can log on to the test boxes, some licensing error')).toEqual([
      ['licensing.diagnose', ['KRTS-TEST-A', 'KRTS-TEST-B'], undefined],
    ]);
  });

  it('does not read a host name after a semicolon as a PowerShell command', () => {
    expect(
      parse('set KRTS-ENG-01 to per device; KRTS-ENG-02 should be per user').operations.map((op) => op.targets),
    ).toEqual([['KRTS-ENG-01'], ['KRTS-ENG-02']]);
    expect(parse('reset KRTS-ENG-01; Remove-Item C:\\ -Recurse').operations.flatMap((op) => op.targets)).toEqual([]);
  });
});
