import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../bot/config';

describe('start-up configuration', () => {
  it('refuses to start without BOT_ID unless local mode is asked for explicitly', () => {
    expect(() => readConfig({})).toThrow('BOT_ID is not set');
  });

  it('binds local mode to 127.0.0.1 only', () => {
    expect(readConfig({ RDSBOT_LOCAL: '1' })).toMatchObject({ local: true, host: '127.0.0.1', port: 3978 });
    expect(() => readConfig({ RDSBOT_LOCAL: '1', HOST: '0.0.0.0' })).toThrow('127.0.0.1 only');
  });

  it('needs a GUID bot id, a password and explicit inventory and policy files in Teams mode', () => {
    expect(() => readConfig({ BOT_ID: 'bot' })).toThrow('GUID');
    expect(() => readConfig({ BOT_ID: '11111111-2222-3333-4444-555555555555' })).toThrow('BOT_PASSWORD');
    expect(() => readConfig({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'x' })).toThrow(
      'INVENTORY_FILE',
    );
  });

  it('reads the credential from a file only the bot can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdsbot-config-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 'a-secret-from-a-file\n', { mode: 0o600 });
    const env = { BOT_ID: '11111111-2222-3333-4444-555555555555', INVENTORY_FILE: 'i.json', POLICY_FILE: 'p.json' };
    expect(readConfig({ ...env, BOT_PASSWORD_FILE: file }).credentials).toMatchObject({
      kind: 'secret',
      password: 'a-secret-from-a-file',
    });
    expect(() => readConfig({ ...env, BOT_PASSWORD_FILE: file, BOT_PASSWORD: 'x' })).toThrow('set only one');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses settings that would redirect token validation', () => {
    expect(() => readConfig({ RDSBOT_LOCAL: '1', BotOpenIdMetadata: 'https://attacker.example/openid' })).toThrow(
      'must not be set',
    );
  });

  it('refuses a malformed number, naming the setting', () => {
    expect(() => readConfig({ RDSBOT_LOCAL: '1', PORT: 'eighty' })).toThrow('PORT must be a whole number');
  });
});
