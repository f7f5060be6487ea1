import {
  CallerIdConstants,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

export interface BotCredentials {
  botId: string;
  password?: string;
  tenantId?: string;
}

/**
 * The credentials factory for the Teams adapter. With a bot id, inbound requests must carry a valid
 * Bot Framework token (botbuilder checks it; no token is 401). Without one, botbuilder turns
 * authentication off entirely, which main.ts allows only in explicit local mode on 127.0.0.1.
 */
export function credentialsFactory(
  credentials: BotCredentials | undefined,
): ConfigurationServiceClientCredentialFactory {
  if (!credentials)
    return new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' });
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.botId,
    MicrosoftAppPassword: credentials.password,
    MicrosoftAppType: credentials.tenantId ? 'SingleTenant' : 'MultiTenant',
    MicrosoftAppTenantId: credentials.tenantId,
  });
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
