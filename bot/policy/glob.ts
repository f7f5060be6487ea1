/**
 * Policy name patterns: `*` stands for any run of characters (none included), everything else for
 * itself, case-insensitively. Matched with the two-pointer walk that goes back only to the last `*`
 * (O(pattern × name) at worst), not with a regular expression: a pattern such as `*a*a*a*a*a*a*a*a*a*a*b`
 * turned into `^.*a.*a…b$` backtracks exponentially (32 s for one 40-character host name), and so does
 * picomatch's regex for it (39 s measured, ADR 0014).
 */
export function globMatch(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const t = name.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1; // where the last `*` was in the pattern
  let resume = 0; // where in the name that `*` would next give way
  while (ti < t.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === t[ti]) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (star >= 0) {
      // Let the last `*` take one more character and try the rest of the pattern again from there.
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
