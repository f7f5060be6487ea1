import { withoutSecrets } from '../secrets/redact-secrets';

/**
 * Free text people type (a justification, a reason to reject): shown and audited, never executed, and
 * never with a secret in it (a pasted password becomes "[redacted]", which the audit record shows).
 */
const FREE_TEXT = /^[^\p{Cc}\p{Cf}\p{Co}\p{Cs}]{3,300}$/u;

export function readFreeText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  return FREE_TEXT.test(text) ? withoutSecrets(text) : undefined;
}
