import { readConfig } from '../../bot/config';
import type { Logger } from '../../bot/errors';
import { startBot } from '../../bot/main';
import { credentialDir, makeCertificate } from '../support/test-certificates';
import { teamsBotEnv } from '../support/teams-http';
import { ROOT, TEST_AUDIT_DB } from '../support/test-paths';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const SECRET = 'CANARYhttp~secret.5521-abcdefghijklmnopqrstu';

/** Every line the bot logged, as text, to look for what must never be in it. */
function recordingLog(): Logger & { text: () => string } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { info: keep('info'), warn: keep('warn'), error: keep('error'), text: () => lines.join('\n') };
}

/** The Teams-mode environment with no BOT_PASSWORD: each test gives its own credential. */
function teamsEnv(credential: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BOT_PASSWORD: _password, ...env } = teamsBotEnv(ROOT, TEST_AUDIT_DB, BOT_ID);
  return { ...env, BOT_TENANT_ID: TENANT, ...credential };
}

describe('the bot in Teams mode over real HTTP with each kind of credential', () => {
  const files = credentialDir();
  afterAll(() => files.remove());

  async function startAndKnock(env: NodeJS.ProcessEnv, secrets: string[]) {
    const log = recordingLog();
    const bot = await startBot(readConfig(env, ROOT), { log });
    try {
      const health = await fetch(`${bot.url}/health`);
      const anonymous = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: SECRET, serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
      });
      expect(health.status).toBe(200);
      expect(anonymous.status).toBe(401);
      const body = await anonymous.text();
      for (const secret of secrets) {
        expect(body).not.toContain(secret);
        expect(log.text()).not.toContain(secret);
      }
    } finally {
      await bot.close();
    }
  }

  it('starts with the client secret read from BOT_PASSWORD_FILE, checks tokens, and never logs the secret', async () => {
    const file = files.write('bot-password', `${SECRET}\n`);
    await startAndKnock(teamsEnv({ BOT_PASSWORD_FILE: file }), [SECRET]);
  });

  it('starts with a certificate credential, checks tokens, and never logs the private key', async () => {
    const certificate = makeCertificate(files.dir, 'bot');
    const file = files.write('bot.pem', `${certificate.keyPem}\n${certificate.certificatePem}`);
    const keyLine = certificate.keyPem.split('\n')[5] ?? '';
    await startAndKnock(teamsEnv({ BOT_CERTIFICATE_FILE: file }), [keyLine]);
  });

  it('refuses to start with a secret file others can read, naming the variable and not the secret', () => {
    const file = files.write('open-password', SECRET, 0o644);
    expect(() => readConfig(teamsEnv({ BOT_PASSWORD_FILE: file }), ROOT)).toThrow(/BOT_PASSWORD_FILE/);
    try {
      readConfig(teamsEnv({ BOT_PASSWORD_FILE: file }), ROOT);
    } catch (error) {
      expect((error as Error).message).not.toContain(SECRET);
    }
  });
});
