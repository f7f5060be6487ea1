/**
 * The only way request data crosses into PowerShell: one base64 string of UTF-8 JSON. Its alphabet
 * ([A-Za-z0-9+/=]) holds no quote, `$`, backtick or line break, so it is inert inside single quotes;
 * the script decodes and validates it again.
 */
export function encodePayload(payload: unknown): string {
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw new Error('base64 produced an unexpected character');
  return encoded;
}

export function decodePayload(encoded: string): unknown {
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}
