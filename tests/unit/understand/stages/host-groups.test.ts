import { resolve } from 'node:path';
import { JsonInventory } from '../../../../adapters/inventory/json-config';
import { groupAt } from '../../../../bot/understand/host-groups';
import { indexInventory } from '../../../../bot/understand/inventory-index';
import { tokenize } from '../../../../bot/understand/tokens';
import { ROOT } from '../../../support/test-paths';

const index = indexInventory(JsonInventory.load(resolve(ROOT, 'tests', 'eval', 'inventory.json')).hosts());

/** The group the word `at` names in `text`, as host names and whether it is ambiguous. */
function group(text: string, at: string) {
  const words = tokenize(text);
  const found = groupAt(
    words,
    words.findIndex((w) => w.lower === at),
    index,
  );
  return found && { names: found.hosts.map((h) => h.name), ambiguous: found.ambiguous };
}

describe('groupAt', () => {
  it('reads "all the FIN hosts" as every host tagged FIN', () => {
    expect(group('reset all the FIN hosts', 'fin')).toEqual({
      names: ['WS-FIN-01', 'WS-FIN-02', 'RDSH01', 'RDSH02', 'RDSH03'],
      ambiguous: false,
    });
  });

  it('reads "the Berlin session hosts" as the session hosts of that site only', () => {
    expect(group('restart the Berlin session hosts', 'berlin')).toEqual({
      names: ['RDSH04', 'RDSH05', 'RDSH07'],
      ambiguous: false,
    });
  });

  it('reads "the FIN collection" and "every session host in Finance"', () => {
    expect(group('check the FIN collection', 'fin')?.names).toContain('RDSH01');
    expect(group('check every session host in Finance', 'finance')?.names).toEqual(['RDSH01', 'RDSH02', 'RDSH03']);
  });

  it('does not read "finally" as the FIN hosts', () => {
    expect(group('finally reset the cache', 'finally')).toBeUndefined();
  });

  it('does not read a tag without a group word as a group', () => {
    expect(group('the fin team called', 'fin')).toBeUndefined();
  });

  it('finds no group when the words describe a host named right after them', () => {
    expect(group('the lab box RDSH-LAB-01', 'lab')).toBeUndefined();
  });

  it('asks which one when "the lab box" names several hosts', () => {
    expect(group('restart the lab box', 'lab')).toEqual({ names: ['RDSH-LAB-01', 'RDSH-LAB-02'], ambiguous: true });
  });
});
