import type { Host } from '../domain';
import { indexInventory, keptPerIndex, type InventoryIndex } from './inventory-index';
import { tokenize } from './tokens';

/** An inventory host a text names as a target (not a license server), as written and where. */
export interface NamedTarget {
  host: Host;
  word: string;
  at: number;
}

/**
 * The target hosts a text names, in order: one look-up per word, never a pattern per host
 * (inventories run to thousands). Shared by the stages that cut or filter a message by its hosts.
 */
export function namedTargets(text: string, inventory: readonly Host[]): NamedTarget[] {
  return namedKept(text, indexInventory(inventory));
}

// Kept per text and index: a message's stages (kept hosts, per-host parts, corrections) ask again.
const namedKept = keptPerIndex(findNamed);

function findNamed(text: string, { byName }: InventoryIndex): NamedTarget[] {
  const found: NamedTarget[] = [];
  let from = 0;
  for (const word of tokenize(text)) {
    const at = text.indexOf(word.text, from);
    if (at < 0) continue;
    from = at + word.text.length;
    const host = byName.get(word.lower);
    if (host && host.role !== 'license-server') found.push({ host, word: word.text, at });
  }
  return found;
}
