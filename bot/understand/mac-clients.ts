import type { Host, ParseResult, PlannedOperation } from '../domain';
import { indexInventory } from './inventory-index';

/**
 * A client reset aimed at a Mac (or a diagnosis of one): the Microsoft Remote Desktop app for macOS keeps no MSLicensing key,
 * so the reset cannot help it and the answer is the Mac advice. The inventory says which clients are
 * Macs (a `macos` or `mac` tag, with or without an `os:` or `platform:` prefix); Windows clients in
 * the same request keep their reset.
 */
const MAC_TAG = /^(?:(?:os|platform):)?mac(?:os|os ?x)?$/i;

export function withMacClientsAdvised(result: ParseResult, inventory: readonly Host[]): ParseResult {
  // Most parses plan no client reset; the others look up only their own targets (the index is cached).
  if (!result.operations.some((op) => op.intent === 'client.reset_license_cache' || op.intent === 'licensing.diagnose'))
    return result;
  const { byName } = indexInventory(inventory);
  const isMac = (name: string) => byName.get(name.toLowerCase())?.tags.some((tag) => MAC_TAG.test(tag)) ?? false;
  let advised = false;
  const operations: PlannedOperation[] = [];
  for (const op of result.operations) {
    // "e.lindqvist on LDS-MAC-01 gets a licensing error": trouble on a Mac is what the Mac advice answers;
    // the bot's diagnosis reads Windows registry and events, which a Mac has not.
    if (op.intent === 'licensing.diagnose' && op.targets.some(isMac)) {
      advised = true;
      continue;
    }
    if (op.intent !== 'client.reset_license_cache' || !op.targets.some(isMac)) {
      operations.push(op);
      continue;
    }
    advised = true;
    const windows = op.targets.filter((t) => !isMac(t));
    if (windows.length > 0) operations.push({ ...op, targets: windows });
  }
  if (!advised) return result;
  if (!operations.some((op) => op.intent === 'advice.mac_client'))
    operations.push({ intent: 'advice.mac_client', targets: [], params: {} });
  return { ...result, operations };
}
