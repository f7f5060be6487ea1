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
});
