import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const operations = (text: string) => parseRequest(text, inventory).operations;

describe('wording from the fortieth held-back set (veterinary practices)', () => {
  it('reads no tag abbreviation out of "on both"', () => {
    // "on both" holds the letters of OOH in order: small words are no part of a name an admin abbreviates.
    const rdsh01 = inventory.find((host) => host.name === 'RDSH01')!;
    const withOoh = [...inventory, { ...rdsh01, name: 'ER-TS41', fqdn: 'er-ts41.example', tags: ['collection:OOH'] }];
    expect(parseRequest('reset grace on both lab session hosts - restart later is fine', withOoh).operations).toEqual([
      { intent: 'rdsh.reset_grace_period', targets: ['RDSH-LAB-01', 'RDSH-LAB-02'], params: { restart: 'later' } },
    ]);
  });

  it('keeps a request after the complaint it points back at', () => {
    expect(
      operations(
        "Hi, two things if you have a sec:\n1) jdoe's PC is showing licensing protocol errors, please clear its licence cache (deleting the whole key is fine)\n2) how many per-device CALs are left on LS1?\nThanks!",
      ),
    ).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-042'], params: { scope: 'key' } },
      { intent: 'ls.cal_inventory', targets: ['LS1'], params: { type: 'PerDevice' } },
    ]);
  });

  it('reads "did anyone make changes to X yesterday?" as an audit question', () => {
    expect(operations('did anyone make changes to RDSH03 yesterday?')).toEqual([
      { intent: 'audit.query', targets: [], params: { host: 'RDSH03', since: '48h' } },
    ]);
  });

  it('answers "what actually happens when ...?" with help', () => {
    expect(operations("what actually happens when a session host's grace period runs out?")).toEqual([
      { intent: 'help', targets: [], params: {} },
    ]);
  });

  it('advises against a grace reset that recurs on its own', () => {
    expect(operations('is there a way to make the grace reset on the lab hosts recur on its own?')).toEqual([
      { intent: 'advice.recurring_grace_reset', targets: [], params: {} },
    ]);
  });

  it('diagnoses the PC of a person who says it gets kicked out', () => {
    expect(operations('jdoe says her PC gets kicked out of the practice system after about a minute')).toEqual([
      { intent: 'licensing.diagnose', targets: ['PC-042'], params: {} },
    ]);
  });
});
