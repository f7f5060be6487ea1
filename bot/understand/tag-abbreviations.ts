import { keptPerIndex, type InventoryIndex } from './inventory-index';

/**
 * Tags that abbreviate two words an admin writes out: "call centre" for CALLCTR, "human resources" for
 * HR, "lens lab" for LNSLAB. The tag starts with the first word's first letter, reads its letters in
 * order out of the two words, and takes at least one of them from the second word (a tag read into
 * the first word alone is a prefix, which `tagOf` already finds). Kept per pair and index: tags are
 * few, pairs of words many.
 */
export const abbreviatedTags = keptPerIndex(findAbbreviated);

function findAbbreviated(pair: string, index: InventoryIndex): string[] {
  const [first = '', second = ''] = pair.split(' ');
  if (first.length < 2 || second.length < 2) return [];
  // "the whole MES collection" is MES, not WMS: a word that is a tag, or says how many, abbreviates nothing.
  // "Remote Desktop License Servers" is the product's name, never DOCS read out of "desktop license".
  // "on both hosts" is never OOH read out of "on both": small words and quantifiers are no part of a name.
  if (
    index.byTag.has(first) ||
    index.byTag.has(second) ||
    NOT_A_NAME.test(first) ||
    NOT_A_NAME.test(second) ||
    PRODUCT_WORD.test(second)
  )
    return [];
  const found: string[] = [];
  for (const tag of index.byTag.keys())
    if (tag.length >= 2 && /^[a-z]+$/.test(tag) && tag[0] === first[0] && abbreviates(tag, first, second))
      found.push(tag);
  return found;
}

const NOT_A_NAME =
  /^(the|all|every|each|whole|entire|our|my|your|their|new|old|other|both|any|some|these|those|remote|desktop|license|licence|licensing|terminal|on|in|at|to|for|from|of|with|by|and|or|is|are|it|them)$/;
const PRODUCT_WORD = /^(license|licence|licensing|licenses|licences|desktop|services?)$/;

/** Whether `tag` reads in order out of `first` then `second`, ending inside `second`. */
function abbreviates(tag: string, first: string, second: string): boolean {
  const words = `${first} ${second}`;
  let at = 0;
  for (const letter of tag) {
    at = words.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return at > first.length + 1 && tag !== first && !(first + second).startsWith(tag);
}
