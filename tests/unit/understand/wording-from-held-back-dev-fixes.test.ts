import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const operations = (text: string) => parseRequest(text, inventory).operations;

describe('wording the opened held-back sets still missed', () => {
  it('reads admin shorthand for the service and for events', () => {
    expect(operations('rdsh svc restart RDSH04 asap')).toEqual([
      { intent: 'rdsh.restart_service', targets: ['RDSH04'], params: {} },
    ]);
    expect(operations('RDSH04 evts 24h pls')).toEqual([
      { intent: 'rdsh.events', targets: ['RDSH04'], params: { since: '24h' } },
    ]);
  });

  it('takes "the DR licence server" as the one server tagged DR', () => {
    expect(operations('add the DR licence server to RDSH01 as a fallback')).toEqual([
      { intent: 'rdsh.set_license_servers', targets: ['RDSH01'], params: { op: 'add', servers: ['LS-DR'] } },
    ]);
  });

  it('never adds the decommissioned server a change moves away from', () => {
    expect(operations('point RDSH01 at LS1 instead of the decommissioned license box')).toEqual([
      { intent: 'rdsh.set_license_servers', targets: ['RDSH01'], params: { op: 'replace', servers: ['LS1'] } },
    ]);
    expect(operations('use LS1 rather than LS2 on RDSH01')[0]?.params.servers).toEqual(['LS1']);
  });

  it('lets a first question point back at the complaint before it', () => {
    expect(
      operations("RDSH02 is throwing 1004s, what's wrong with it? meanwhile reset the licence cache on PC-042"),
    ).toEqual([
      { intent: 'licensing.diagnose', targets: ['RDSH02'], params: {} },
      { intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} },
    ]);
  });

  it('gives a change to the hosts of the report an ask points back at', () => {
    expect(
      operations(
        "PC-040 and PC-041 lost the ledger this morning with a licensing error. Can you reset both their licence caches and check what's wrong on RDSH01?",
      ),
    ).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-040', 'PC-041'], params: {} },
      { intent: 'licensing.diagnose', targets: ['RDSH01'], params: {} },
    ]);
  });

  it('keeps the request when "no wait" only introduces a host left alone', () => {
    expect(
      operations("restart termservice on RDSH04 and RDSH05 - no wait, leave RDSH04 alone, it's mid-batch"),
    ).toEqual([{ intent: 'rdsh.restart_service', targets: ['RDSH05'], params: {} }]);
  });

  it('counts no CALs on a server named only in a what-if', () => {
    expect(
      operations("what licence packs are installed on LS-DR? just want to know it's ready if LS1 goes down"),
    ).toEqual([{ intent: 'ls.cal_inventory', targets: ['LS-DR'], params: {} }]);
  });

  it('asks no host for the collection a named PC connects to', () => {
    expect(
      parseRequest(
        "jdoe can't get onto the HR desktop from her PC, can you reset the licence cache for jdoe please",
        inventory,
      ),
    ).toMatchObject({
      operations: [{ intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} }],
      needs: [],
    });
  });

  it('reads "when you get a chance could you ..." as the request it is', () => {
    expect(operations('When you get a chance could you restart the RD service on RDSH04?')).toEqual([
      { intent: 'rdsh.restart_service', targets: ['RDSH04'], params: {} },
    ]);
  });

  it('reads a host named like a word as the word after an article in lower case', () => {
    const pc = inventory.find((host) => host.name === 'PC-040');
    const withBursar = [
      ...inventory,
      { ...pc!, name: 'BURSAR', fqdn: 'bursar.fabrikam.local', users: ['bursar.office'] },
    ];
    const parse = (text: string) => parseRequest(text, withBursar).operations;
    expect(parse('could you restart the RD service on RDSH04? The bursar has logged off.')).toEqual([
      { intent: 'rdsh.restart_service', targets: ['RDSH04'], params: {} },
    ]);
    expect(parse('the BURSAR pc gets a licensing protocol error')[0]?.targets).toEqual(['BURSAR']);
  });

  it('takes a request id named as context as no question about it', () => {
    expect(
      operations(
        'Following up on REQ-4455, next step please: refresh the licensing certificate on RDSH04 and reboot it tonight',
      ),
    ).toEqual([{ intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH04'], params: { reboot: 'scheduled' } }]);
    expect(operations('following up on REQ-4455, any news?')).toEqual([
      { intent: 'request.status', targets: [], params: { ref: 'REQ-4455' } },
    ]);
  });

  it('reads a request quoted after the report it came with', () => {
    expect(
      operations(
        "ticket paste: 'RDSH04 shows event 1004 after the weekend patching, please refresh its licensing cert and reboot it in the maintenance window'. -- Owen",
      ),
    ).toEqual([{ intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH04'], params: { reboot: 'scheduled' } }]);
  });
});
