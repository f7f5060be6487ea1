import { resolve } from 'node:path';
import { JsonInventory } from '../../../../adapters/inventory/json-config';
import { alphaPrefix, indexInventory, nearMisses, squash } from '../../../../bot/understand/inventory-index';
import { ROOT } from '../../../support/test-paths';

const inventory = JsonInventory.load(resolve(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const index = indexInventory(inventory);

describe('indexInventory', () => {
  it('finds a host by its name or FQDN in any case', () => {
    expect(index.byName.get('pc-042')?.name).toBe('PC-042');
    expect(index.byName.get('pc-042.ad.fabrikam.net')?.name).toBe('PC-042');
  });

  it('finds a PC by its user and hosts by the value of a tag', () => {
    expect(index.byUser.get('jdoe')?.map((h) => h.name)).toEqual(['PC-042']);
    expect(index.byTag.get('lab')?.map((h) => h.name)).toEqual(['RDSH-LAB-01', 'RDSH-LAB-02']);
  });

  it('knows the prefixes only license servers have', () => {
    expect(index.serverOnlyPrefixes.has('lic')).toBe(true);
    expect(index.serverOnlyPrefixes.has('pc')).toBe(false);
  });

  it('builds the index once per inventory list', () => {
    expect(indexInventory(inventory)).toBe(index);
  });

  it('squashes separators and leading zeros, and reads the letters in front', () => {
    expect(squash('PC-0042')).toBe('pc42');
    expect(alphaPrefix('RDSH01')).toBe('rdsh');
  });
});

describe('nearMisses', () => {
  it('suggests the name a word equals once squashed', () => {
    expect(nearMisses('pc-0042', index)).toEqual(['PC-042']);
  });

  it('suggests names one edit or one swap away', () => {
    expect(nearMisses('RDHS01', index)).toEqual(['RDSH01']);
    expect(nearMisses('PC-04', index)).toEqual(expect.arrayContaining(['PC-040', 'PC-042']));
  });

  it('suggests nothing for a word that is not close to any name', () => {
    expect(nearMisses('printer', index)).toEqual([]);
  });
});
