import {
  CallerIdConstants,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import {
  AuthenticationConstants,
  CertificateServiceClientCredentialsFactory,
  JwtTokenProviderFactory,
  ManagedIdentityServiceClientCredentialsFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { BotCredentials } from '../../bot/credentials/bot-credentials';

/**
 * The credentials factory for the Teams adapter, one per kind of credential (ADR 0023). With a bot
 * id, inbound requests must carry a valid Bot Framework token whose audience is that id (botbuilder
 * checks it; no token is 401). Without one, botbuilder turns authentication off entirely, which
 * main.ts allows only in explicit local mode on 127.0.0.1.
 */
export function credentialsFactory(credentials: BotCredentials | undefined): ServiceClientCredentialsFactory {
  if (!credentials)
    return new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' });
  switch (credentials.kind) {
    case 'secret':
      return new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: credentials.botId,
        MicrosoftAppPassword: credentials.password,
        MicrosoftAppType: credentials.tenantId ? 'SingleTenant' : 'MultiTenant',
        MicrosoftAppTenantId: credentials.tenantId,
      });
    case 'certificate':
      // Thumbprint computed at start-up (the SDK would otherwise shell out to openssl for it); the
      // chain as x5c so that an app registered by subject name and issuer accepts it too.
      return new CertificateServiceClientCredentialsFactory(
        credentials.botId,
        credentials.thumbprint,
        credentials.privateKeyPem,
        credentials.tenantId,
        credentials.certificatePem,
      );
    case 'managed-identity':
      // The identity's client id is the bot id; its token comes from the Azure host, no secret here.
      return new ManagedIdentityServiceClientCredentialsFactory(credentials.botId, new JwtTokenProviderFactory());
  }
}

/**
 * The Bot Framework settings with one change: channel tokens are verified against the keys in
 * `openIdMetadataUrl` instead of Microsoft's. Only the test harness passes one, in code (startBot's
 * overrides), so that tokens signed with a test key stand in for the Bot Framework's; the environment
 * can never set it (config.ts refuses the SDK's own override variables, security.md A2).
 */
export function harnessAuthConfig(openIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
