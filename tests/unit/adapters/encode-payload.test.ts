import { decodePayload, encodePayload } from '../../../adapters/powershell/encode-payload';

describe('the payload that crosses into PowerShell', () => {
  it.each([
    ['a sub-expression', '$(Stop-Computer -Force)'],
    ['backticks', '`whoami`'],
    ['quotes and smart quotes', `pc01'; whoami; #" ’ “`],
    ['a line break', 'srv01\r\nwhoami'],
    ['a NUL', 'srv01\u0000evil'],
    ['non-ASCII', 'ＰＣ-042 РС-042'],
    ['10 KB', 'x'.repeat(10_000)],
  ])('carries %s as inert base64 and round-trips it unchanged', (_name, value) => {
    const encoded = encodePayload({ value });
    expect(encoded).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    expect(decodePayload(encoded)).toEqual({ value });
  });
});
