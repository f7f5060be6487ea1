import { rememberPrivateKey, rememberSecret } from '../secrets/configured-secrets';
import { StartupError } from '../startup-error';
import { checkCertificate } from './certificate';
import { readPasswordFile, readPublicFile, readSecretFile } from './secret-file';

/**
 * The bot's Entra credential, exactly one of the kinds Azure Bot Service offers (ADR 0023). The
 * adapter turns it into the SDK's credentials factory; the core never sees an SDK type.
 */
export type BotCredentials = { botId: string; tenantId?: string } & (
  | { kind: 'secret'; password: string }
  | { kind: 'certificate'; thumbprint: string; certificatePem: string; privateKeyPem: string }
  | { kind: 'managed-identity'; tenantId: string }
);

const SECRET_FIELDS = ['password', 'privateKeyPem'];

/**
 * The credential with `JSON.stringify` and `util.inspect` showing the secret fields as [redacted]
 * (as botbuilder's own credential objects do): a config logged whole leaks nothing.
 */
function sealed(credentials: BotCredentials): BotCredentials {
  const shown = (): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(credentials).map(([key, value]) => [key, SECRET_FIELDS.includes(key) ? '[redacted]' : value]),
    );
  return Object.defineProperties(credentials, {
    toJSON: { value: shown, enumerable: false },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: shown, enumerable: false },
  });
}

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/**
 * BOT_PASSWORD or BOT_PASSWORD_FILE (client secret), BOT_CERTIFICATE_FILE (+ BOT_CERTIFICATE_KEY_FILE),
 * or BOT_APP_TYPE=UserAssignedMSI; BOT_TENANT_ID makes the app SingleTenant unless BOT_APP_TYPE says
 * otherwise. Files are read here, once. Secrets read are remembered for redaction by value.
 */
export function readCredentials(env: NodeJS.ProcessEnv, botId: string, now = new Date()): BotCredentials {
  const tenantId = env.BOT_TENANT_ID?.trim() || undefined;
  const appType = env.BOT_APP_TYPE?.trim() || (tenantId ? 'SingleTenant' : 'MultiTenant');
  if (!APP_TYPES.includes(appType)) throw new StartupError(`BOT_APP_TYPE must be one of ${APP_TYPES.join(', ')}`);
  if (appType !== 'MultiTenant' && !tenantId) throw new StartupError(`BOT_APP_TYPE=${appType} needs BOT_TENANT_ID`);
  if (appType === 'MultiTenant' && tenantId) {
    throw new StartupError('BOT_TENANT_ID is for SingleTenant and UserAssignedMSI apps; unset it or BOT_APP_TYPE');
  }
  const tenant = tenantId ? { tenantId } : {};

  const given = ['BOT_PASSWORD', 'BOT_PASSWORD_FILE', 'BOT_CERTIFICATE_FILE'].filter((name) => set(env[name]));
  if (set(env.BOT_CERTIFICATE_KEY_FILE) && !set(env.BOT_CERTIFICATE_FILE)) {
    throw new StartupError('BOT_CERTIFICATE_KEY_FILE needs BOT_CERTIFICATE_FILE');
  }
  if (appType === 'UserAssignedMSI') {
    if (given.length > 0)
      throw new StartupError(`BOT_APP_TYPE=UserAssignedMSI needs no secret; unset ${given.join(', ')}`);
    return sealed({ botId, kind: 'managed-identity', tenantId: tenantId as string });
  }
  if (given.length > 1) throw new StartupError(`set only one bot credential, not ${given.join(' and ')}`);
  if (given.length === 0) {
    throw new StartupError(
      'BOT_ID needs a credential: BOT_PASSWORD, BOT_PASSWORD_FILE, BOT_CERTIFICATE_FILE or BOT_APP_TYPE=UserAssignedMSI',
    );
  }

  if (given[0] === 'BOT_CERTIFICATE_FILE') {
    const certificateFile = (env.BOT_CERTIFICATE_FILE as string).trim();
    const keyFile = env.BOT_CERTIFICATE_KEY_FILE?.trim();
    // The certificate alone is public; whichever file holds the key must be readable by the bot only.
    const keyVariable = keyFile ? 'BOT_CERTIFICATE_KEY_FILE' : 'BOT_CERTIFICATE_FILE';
    const certificateText = keyFile
      ? readPublicFile('BOT_CERTIFICATE_FILE', certificateFile)
      : readSecretFile(keyVariable, certificateFile);
    const keyText = keyFile ? readSecretFile(keyVariable, keyFile) : certificateText;
    for (const block of keyText.match(/-----BEGIN [A-Z ]*PRIVATE KEY-----[^]*?-----END [A-Z ]*PRIVATE KEY-----/g) ??
      []) {
      rememberPrivateKey(block);
    }
    const { thumbprint, certificatePem, privateKeyPem } = checkCertificate(certificateText, keyText, keyVariable, now);
    rememberPrivateKey(privateKeyPem);
    return sealed({ botId, ...tenant, kind: 'certificate', thumbprint, certificatePem, privateKeyPem });
  }
  const password =
    given[0] === 'BOT_PASSWORD_FILE'
      ? readPasswordFile('BOT_PASSWORD_FILE', (env.BOT_PASSWORD_FILE as string).trim())
      : (env.BOT_PASSWORD as string);
  rememberSecret(password);
  return sealed({ botId, ...tenant, kind: 'secret', password });
}
