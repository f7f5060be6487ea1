import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../bot/config';
import { ROOT } from '../../support/test-paths';

const UNIT = join(ROOT, 'deploy', 'systemd', 'rds-licensing-bot.service');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
const text = readFileSync(UNIT, 'utf8');

/** The `Key=value` lines of the unit, comments and section headers left out. */
function settings(): Array<[string, string]> {
  return text
    .split('\n')
    .filter((line) => /^[A-Za-z]+=/.test(line))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)];
    });
}

function valueOf(key: string): string | undefined {
  return settings().find(([name]) => name === key)?.[1];
}

/** The environment the unit gives the bot (Environment= lines only; the EnvironmentFile is the site's). */
function unitEnvironment(): Record<string, string> {
  return Object.fromEntries(
    settings()
      .filter(([name]) => name === 'Environment')
      .map(([, value]) => {
        const at = value.indexOf('=');
        return [value.slice(0, at), value.slice(at + 1)];
      }),
  );
}

describe('the systemd unit', () => {
  it('passes systemd-analyze verify with no unknown or ignored settings', () => {
    if (!existsSync(SYSTEMD_ANALYZE)) {
      throw new Error(`${SYSTEMD_ANALYZE} is missing: install systemd to check deploy/systemd (this test never skips)`);
    }
    // verify checks that ExecStart's program exists; /opt/rds-licensing-bot is not installed here.
    const dir = mkdtempSync(join(tmpdir(), 'rdsbot-unit-'));
    const copy = join(dir, 'rds-licensing-bot.service');
    writeFileSync(copy, text.replace(/^ExecStart=.*$/m, `ExecStart=${process.execPath} -e 0`));
    const result = spawnSync(SYSTEMD_ANALYZE, ['verify', copy], { encoding: 'utf8' });
    const out = `${result.stdout}${result.stderr}`;
    expect(out).not.toMatch(/unknown|ignoring|invalid|failed to parse/i);
    expect(result.status).toBe(0);
  });

  it('runs the built entry point, which the build makes from bot/start.ts', () => {
    expect(valueOf('ExecStart')).toBe('/usr/bin/node /opt/rds-licensing-bot/dist/bot/start.js');
    expect(existsSync(join(ROOT, 'bot', 'start.ts'))).toBe(true);
  });

  it('runs as a dynamic user with the password as a credential, never in the unit', () => {
    expect(valueOf('DynamicUser')).toBe('yes');
    expect(valueOf('LoadCredential')).toBe('bot-password:/etc/rds-licensing-bot/bot-password');
    expect(unitEnvironment().BOT_PASSWORD_FILE).toBe('%d/bot-password');
    expect(unitEnvironment().BOT_PASSWORD).toBeUndefined();
    expect(text).not.toMatch(/^\s*Environment=.*(SECRET|PASSWORD=|TOKEN|KEY=-----)/im);
    expect(text).not.toMatch(/-----BEGIN/);
  });

  it('makes the whole system read-only except its state directory, with no capabilities', () => {
    expect(valueOf('ProtectSystem')).toBe('strict');
    expect(valueOf('ProtectHome')).toBe('yes');
    expect(valueOf('NoNewPrivileges')).toBe('yes');
    expect(valueOf('CapabilityBoundingSet')).toBe('');
    expect(valueOf('StateDirectory')).toBe('rds-licensing-bot/data rds-licensing-bot/keys');
  });

  it('keeps the database in the state directory and the audit keys out of its folder, as the bot accepts', () => {
    // systemd puts the credential in $CREDENTIALS_DIRECTORY (%d), readable by the service only.
    const credentials = mkdtempSync(join(tmpdir(), 'rdsbot-credentials-'));
    writeFileSync(join(credentials, 'bot-password'), 'from the credential\n', { mode: 0o600 });
    const env = unitEnvironment();
    const config = readConfig(
      {
        ...env,
        BOT_PASSWORD_FILE: String(env.BOT_PASSWORD_FILE).replace('%d', credentials),
        BOT_ID: '11111111-2222-3333-4444-555555555555',
      },
      '/opt/rds-licensing-bot',
    );
    expect(config.credentials?.kind).toBe('secret');
    expect(config.databaseFile).toBe('/var/lib/rds-licensing-bot/data/bot.sqlite');
    expect(config.audit.signingKeyFile).toBe('/var/lib/rds-licensing-bot/keys/audit-signing-key.pem');
  });

  it('waits longer for a stop than the bot gives runs in flight to finish', () => {
    const grace = readConfig({ RDSBOT_LOCAL: '1' }).shutdownGraceMs / 1000;
    expect(valueOf('KillSignal')).toBe('SIGTERM');
    expect(Number(valueOf('TimeoutStopSec'))).toBeGreaterThan(grace);
    expect(valueOf('Restart')).toBe('on-failure');
  });
});
