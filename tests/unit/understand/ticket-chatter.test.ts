import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';
import { bigInventory } from '../../../bench/big-inventory';
import { byRole, paddedRequest, seededRandom } from '../../../bench/bench-text';
import { changes } from '../../../bot/understand/safety';

// A long ticket names hosts in its chatter ("the user also tried from PC-040", "RDSH03 looks fine"):
// those hosts are the report's, never the targets of the request beside them.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const brief = (text: string) =>
  parseRequest(text, inventory).operations.map((op) => [op.intent, op.targets, op.params.restart ?? op.params.servers]);

describe('hosts named in the chatter of a ticket', () => {
  it('gives a later restart to the grace reset, not to a PC the user tried from', () => {
    expect(
      brief(
        'reset the grace period on RDSH01 and restart the service later. The same user also tried from PC-040 without luck.',
      ),
    ).toEqual([['rdsh.reset_grace_period', ['RDSH01'], 'later']]);
  });

  it('keeps a host that "looks fine" out of the request', () => {
    expect(
      brief('reset the grace period on RDSH01. Thanks in advance, RDSH02 looks fine though, only this one.'),
    ).toEqual([['rdsh.reset_grace_period', ['RDSH01'], undefined]]);
  });

  it('points the hosts asked about at the server asked for, not the hosts and servers of the chatter', () => {
    expect(
      brief(
        'can you set RDSH01 and RDSH02 to per user and point them at LS1? Not sure if LS2 is involved at all. The user already rebooted PC-041 twice.',
      ),
    ).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH01', 'RDSH02'], undefined],
      ['rdsh.set_license_servers', ['RDSH01', 'RDSH02'], ['LS1']],
    ]);
  });

  it('never reads "fine" as the FIN collection because "all" ended the sentence before', () => {
    expect(brief('show the events on RDSH04. Not sure if LS2 is involved at all. RDSH02 looks fine though.')).toEqual([
      ['rdsh.events', ['RDSH04'], undefined],
    ]);
  });

  it('gives no change to a host or server named only in the chatter of 300 generated tickets', () => {
    const big = bigInventory();
    const roles = byRole(big);
    const random = seededRandom(11);
    // The request each ticket is built around (bench/bench-text.ts), with the hosts it names.
    const request =
      /(please reset the client license on \S+,|can you set \S+ and \S+ to per user and point them at \S+\?|reset the grace period on \S+ and)/;
    let tried = 0;
    const strays: string[] = [];
    for (let i = 0; i < 300; i++) {
      const text = paddedRequest(random, roles, 500);
      const asked = new Set(request.exec(text)?.[0].match(/\b(PC-\d+|RDSH\d+|LS\d+)\b/g) ?? []);
      if (asked.size === 0) continue;
      tried++;
      for (const op of parseRequest(text, big).operations.filter((one) => changes(one.intent))) {
        const servers = Array.isArray(op.params.servers) ? (op.params.servers as string[]) : [];
        for (const name of [...op.targets, ...servers]) if (!asked.has(name)) strays.push(`${name} in "${text}"`);
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(strays).toEqual([]);
  });
});
