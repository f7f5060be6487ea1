import { inspect } from 'node:util';
import { readCredentials } from '../../../bot/credentials/bot-credentials';
import { withoutSecrets } from '../../../bot/secrets/redact-secrets';
import { credentialDir, makeCertificate, type TestCertificate } from '../../support/test-certificates';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const SECRET = 'CANARYfile~secret.7741-abcdefghijklmnopqrstu';

/** The error `read` throws, so that its message can be checked for what it must not contain. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect((error as Error).name).toBe('StartupError');
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the bot credential', () => {
  const files = credentialDir();
  let bot: TestCertificate;
  let other: TestCertificate;
  beforeAll(() => {
    bot = makeCertificate(files.dir, 'bot');
    other = makeCertificate(files.dir, 'other');
  });
  afterAll(() => files.remove());

  describe('a client secret', () => {
    it('keeps BOT_PASSWORD from the environment as before', () => {
      expect(readCredentials({ BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT }, BOT_ID)).toEqual({
        botId: BOT_ID,
        tenantId: TENANT,
        kind: 'secret',
        password: 'x',
      });
    });

    it('reads BOT_PASSWORD_FILE once, with the trailing newline trimmed', () => {
      const file = files.write('secret', `${SECRET}\n`);
      expect(readCredentials({ BOT_PASSWORD_FILE: file }, BOT_ID)).toMatchObject({ kind: 'secret', password: SECRET });
      expect(readCredentials({ BOT_PASSWORD_FILE: files.write('crlf', `${SECRET}\r\n`, 0o440) }, BOT_ID)).toMatchObject(
        {
          password: SECRET,
        },
      );
    });

    it.each([
      [
        'both BOT_PASSWORD and BOT_PASSWORD_FILE',
        () => ({ BOT_PASSWORD: 'x', BOT_PASSWORD_FILE: files.write('both', SECRET) }),
        'not BOT_PASSWORD and BOT_PASSWORD_FILE',
      ],
      ['a missing file', () => ({ BOT_PASSWORD_FILE: files.path('absent') }), 'BOT_PASSWORD_FILE: cannot read'],
      ['an empty file', () => ({ BOT_PASSWORD_FILE: files.write('empty', '\n') }), 'BOT_PASSWORD_FILE: '],
      [
        'a file every user may read',
        () => ({ BOT_PASSWORD_FILE: files.write('open', SECRET, 0o644) }),
        'readable by every user',
      ],
      ['a folder', () => ({ BOT_PASSWORD_FILE: files.dir }), 'is not a file'],
      ['no credential at all', () => ({}), 'BOT_PASSWORD'],
    ])('refuses %s, naming the variable and never the content', (_what, env, message) => {
      const text = refusal(() => readCredentials(env(), BOT_ID));
      expect(text).toContain(message);
      expect(text).not.toContain(SECRET);
    });

    it('remembers a secret from a file for redaction, and never shows it in JSON or inspect', () => {
      const credentials = readCredentials({ BOT_PASSWORD_FILE: files.write('remembered', SECRET) }, BOT_ID);
      expect(withoutSecrets(`token request failed: client secret ${SECRET} rejected`)).not.toContain(SECRET);
      expect(JSON.stringify({ credentials })).not.toContain(SECRET);
      expect(inspect({ credentials }, { depth: 5 })).not.toContain(SECRET);
      expect(JSON.stringify({ credentials })).toContain(BOT_ID);
    });
  });

  describe('a certificate', () => {
    it('takes one PEM with the key and the certificate, with the thumbprint openssl shows', () => {
      const file = files.write('both.pem', `${bot.keyPem}${bot.certificatePem}`);
      const credentials = readCredentials({ BOT_CERTIFICATE_FILE: file, BOT_TENANT_ID: TENANT }, BOT_ID);
      expect(credentials).toMatchObject({ kind: 'certificate', tenantId: TENANT, thumbprint: bot.thumbprint });
      if (credentials.kind !== 'certificate') throw new Error('not a certificate');
      expect(credentials.certificatePem).toBe(bot.certificatePem.trim());
      expect(credentials.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    });

    it('takes a separate key file; the certificate alone may be readable by others', () => {
      const env = {
        BOT_CERTIFICATE_FILE: files.write('cert.pem', bot.certificatePem, 0o644),
        BOT_CERTIFICATE_KEY_FILE: files.write('key.pem', bot.keyPem),
      };
      expect(readCredentials(env, BOT_ID)).toMatchObject({ kind: 'certificate', thumbprint: bot.thumbprint });
    });

    it('puts the certificate that matches the key first in the chain it sends (x5c)', () => {
      const file = files.write('chain.pem', `${other.certificatePem}${bot.certificatePem}${bot.keyPem}`);
      const credentials = readCredentials({ BOT_CERTIFICATE_FILE: file }, BOT_ID);
      if (credentials.kind !== 'certificate') throw new Error('not a certificate');
      expect(credentials.thumbprint).toBe(bot.thumbprint);
      expect(credentials.certificatePem.startsWith(bot.certificatePem.trim())).toBe(true);
      expect(credentials.certificatePem).toContain(other.certificatePem.trim());
    });

    it.each([
      [
        'a key that does not belong to the certificate',
        () => ({
          BOT_CERTIFICATE_FILE: files.write('c1.pem', bot.certificatePem),
          BOT_CERTIFICATE_KEY_FILE: files.write('k1.pem', other.keyPem),
        }),
        'does not belong to the certificate',
      ],
      [
        'a key file every user may read',
        () => ({ BOT_CERTIFICATE_FILE: files.write('open.pem', `${bot.keyPem}${bot.certificatePem}`, 0o644) }),
        'readable by every user',
      ],
      [
        'a file without a key',
        () => ({ BOT_CERTIFICATE_FILE: files.write('nokey.pem', bot.certificatePem) }),
        'no PEM private key',
      ],
      [
        'a file without a certificate',
        () => ({ BOT_CERTIFICATE_FILE: files.write('nocert.pem', bot.keyPem) }),
        'no PEM certificate',
      ],
      [
        'a key file without a certificate file',
        () => ({ BOT_CERTIFICATE_KEY_FILE: files.write('k2.pem', bot.keyPem), BOT_PASSWORD: 'x' }),
        'needs BOT_CERTIFICATE_FILE',
      ],
      [
        'a certificate and a secret',
        () => ({
          BOT_CERTIFICATE_FILE: files.write('c3.pem', `${bot.keyPem}${bot.certificatePem}`),
          BOT_PASSWORD: 'x',
        }),
        'set only one',
      ],
      [
        'SingleTenant without BOT_TENANT_ID',
        () => ({
          BOT_APP_TYPE: 'SingleTenant',
          BOT_CERTIFICATE_FILE: files.write('c4.pem', `${bot.keyPem}${bot.certificatePem}`),
        }),
        'needs BOT_TENANT_ID',
      ],
    ])('refuses %s, without quoting the key', (_what, env, message) => {
      const text = refusal(() => readCredentials(env(), BOT_ID));
      expect(text).toContain(message);
      expect(text).not.toMatch(/-----BEGIN|MII/);
    });

    it('refuses a certificate that has expired (or is not valid yet)', () => {
      const file = files.write('dated.pem', `${bot.keyPem}${bot.certificatePem}`);
      const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
      expect(refusal(() => readCredentials({ BOT_CERTIFICATE_FILE: file }, BOT_ID, inThreeDays))).toContain(
        'expired on',
      );
      const yesterday = new Date(Date.now() - 86_400_000);
      expect(refusal(() => readCredentials({ BOT_CERTIFICATE_FILE: file }, BOT_ID, yesterday))).toContain(
        'not valid before',
      );
    });

    it('remembers the private key for redaction, whole and line by line', () => {
      const credentials = readCredentials(
        { BOT_CERTIFICATE_FILE: files.write('r.pem', `${bot.keyPem}${bot.certificatePem}`) },
        BOT_ID,
      );
      if (credentials.kind !== 'certificate') throw new Error('not a certificate');
      const line = credentials.privateKeyPem.split('\n')[3] as string;
      expect(withoutSecrets(`signing failed near ${line}`)).not.toContain(line);
      const original = bot.keyPem.split('\n')[5] as string;
      expect(withoutSecrets(`bad key ${original}`)).not.toContain(original);
      expect(JSON.stringify(credentials)).not.toContain(line);
      expect(inspect(credentials)).not.toContain(line);
    });
  });

  describe('a user-assigned managed identity', () => {
    it('needs BOT_TENANT_ID and no secret', () => {
      expect(refusal(() => readCredentials({ BOT_APP_TYPE: 'UserAssignedMSI' }, BOT_ID))).toContain(
        'needs BOT_TENANT_ID',
      );
      expect(
        refusal(() =>
          readCredentials({ BOT_APP_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT, BOT_PASSWORD: 'x' }, BOT_ID),
        ),
      ).toContain('needs no secret');
      expect(readCredentials({ BOT_APP_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT }, BOT_ID)).toEqual({
        botId: BOT_ID,
        kind: 'managed-identity',
        tenantId: TENANT,
      });
    });

    it('refuses an unknown app type, and a tenant on a MultiTenant app', () => {
      expect(refusal(() => readCredentials({ BOT_APP_TYPE: 'SystemMSI', BOT_PASSWORD: 'x' }, BOT_ID))).toContain(
        'BOT_APP_TYPE must be',
      );
      expect(
        refusal(() =>
          readCredentials({ BOT_APP_TYPE: 'MultiTenant', BOT_TENANT_ID: TENANT, BOT_PASSWORD: 'x' }, BOT_ID),
        ),
      ).toContain('BOT_TENANT_ID is for');
    });
  });
});
