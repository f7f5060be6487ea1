import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const operations = (text: string) => parse(text).operations;

describe('wording from the opened held-back sets (fourth pass)', () => {
  it('reads "its licensing server" as the license server a reach test is about', () => {
    expect(operations('can you check RDSH04 can see its licensing server pls')).toEqual([
      { intent: 'rdsh.test_license_server', targets: ['RDSH04'], params: {} },
    ]);
  });

  it('asks nothing about a group the named host is said not to be in', () => {
    const result = parse("reset the grace period on RDSH01 - I know it's not a lab box, just ask whoever approves");
    expect(result.operations).toEqual([{ intent: 'rdsh.reset_grace_period', targets: ['RDSH01'], params: {} }]);
    expect(result.needs).toEqual([]);
  });

  it('never adds the hosts of a group the named host is said not to be one of', () => {
    expect(operations("reset the grace period on RDSH01, it isn't one of the lab boxes")).toEqual([
      { intent: 'rdsh.reset_grace_period', targets: ['RDSH01'], params: {} },
    ]);
  });

  it('still changes the hosts of a group named as the target', () => {
    expect(operations('reset the grace period on the lab boxes')).toEqual([
      { intent: 'rdsh.reset_grace_period', targets: ['RDSH-LAB-01', 'RDSH-LAB-02'], params: {} },
    ]);
  });

  it('reads a counted group as the hosts named with it ("neither of our London PCs")', () => {
    expect(operations('Neither of our London PCs can log on, what is wrong with PC-040 and PC-041?')).toEqual([
      { intent: 'licensing.diagnose', targets: ['PC-040', 'PC-041'], params: {} },
    ]);
  });

  it('keeps every host of a counted group when as many are not named outright', () => {
    expect(operations('reset the grace period on all three FIN session hosts, RDSH01 first')).toEqual([
      { intent: 'rdsh.reset_grace_period', targets: ['RDSH01', 'RDSH02', 'RDSH03'], params: {} },
    ]);
  });

  it('reads a host that "gets" a change done to it as asked, a value per host', () => {
    expect(
      operations('please: PC-040 gets the full MSLicensing key deleted, PC-041 only the HardwareID and Store subkeys'),
    ).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-040'], params: { scope: 'key' } },
      { intent: 'client.reset_license_cache', targets: ['PC-041'], params: { scope: 'subkeys' } },
    ]);
  });

  it('still reads a host that gets a change done every morning as a complaint', () => {
    expect(operations('PC-040 gets its licence cache cleared every morning by something, why?')).toEqual([
      { intent: 'licensing.diagnose', targets: ['PC-040'], params: {} },
    ]);
  });

  it('reads a second ask after "while I\'m here" as a request of its own', () => {
    expect(operations("status of REQ-5120? and while I'm here, what did jdoe ask for this week")).toEqual([
      { intent: 'request.status', targets: [], params: { ref: 'REQ-5120' } },
      { intent: 'audit.query', targets: [], params: { user: 'jdoe', since: '7d' } },
    ]);
  });

  it('tests the reach to the server just given when told to "check it can reach it"', () => {
    expect(operations('point RDSH04 at LS2 and then check it can actually reach it')).toEqual([
      { intent: 'rdsh.set_license_servers', targets: ['RDSH04'], params: { servers: ['LS2'], op: 'replace' } },
      { intent: 'rdsh.test_license_server', targets: ['RDSH04'], params: { servers: ['LS2'] } },
    ]);
  });

  it('reads "nobody in Berlin sales" as the hosts carrying both tags', () => {
    expect(operations('why does nobody in Berlin sales get a licence since the weekend')).toEqual([
      { intent: 'licensing.diagnose', targets: ['RDSH04', 'RDSH05', 'RDSH07'], params: {} },
    ]);
  });

  it('reads where the users are as furniture beside a host named outright', () => {
    expect(
      operations("Users at the Berlin office report 'no license servers available' on RDSH04 - please investigate"),
    ).toEqual([{ intent: 'licensing.diagnose', targets: ['RDSH04'], params: {} }]);
  });

  it('reads each host-labelled sentence as a request of its own', () => {
    expect(
      operations(
        'PC-042: clear the licence cache. RDSH01: refresh the cert, reboot now. Then show me 1128 events on RDSH01.',
      ),
    ).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} },
      { intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH01'], params: { reboot: 'now' } },
      { intent: 'rdsh.events', targets: ['RDSH01'], params: { ids: [1128] } },
    ]);
  });

  it('gives "do B as well" the operation of the part that named a host, with its own reboot', () => {
    expect(
      operations(
        'refresh the licensing cert on RDSH01 and reboot it now; do RDSH02 as well but leave its reboot for the maintenance window',
      ),
    ).toEqual([
      { intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH01'], params: { reboot: 'now' } },
      { intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH02'], params: { reboot: 'scheduled' } },
    ]);
  });

  it('reads "same for B" as the same operation on B', () => {
    expect(operations('restart the service on RDSH01, same for RDSH02')).toEqual([
      { intent: 'rdsh.restart_service', targets: ['RDSH01', 'RDSH02'], params: {} },
    ]);
  });

  it('asks for no host when a user cannot get onto a desktop named like a group', () => {
    const result = parse(
      'PC-042 not letting jdoe onto the FIN desktop, error code 0x0000 licensing something. can you check it out?',
    );
    expect(result.operations).toEqual([{ intent: 'licensing.diagnose', targets: ['PC-042'], params: {} }]);
    expect(result.needs).toEqual([]);
  });
});
