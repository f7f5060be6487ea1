/** Free text people type (a justification, a reason to reject): shown and audited, never executed. */
const FREE_TEXT = /^[^\p{Cc}\p{Cf}\p{Co}\p{Cs}]{3,300}$/u;

export function readFreeText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  return FREE_TEXT.test(text) ? text : undefined;
}
