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

  it('refuses a key given twice in one object, which JSON would silently resolve to the last one', () => {
    const policy = `{"tenants": ["t"], "roles": {"helpdesk": [], "approver": [], "approver": [{"oid": "x"}], "admin": []}}`;
    expect(() => loadPolicy(file(policy))).toThrow('the key "approver" appears twice in one object');
    const inventory = `{"hosts": [{"name": "RDSH01", "role": "session-host", "transport": {"type": "ssh", "address": "10.0.0.1", "address": "10.6.6.6"}}]}`;
    expect(() => JsonInventory.load(file(inventory))).toThrow('the key "address" appears twice in one object');
  });

  it('refuses a policy without tenants, naming the field', () => {
    expect(() => loadPolicy(file({ tenants: [], roles: { helpdesk: [], approver: [], admin: [] } }))).toThrow(
      'tenants must NOT have fewer than 1 items',
    );
  });

  it('reads per-operation rules and host groups, and names a rule that loosens nothing it may not', () => {
    const roles = { helpdesk: [], approver: [], admin: [] };
    const policy = loadPolicy(
      file({
        tenants: ['t'],
        roles,
        groups: { lab: { tags: ['lab'] }, fin: { names: ['RDSH-FIN*'] } },
        operations: {
          'rdsh.restart_service': { approvers: 2, window: { days: ['Mon'], from: '18:00', to: '06:00' } },
          'rdsh.set_license_servers': { groups: ['fin'], maxHosts: 5 },
        },
      }),
    );
    expect(policy.operations?.['rdsh.set_license_servers']?.groups).toEqual(['fin']);
  });

  it('refuses a rule naming an undefined group, an unknown operation, a bad window and an unknown field', () => {
    const roles = { helpdesk: [], approver: [], admin: [] };
    expect(() =>
      loadPolicy(file({ tenants: ['t'], roles, operations: { 'rdsh.restart_service': { groups: ['nowhere'] } } })),
    ).toThrow('operations.rdsh.restart_service.groups names "nowhere"');
    expect(() => loadPolicy(file({ tenants: ['t'], roles, operations: { 'rdsh.format_disk': {} } }))).toThrow(
      'rdsh.format_disk',
    );
    expect(() =>
      loadPolicy(
        file({
          tenants: ['t'],
          roles,
          operations: { 'rdsh.restart_service': { window: { from: '25:00', to: '06:00' } } },
        }),
      ),
    ).toThrow('operations.rdsh.restart_service.window.from');
    expect(() =>
      loadPolicy(file({ tenants: ['t'], roles, operations: { 'rdsh.restart_service': { approvers: 1, sudo: true } } })),
    ).toThrow('sudo');
  });
});
