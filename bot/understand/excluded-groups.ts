import type { Host, ParseResult } from '../domain';

/**
 * "point the Sunderland session hosts at LS2, excluding the billing ones": a group kept out by its tag
 * in words. The hosts that carry a tag whose value is that word ("collection:BILLING", "lab") leave
 * every operation's targets; nothing is ever added. Runs only when an except word is followed by a
 * word and "ones", "hosts", "servers", "machines", "boxes" or "PCs", or by a tag in the plural.
 */
const EXCLUDED =
  /\b(?:excluding|except(?: for)?|apart from|other than|but not|not)\s+(?:the\s+|any\s+)?([a-z][\w-]{1,30})\s+(?:ones?|hosts?|session hosts?|servers?|machines?|box(?:es)?|pcs?|clients?|laptops?|desktops?)\b/gi;

/** "all the Dublin clients except the laptops": a tag in the plural, kept out by itself. */
const EXCLUDED_PLURAL =
  /\b(?:excluding|except(?: for)?|apart from|other than|but not)\s+(?:the\s+|any\s+)?([a-z][\w-]{1,30}?)s\b/gi;

const tagValue = (tag: string) => (tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag).toLowerCase();

export function withoutExcludedGroups(text: string, parse: ParseResult, inventory: readonly Host[]): ParseResult {
  if (!/\b(?:excluding|except|apart from|other than|but not|not)\b/i.test(text)) return parse;
  const words = new Set(
    [...text.matchAll(EXCLUDED), ...text.matchAll(EXCLUDED_PLURAL)].map((match) => (match[1] ?? '').toLowerCase()),
  );
  if (words.size === 0) return parse;
  const out = new Set(
    inventory.filter((host) => host.tags.some((tag) => words.has(tagValue(tag)))).map((host) => host.name),
  );
  if (out.size === 0) return parse;
  const operations = parse.operations.map((op) => ({ ...op, targets: op.targets.filter((name) => !out.has(name)) }));
  // A group that took every host of an operation leaves nothing to plan: ask instead of guessing.
  if (operations.some((op, index) => op.targets.length === 0 && (parse.operations[index]?.targets.length ?? 0) > 0))
    return { ...parse, operations: [], needs: ['target'], candidates: [] };
  return { ...parse, operations };
}
