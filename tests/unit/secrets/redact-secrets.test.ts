import { redactFields, redactSecrets } from '../../../bot/secrets/redact-secrets';

describe('secrets in text people type', () => {
  it.each([
    ['a name=value pair', 'reset PC-042, password=Hunter2 thanks', 'reset PC-042, password=[redacted] thanks'],
    ['a spoken password', 'the admin password is Hunter2!', 'the admin password is [redacted]'],
    ['a connection string', 'Server=sql01;User Id=sa;Password=S3cr3t;', 'Server=sql01;User Id=sa;Password=[redacted];'],
    ['a bearer token', 'Authorization: Bearer abcdefghijkl.mnop', 'Authorization: Bearer [redacted token]'],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', 'token [redacted token]'],
    ['a storage key', 'AccountName=x;AccountKey=abc+/==;Suffix=y', 'AccountName=x;AccountKey=[redacted];Suffix=y'],
    ['credentials in a URL', 'see https://bob:pa55@files.contoso.com/x', 'see https://[redacted]@files.contoso.com/x'],
    ['a JSON secret', '{"client_secret": "abc"}', '{"client_secret": [redacted]}'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '[redacted token]'],
    [
      'a private key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----',
      '[redacted private key]',
    ],
  ])('redacts %s', (_what, text, expected) => {
    const redacted = redactSecrets(text);
    expect(redacted.text).toBe(expected);
    expect(redacted.kinds.length).toBeGreaterThan(0);
  });

  it.each([
    'set RDSH01 to per user and restore RDSH01-req1-20261202T101010123Z.json',
    'what token does LS1 use?',
    'PC-042 gets event 1003, reset its client license',
    'point RDSH-FIN01 at LS1.corp.contoso.com',
  ])('leaves a request without a secret as it is: %s', (text) => {
    expect(redactSecrets(text)).toEqual({ text, kinds: [] });
  });

  it('redacts the strings inside log fields and keeps their shape', () => {
    expect(redactFields({ error: 'login failed, pwd=x1', n: 3, list: ['Bearer abcdefghij'] })).toEqual({
      error: 'login failed, pwd=[redacted]',
      n: 3,
      list: ['Bearer [redacted token]'],
    });
  });

  it('stays linear on hostile text', () => {
    // Catastrophic backtracking would blow jest's 5 s timeout here.
    expect(redactSecrets(`password${'='.repeat(5000)}`).kinds).toEqual(['secret value']);
    expect(redactSecrets(`Bearer ${'a'.repeat(100_000)}`).text).toBe('Bearer [redacted token]');
    expect(redactSecrets('https://'.repeat(5000)).kinds).toEqual([]);
  });
});
