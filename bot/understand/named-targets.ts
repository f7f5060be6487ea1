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
  return wordsAt(text).flatMap(({ word, lower, at }) => {
    const host = byName.get(lower);
    return host && host.role !== 'license-server' ? [{ host, word, at }] : [];
  });
}

/** The PCs of the inventory users a text names ("except ops-night's"), each with the user's word. */
export function namedOwners(text: string, inventory: readonly Host[]): NamedTarget[] {
  const { byUser } = indexInventory(inventory);
  return wordsAt(text).flatMap(({ word, lower, at }) =>
    (byUser.get(lower) ?? []).filter((host) => host.role === 'client').map((host) => ({ host, word, at })),
  );
}

/** Each word of a text with where it stands. */
function wordsAt(text: string): Array<{ word: string; lower: string; at: number }> {
  const found: Array<{ word: string; lower: string; at: number }> = [];
  let from = 0;
  for (const word of tokenize(text)) {
    const at = text.indexOf(word.text, from);
    if (at < 0) continue;
    from = at + word.text.length;
    found.push({ word: word.text, lower: word.lower, at });
  }
  return found;
}
