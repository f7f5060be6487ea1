/**
 * Secrets people paste into chat ("the admin password is Hunter2", a connection string, a bearer
 * token) are never kept: every text a user controls is passed through here before it is stored,
 * logged or shown, and what was found is audited by kind (never the value). Patterns are anchored on
 * a name or a known token shape, each a single pass without nested quantifiers (linear on hostile
 * text), so host names, request ids and backup names are left alone. The bot's own configured
 * secrets are replaced by value first (configured-secrets.ts).
 */
import { withoutConfiguredSecrets } from './configured-secrets';

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const NAMES =
  'password|passwd|pwd|passphrase|passcode|secret|client[_-]?secret|api[_-]?key|access[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|token|sig';

const PATTERNS: SecretPattern[] = [
  {
    kind: 'private key',
    pattern: /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[^]*?(?:-----END [A-Z ]{0,20}PRIVATE KEY-----|$)/g,
    replace: () => '[redacted private key]',
  },
  { kind: 'token', pattern: /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, replace: () => '[redacted token]' },
  {
    kind: 'token',
    pattern: /\b(bearer|basic)\s+[\w.~+/=-]{8,}/gi,
    replace: (_m, scheme) => `${scheme} [redacted token]`,
  },
  {
    kind: 'token',
    pattern:
      /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[\w-]{35}|[\w~.-]{3}\dQ~[\w~.-]{31,34})/g,
    replace: () => '[redacted token]',
  },
  {
    kind: 'url credentials',
    pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)[^\s/:@]{1,128}:[^\s/@]{1,256}@/gi,
    replace: (_m, scheme) => `${scheme}[redacted]@`,
  },
  {
    // name=value, name: value, "name": "value" (connection strings, config lines, JSON).
    kind: 'secret value',
    pattern: new RegExp(`\\b(${NAMES})("?\\s{0,3}[:=]\\s{0,3})("[^"]{0,512}"|'[^']{0,512}'|[^\\s;,&"']{1,512})`, 'gi'),
    replace: (_m, name, sep) => `${name}${sep}[redacted]`,
  },
  {
    // "the password is Hunter2", "pwd was S3cret!", "my passcode: 1234"
    kind: 'secret value',
    pattern: /\b(password|passwd|pwd|passphrase|passcode|pin)(\s{1,3}(?:is|was|would be)\s{1,3})(\S{1,256})/gi,
    replace: (_m, name, sep) => `${name}${sep}[redacted]`,
  },
];

export interface Redacted {
  text: string;
  /** The kinds of secret found, each once, in the order of the patterns (empty when none). */
  kinds: string[];
}

export function redactSecrets(text: string): Redacted {
  const kinds = new Set<string>();
  const configured = withoutConfiguredSecrets(text);
  if (configured.found) kinds.add('configured secret');
  let out = configured.text;
  for (const { kind, pattern, replace } of PATTERNS) {
    out = out.replace(pattern, (...args: unknown[]) => {
      kinds.add(kind);
      const groups = args.slice(1, -2).map((group) => (typeof group === 'string' ? group : ''));
      return replace(String(args[0]), ...groups);
    });
  }
  return { text: out, kinds: [...kinds] };
}

/** The text only, for places that do not audit what was found (logs, display names). */
export function withoutSecrets(text: string): string {
  return redactSecrets(text).text;
}

/** Every string inside a log line's fields, redacted (the JSON stays valid: values are replaced, not the line). */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutSecrets(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactFields(item, depth + 1)]));
}
