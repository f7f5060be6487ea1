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

  it('refuses settings that would redirect token validation', () => {
    expect(() => readConfig({ RDSBOT_LOCAL: '1', BotOpenIdMetadata: 'https://attacker.example/openid' })).toThrow(
      'must not be set',
    );
  });

  it('refuses a malformed number, naming the setting', () => {
    expect(() => readConfig({ RDSBOT_LOCAL: '1', PORT: 'eighty' })).toThrow('PORT must be a whole number');
  });
});
