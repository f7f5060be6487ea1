import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, JsonInventory, loadPolicy } from '../../../adapters/inventory/json-config';

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rdsbot-config-')), 'config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('inventory and policy files', () => {
  it('loads the corpus inventory', () => {
    const inventory = JsonInventory.load(join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'inventory.json'));
    expect(inventory.find('pc-042.corp.contoso.com')?.name).toBe('PC-042');
    expect(inventory.find('rdsh-lab-02')?.tags).toEqual(['lab']);
  });

  it.each([
    [
      'a host name with PowerShell syntax',
      { hosts: [{ name: 'PC-042$(calc)', role: 'client' }] },
      'hosts.0.name must match pattern',
    ],
    [
      'an unknown role',
      { hosts: [{ name: 'PC-1', role: 'server' }] },
      'hosts.0.role must be equal to one of the allowed values (client, session-host, license-server)',
    ],
    [
      'an unknown field',
      { hosts: [{ name: 'PC-1', role: 'client', password: 'x' }] },
      'hosts.0 must NOT have additional properties (password)',
    ],
    [
      'a transport without a key file',
      {
        hosts: [
          {
            name: 'PC-1',
            role: 'client',
            transport: { type: 'ssh', address: 'pc-1', port: 22, user: 'bot', knownHostsFile: 'k' },
          },
        ],
      },
      'hosts.0.transport',
    ],
    [
      'an ssh option as address',
      {
        hosts: [
          {
            name: 'PC-1',
            role: 'client',
            transport: {
              type: 'ssh',
              address: '-oProxyCommand=x',
              port: 22,
              user: 'u',
              keyFile: 'k',
              knownHostsFile: 'k',
            },
          },
        ],
      },
      'hosts.0.transport',
    ],
  ])('refuses %s, naming the field', (_name, content, message) => {
    expect(() => JsonInventory.load(file(content))).toThrow(ConfigError);
    expect(() => JsonInventory.load(file(content))).toThrow(message);
  });

  it('accepts a WinRM transport to a JEA endpoint', () => {
    const inventory = JsonInventory.load(
      file({
        hosts: [
          {
            name: 'RDSH01',
            role: 'session-host',
            transport: { type: 'winrm', computerName: 'rdsh01.corp.contoso.com', configurationName: 'RdsLicensing' },
          },
        ],
      }),
    );
    expect(inventory.find('RDSH01')?.transport).toMatchObject({ type: 'winrm', configurationName: 'RdsLicensing' });
  });

  it('refuses a host listed twice and a file that is not JSON', () => {
    expect(() =>
      JsonInventory.load(
        file({
          hosts: [
            { name: 'PC-1', role: 'client' },
            { name: 'pc-1', role: 'client' },
          ],
        }),
      ),
    ).toThrow('listed twice');
    expect(() => JsonInventory.load(file('{ not json'))).toThrow('not valid JSON');
  });

  it('refuses a policy without tenants, naming the field', () => {
    expect(() => loadPolicy(file({ tenants: [], roles: { helpdesk: [], approver: [], admin: [] } }))).toThrow(
      'tenants must NOT have fewer than 1 items',
    );
  });
});
