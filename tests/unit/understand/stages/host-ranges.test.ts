import { resolve } from 'node:path';
import { JsonInventory } from '../../../../adapters/inventory/json-config';
import type { Host } from '../../../../bot/domain';
import { MAX_RANGE, oneWordRange, spelledRange } from '../../../../bot/understand/host-ranges';
import { indexInventory } from '../../../../bot/understand/inventory-index';
import { ROOT } from '../../../support/test-paths';

const index = indexInventory(JsonInventory.load(resolve(ROOT, 'tests', 'eval', 'inventory.json')).hosts());
const host = (name: string) => index.byName.get(name.toLowerCase()) as Host;
const names = (result: ReturnType<typeof oneWordRange>) =>
  result && 'hosts' in result ? result.hosts.map((h) => h.name) : result;

describe('oneWordRange', () => {
  it('expands "PC-040..PC-043" to the inventory hosts inside it', () => {
    expect(names(oneWordRange('PC-040..PC-043', index))).toEqual(['PC-040', 'PC-041', 'PC-042', 'PC-043']);
  });

  it('expands "RDSH01-03" keeping the width of the first number', () => {
    expect(names(oneWordRange('RDSH01-03', index))).toEqual(['RDSH01', 'RDSH02', 'RDSH03']);
  });

  it('skips numbers the inventory does not have', () => {
    expect(names(oneWordRange('RDSH04-07', index))).toEqual(['RDSH04', 'RDSH05', 'RDSH07']);
  });

  it('reports a range wider than the limit instead of expanding it', () => {
    expect(MAX_RANGE).toBe(500);
    expect(oneWordRange('PC-1..PC-2000', index)).toEqual({ problem: 'the range pc-1 to 2000 is too wide' });
  });

  it('reports a range that counts down or holds no inventory host', () => {
    expect(oneWordRange('RDSH03-01', index)).toEqual({ problem: 'the range rdsh03 to 01 does not count up' });
    expect(oneWordRange('PC-900..PC-905', index)).toEqual({ problem: 'no inventory host lies in pc-900 to 905' });
  });

  it('is no range for a host name itself, a plain word or two different prefixes', () => {
    expect(oneWordRange('PC-042', index)).toBeUndefined();
    expect(oneWordRange('reset', index)).toBeUndefined();
    expect(oneWordRange('PC-040..RDSH03', index)).toBeUndefined();
  });
});

describe('spelledRange', () => {
  it('expands "PC-040 through PC-043"', () => {
    expect(names(spelledRange(host('PC-040'), 'through', host('PC-043'), index))).toEqual([
      'PC-040',
      'PC-041',
      'PC-042',
      'PC-043',
    ]);
  });

  it('is no range without a connector word or across roles', () => {
    expect(spelledRange(host('RDSH01'), 'and', host('RDSH03'), index)).toBeUndefined();
    expect(spelledRange(host('RDSH01'), 'to', host('PC-042'), index)).toBeUndefined();
  });
});
