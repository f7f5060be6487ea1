import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import {
  CertificateServiceClientCredentialsFactory,
  ManagedIdentityServiceClientCredentialsFactory,
} from 'botframework-connector';
import { credentialsFactory } from '../../../adapters/teams/bot-authentication';
import { readCredentials } from '../../../bot/credentials/bot-credentials';
import { credentialDir, makeCertificate } from '../../support/test-certificates';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';

describe('the credentials factory for each kind of bot credential', () => {
  const files = credentialDir();
  afterAll(() => files.remove());

  it('builds the configuration factory for a client secret, as before', async () => {
    const factory = credentialsFactory(readCredentials({ BOT_PASSWORD: 'x', BOT_TENANT_ID: TENANT }, BOT_ID));
    expect(factory).toBeInstanceOf(ConfigurationServiceClientCredentialFactory);
    expect(await factory.isValidAppId(BOT_ID)).toBe(true);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
  });

  it('builds the certificate factory with the thumbprint openssl shows and the chain as x5c', async () => {
    const certificate = makeCertificate(files.dir, 'bot');
    const file = files.write('bot.pem', `${certificate.keyPem}${certificate.certificatePem}`);
    const factory = credentialsFactory(readCredentials({ BOT_CERTIFICATE_FILE: file, BOT_TENANT_ID: TENANT }, BOT_ID));
    expect(factory).toBeInstanceOf(CertificateServiceClientCredentialsFactory);
    // Private fields, read only here: the SDK offers no other way to see what it was given.
    const given = factory as unknown as { certificateThumbprint: string; x5c: string; tenantId: string };
    expect(given.certificateThumbprint).toBe(certificate.thumbprint);
    expect(given.x5c).toBe(certificate.certificatePem.trim());
    expect(given.tenantId).toBe(TENANT);
    expect(await factory.isValidAppId(BOT_ID)).toBe(true);
    expect(await factory.isValidAppId('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(await factory.isAuthenticationDisabled()).toBeFalsy();
  });

  it('builds the managed identity factory for a user-assigned identity', async () => {
    const factory = credentialsFactory(
      readCredentials({ BOT_APP_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT }, BOT_ID),
    );
    expect(factory).toBeInstanceOf(ManagedIdentityServiceClientCredentialsFactory);
    expect(await factory.isValidAppId(BOT_ID)).toBe(true);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
  });

  it('turns authentication off only without credentials (local mode)', async () => {
    expect(await credentialsFactory(undefined).isAuthenticationDisabled()).toBe(true);
  });
});
