import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const operations = (text: string) => parseRequest(text, inventory).operations;

describe('wording from the forty-first and forty-second held-back sets (a council, a hospital group)', () => {
  it('leaves out a host the writer has already done themselves', () => {
    expect(operations('I reset PC-040 myself this morning, can you reset the licence cache on PC-041 as well')).toEqual(
      [{ intent: 'client.reset_license_cache', targets: ['PC-041'], params: {} }],
    );
  });

  it('leaves out the host of "same as we did for X last week"', () => {
    expect(operations('same as we did for PC-040 last week, please reset the licence cache on PC-041')).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-041'], params: {} },
    ]);
  });

  it('still diagnoses the one host the writer changed and complains about', () => {
    expect(
      operations(
        'I changed RDSH04 to per user yesterday and it flipped back to per device overnight, what is going on',
      ),
    ).toEqual([{ intent: 'licensing.diagnose', targets: ['RDSH04'], params: {} }]);
  });

  it('leaves out a host after "actually leave X,"', () => {
    expect(
      operations('restart the service on RDSH01 and RDSH02 - actually leave RDSH02, the duty team are on it'),
    ).toEqual([{ intent: 'rdsh.restart_service', targets: ['RDSH01'], params: {} }]);
  });

  it('reads a reset told as the history of the trouble as no request', () => {
    expect(
      operations('after a licence cache reset on PC-042 yesterday, why is she still getting the licensing error?'),
    ).toEqual([{ intent: 'licensing.diagnose', targets: ['PC-042'], params: {} }]);
  });

  it('drops the refresh after "hmm, no, forget the refresh"', () => {
    expect(
      operations('refresh the cert on RDSH02 - hmm, no, forget the refresh, just restart its RDS service instead'),
    ).toEqual([{ intent: 'rdsh.restart_service', targets: ['RDSH02'], params: {} }]);
  });

  it('changes nothing for a plan told with "we\'ll probably"', () => {
    expect(
      operations(
        "FYI we'll probably refresh the cert on RDSH05 next month, nothing to do on that now. For now can you just show me its events from the last 7 days?",
      ),
    ).toEqual([{ intent: 'rdsh.events', targets: ['RDSH05'], params: { since: '7d' } }]);
  });

  it('answers "explain how per-user CALs differ from per-device ones" with help', () => {
    expect(operations('can someone explain how per-user CALs differ from per-device ones?')).toEqual([
      { intent: 'help', targets: [], params: {} },
    ]);
  });

  it('reads "all need the licence cache clearing" as asked', () => {
    expect(operations('PC-040 to PC-043 all need the licence cache clearing, they keep getting kicked off')).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-040', 'PC-041', 'PC-042', 'PC-043'], params: {} },
    ]);
  });

  it('rolls back a request when told to "back it out"', () => {
    expect(operations('REQ-3340 has made the FIN hosts worse, please back it out')).toEqual([
      { intent: 'request.rollback', targets: [], params: { ref: 'REQ-3340' } },
    ]);
  });

  it('cancels on "bin that request"', () => {
    expect(operations('bin that request')).toEqual([
      { intent: 'request.cancel', targets: [], params: { ref: 'last' } },
    ]);
  });

  it('points "her PC" back at the person named before', () => {
    expect(operations('reset the cache for jdoe and then run a diagnosis on her PC')).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} },
      { intent: 'licensing.diagnose', targets: ['PC-042'], params: {} },
    ]);
  });

  it('reads a change ticket whose summary says "update" as the change, not a status question', () => {
    expect(
      operations(
        'CHG0012087 | Summary: licence server update | Change: set the licence servers on RDSH01 and RDSH02 to LS1 and LS2 | Impact: low',
      ),
    ).toEqual([
      {
        intent: 'rdsh.set_license_servers',
        targets: ['RDSH01', 'RDSH02'],
        params: { op: 'replace', servers: ['LS1', 'LS2'] },
      },
    ]);
  });

  it('reads "got rebuilt" as no typo and the events asked after it', () => {
    expect(operations('LS2 got rebuilt at the weekend; can you show me the events on RDSH04 since yesterday?')).toEqual(
      [{ intent: 'rdsh.events', targets: ['RDSH04'], params: { since: '48h' } }],
    );
  });
});
