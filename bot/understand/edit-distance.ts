/**
 * One-edit matching (insert, delete, substitute, or swap two adjacent letters) in linear time, and the
 * deletion neighbourhood that lets an index find such matches by look-up instead of by scanning
 * (the symmetric-delete idea behind SymSpell). Typos in chat are nearly always one edit away.
 */

/** Every string made by deleting one character (duplicates removed). */
export function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** True when a and b differ by at most one edit, an adjacent swap counting as one. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // one swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one insertion or deletion
}
