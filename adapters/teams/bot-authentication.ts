import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

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
