import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { JsonInventory } from '../../adapters/inventory/json-config';
import { encodePayload } from '../../adapters/powershell/encode-payload';
import { descendantsOf } from '../../adapters/powershell/process-tree';
import { ENTRY_SCRIPT } from '../../adapters/powershell/pwsh-executor';
import { findPwsh } from '../../bot/config';
import { ExecutionError } from '../../bot/ports';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { labExecutor } from '../support/lab-executor';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const inventory = JsonInventory.load(process.env.RDSBOT_TEST_INVENTORY as string);
const executor = labExecutor(20_000);

function reseed(name: string): void {
  seedHive(lab, LAB_HOSTS.find((h) => h.name === name)!);
}

function hive(name: string): { registry: Record<string, unknown> } {
  return JSON.parse(readFileSync(hiveFile(lab, name), 'utf8'));
}

function run(name: string, whatIf: boolean, params: Record<string, unknown> = {}, requestId = 'it-1') {
  return executor.run({
    requestId,
    host: inventory.find(name)!,
    operation: 'client.reset_license_cache',
    params,
    whatIf,
  });
}

describe('the client license reset on a real lab host over PowerShell remoting over SSH', () => {
  beforeEach(() => ['PC-042', 'PC-043', 'PC-050'].forEach(reseed));

  it('previews with -WhatIf: reports what it would delete and writes nothing', async () => {
    const before = readFileSync(hiveFile(lab, 'PC-042'), 'utf8');
    const report = await run('PC-042', true);
    expect(report).toMatchObject({ ok: true, host: 'PC-042', whatIf: true, changed: true, backup: null });
    expect(report.items[0]).toMatchObject({
      path: 'HKLM\\SOFTWARE\\Microsoft\\MSLicensing',
      existed: true,
      subkeys: ['HardwareID', 'Store'],
      action: 'delete',
    });
    expect(readFileSync(hiveFile(lab, 'PC-042'), 'utf8')).toBe(before);
  });

  it('deletes the key for real, keeps a backup holding the old content, and reports no change on the rerun', async () => {
    const old = hive('PC-042').registry;
    const report = await run('PC-042', false);
    expect(report).toMatchObject({ whatIf: false, changed: true, verified: true });
    expect(Object.keys(hive('PC-042').registry).filter((k) => k.includes('MSLicensing'))).toEqual([]);

    const backup = JSON.parse(readFileSync(report.backup!.path, 'utf8'));
    const oldLicensing = Object.fromEntries(Object.entries(old).filter(([k]) => k.includes('MSLicensing')));
    expect(backup.registry).toEqual(oldLicensing);
    const sha = spawnSync('sha256sum', [report.backup!.path], { encoding: 'utf8' }).stdout.split(' ')[0];
    expect(report.backup!.sha256).toBe(sha);

    const rerun = await run('PC-042', false);
    expect(rerun).toMatchObject({ changed: false, backup: null });
  });

  it('acts on the WOW6432Node twin as well as the native key', async () => {
    const report = await run('PC-043', false);
    expect(report.items.map((i) => [i.path, i.action, i.after])).toEqual([
      ['HKLM\\SOFTWARE\\Microsoft\\MSLicensing', 'delete', 'absent'],
      ['HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\MSLicensing', 'delete', 'absent'],
    ]);
    expect(Object.keys(hive('PC-043').registry)).toEqual([]);
  });

  it('with scope "subkeys" deletes only HardwareID and Store and keeps the key', async () => {
    const report = await run('PC-042', false, { scope: 'subkeys' });
    expect(report.changed).toBe(true);
    expect(Object.keys(hive('PC-042').registry).filter((k) => k.includes('MSLicensing'))).toEqual([
      'HKLM\\SOFTWARE\\Microsoft\\MSLicensing',
    ]);
  });

  it('reports "no change" on a clean client without writing a backup', async () => {
    const report = await run('PC-050', false);
    expect(report).toMatchObject({ changed: false, backup: null });
  });

  it('reports a host with no sshd as unreachable, quickly', async () => {
    const started = Date.now();
    await expect(run('PC-DOWN', true)).rejects.toMatchObject({ code: 'host_unreachable' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('gives up on a host that never answers at the deadline and leaves no pwsh or ssh behind', async () => {
    const quick = labExecutor(4_000);
    const error = await quick
      .run({
        requestId: 'it-hang',
        host: inventory.find('PC-HANG')!,
        operation: 'client.reset_license_cache',
        params: {},
        whatIf: true,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecutionError);
    expect((error as ExecutionError).code).toBe('executor_timeout');
    await new Promise((r) => setTimeout(r, 200));
    const leftovers = descendantsOf(process.pid)
      .map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          return '';
        }
      })
      .filter((cmd) => /pwsh|ssh/.test(cmd));
    expect(leftovers).toEqual([]);
  });

  it('refuses a real (non-lab) host in local mode without starting anything', async () => {
    const real = {
      ...inventory.find('PC-042')!,
      transport: { ...(inventory.find('PC-042')!.transport as object), lab: false },
    };
    await expect(
      executor.run({
        requestId: 'it-2',
        host: real as never,
        operation: 'client.reset_license_cache',
        params: {},
        whatIf: true,
      }),
    ).rejects.toMatchObject({ code: 'target_refused' });
  });

  it.each([
    ['an unknown operation', { operation: 'run.script' }],
    ['an unknown parameter', { params: { path: 'HKLM\\SYSTEM' } }],
    ['a parameter outside its set', { params: { scope: 'key; Remove-Item C:\\' } }],
    ['a hostile request id', { requestId: "x'; whoami; #" }],
    [
      'a hostile host address',
      {
        target: {
          name: 'PC-042',
          transport: {
            type: 'ssh',
            address: '-oProxyCommand=calc',
            port: 22,
            user: 'root',
            keyFile: '/etc/hostname',
            knownHostsFile: '/etc/hostname',
          },
        },
      },
    ],
    [
      'a WinRM target on a Linux bot host (WinRM remoting needs Windows)',
      {
        target: {
          name: 'PC-042',
          transport: { type: 'winrm', computerName: 'pc-042.corp.contoso.com', configurationName: 'RdsLicensing' },
        },
      },
    ],
  ])('the entry script refuses %s and changes nothing', (_name, override) => {
    const good = {
      target: { name: 'PC-042', transport: inventory.find('PC-042')!.transport },
      operation: 'client.reset_license_cache',
      params: {},
      whatIf: false,
      requestId: 'it-3',
    };
    const before = readFileSync(hiveFile(lab, 'PC-042'), 'utf8');
    const result = spawnSync(
      findPwsh(process.env),
      [
        '-NoProfile',
        '-NonInteractive',
        '-File',
        ENTRY_SCRIPT,
        '-PayloadBase64',
        encodePayload({ ...good, ...override }),
      ],
      {
        encoding: 'utf8',
      },
    );
    const line = result.stdout.split('\n').find((l) => l.startsWith('RDSBOT-RESULT '));
    expect(JSON.parse(line!.slice('RDSBOT-RESULT '.length))).toMatchObject({ ok: false });
    expect(readFileSync(hiveFile(lab, 'PC-042'), 'utf8')).toBe(before);
  });
});

describe('the lab network', () => {
  const root = process.getuid?.() === 0;
  (root ? it : it.skip)('puts every lab host in its own network namespace when run as root', () => {
    const namespaces = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout;
    for (const host of LAB_HOSTS) expect(namespaces).toContain(`rdsbot${TEST_LAB_NET}-${host.octet}`);
    expect(inventory.find('PC-042')?.transport).toMatchObject({
      address: `169.254.${100 + TEST_LAB_NET}.11`,
      port: 22,
    });
  });
});
