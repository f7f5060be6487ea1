import { resolve } from 'node:path';
import { JsonInventory } from '../../../../adapters/inventory/json-config';
import { resolveHosts } from '../../../../bot/understand/host-resolver';
import { maskHosts } from '../../../../bot/understand/mask-hosts';
import { normalise } from '../../../../bot/understand/normalise';
import { tokenize } from '../../../../bot/understand/tokens';
import { ROOT } from '../../../support/test-paths';

const inventory = JsonInventory.load(resolve(ROOT, 'tests', 'eval', 'inventory.json')).hosts();

function mask(text: string): string {
  const words = tokenize(text);
  return maskHosts(normalise(text), words, resolveHosts(words, inventory));
}

describe('maskHosts', () => {
  it('turns a client into zzpc so that its digits vanish', () => {
    const masked = mask('reset the license on PC-1003');
    expect(masked).toBe('reset the license on zzpc');
    expect(masked).not.toMatch(/1003/);
  });

  it('names session hosts zzrdsh and license servers zzls', () => {
    expect(mask('point RDSH01 at LS1')).toBe('point zzrdsh at zzls');
  });

  it('masks an FQDN like the name it belongs to', () => {
    expect(mask('check pc-042.ad.fabrikam.net')).toBe('check zzpc');
  });

  it('keeps the punctuation around a masked word and drops the possessive', () => {
    expect(mask("why does (RDSH02, and PC-042's cache")).toBe('why does (zzrdsh, and zzpc cache');
  });

  it('replaces an inventory user with zzuser', () => {
    expect(mask('clear the cache for jdoe')).toBe('clear the cache for zzuser');
  });

  it('replaces an unknown host-like word with zzhost', () => {
    expect(mask('reset PC-999')).toBe('reset zzhost');
  });

  it('leaves a message that names no host as it is', () => {
    expect(mask('what is the grace period')).toBe('what is the grace period');
  });
});
