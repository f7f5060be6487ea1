/**
 * The bot's own secrets (a client secret read from a file, a certificate's private key), remembered
 * at start-up so that the redaction every log line, card and audit text goes through replaces them
 * by value too: unlike a pasted password they carry no name or shape a pattern could anchor on.
 */
const remembered = new Set<string>();

/**
 * Shorter values are not remembered: replacing a two-letter test password everywhere would mangle
 * every text, and a real Entra client secret is 40 characters.
 */
export const MIN_REMEMBERED_LENGTH = 8;

export function rememberSecret(value: string): void {
  if (value.length >= MIN_REMEMBERED_LENGTH) remembered.add(value);
}

/** A PEM private key: the whole block, and each line of its body, so that a fragment is caught too. */
export function rememberPrivateKey(pem: string): void {
  rememberSecret(pem.trim());
  for (const line of pem.split(/\r?\n/)) if (!line.startsWith('-----')) rememberSecret(line.trim());
}

/** `text` with every remembered value replaced; whether one was found. */
export function withoutConfiguredSecrets(text: string): { text: string; found: boolean } {
  let out = text;
  let found = false;
  for (const secret of remembered) {
    if (!out.includes(secret)) continue;
    found = true;
    out = out.split(secret).join('[redacted secret]');
  }
  return { text: out, found };
}
