import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../bot/config';
import { checkConfig } from '../../../bot/tools/doctor-config';
import { ROOT } from '../../support/test-paths';

const BOT_ID = '11111111-2222-3333-4444-555555555555';

function teamsConfig(tenant: string, inventory: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-doctor-config-'));
  const password = join(dir, 'bot-password');
  writeFileSync(password, 'a-secret-of-some-length\n', { mode: 0o600 });
  return readConfig(
    {
      BOT_ID,
      BOT_TENANT_ID: tenant,
      BOT_PASSWORD_FILE: password,
      INVENTORY_FILE: inventory,
      POLICY_FILE: join(ROOT, 'config/policy.local.json'),
      DATABASE_FILE: join(dir, 'db', 'bot.sqlite'),
      XDG_CONFIG_HOME: join(dir, 'config'),
    },
    ROOT,
  );
}

describe('the doctor on the configuration', () => {
  it('fails a single-tenant bot whose tenant the policy does not serve, and a missing inventory', async () => {
    const { report, hosts } = await checkConfig(
      teamsConfig('99999999-8888-7777-6666-555555555555', '/nonexistent.json'),
    );
    const byName = Object.fromEntries(report.checks.map((check) => [check.name, check]));
    expect(byName.inventory).toMatchObject({ result: 'failed' });
    expect(byName.Teams?.detail).toContain('is not among the policy');
    expect(byName.policy).toMatchObject({ result: 'ok' });
    expect(hosts).toEqual([]);
  });

  it('passes the example inventory and a tenant the policy serves, naming the credential kind', async () => {
    const { report, hosts } = await checkConfig(
      teamsConfig('00000000-0000-0000-0000-0000000000001', join(ROOT, 'config/inventory.example.json')),
    );
    expect(report.checks.filter((check) => check.result === 'failed')).toEqual([]);
    expect(report.checks.find((check) => check.name === 'Teams')?.detail).toContain('secret credential');
    expect(hosts.length).toBeGreaterThan(0);
  });
});
