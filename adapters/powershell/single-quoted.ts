/**
 * PowerShell ends a single-quoted string at any of five characters, not only the ASCII one: ' and the
 * typographic ‘ ’ ‚ ‛ (about_Quoting_Rules). A path with ’ in it (a folder named "Alex’s tools") would
 * end the string early and run the rest as code.
 */
const QUOTES = /['\u2018\u2019\u201A\u201B]/;
const LINE_BREAKS = /[\r\n\0\u0085\u2028\u2029]/;

/** `value` in single quotes for a PowerShell line; refused when it holds a quote of any kind or a line break. */
export function singleQuoted(value: string): string {
  if (QUOTES.test(value) || LINE_BREAKS.test(value)) {
    throw new Error(
      `refusing to quote a value holding a quote or a line break for PowerShell: ${JSON.stringify(value)}`,
    );
  }
  return `'${value}'`;
}
