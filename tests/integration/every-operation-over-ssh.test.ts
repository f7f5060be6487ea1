import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JsonInventory } from '../../adapters/inventory/json-config';
import type { Intent, Params } from '../../bot/domain';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { labExecutor } from '../support/lab-executor';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const inventory = JsonInventory.load(process.env.RDSBOT_TEST_INVENTORY as string);
const executor = labExecutor(30_000);

const registry = (host: string) =>
  JSON.parse(readFileSync(hiveFile(lab, host), 'utf8')).registry as Record<string, unknown>;
const reseed = (host: string) => seedHive(lab, LAB_HOSTS.find((h) => h.name === host)!);
const run = (host: string, operation: Intent, params: Params, whatIf: boolean, requestId = 'it-op') =>
  executor.run({ requestId, host: inventory.find(host)!, operation, params, whatIf });

// Every changing operation from TypeScript over real SSH to a lab host: preview, run, rerun, rollback.
describe.each([
  ['client.reset_license_cache', 'PC-043', {}],
  ['rdsh.refresh_licensing_cert', 'RDSH01', { reboot: 'none' }],
  ['rdsh.reset_grace_period', 'RDSH01', { restart: 'later' }],
  ['rdsh.set_licensing_mode', 'RDSH01', { mode: 'PerUser' }],
  ['rdsh.set_license_servers', 'RDSH-LAB-02', { servers: ['LS1', 'LS2'] }],
] as Array<[Intent, string, Params]>)('%s on the lab host %s', (operation, host, params) => {
  it('previews without writing, changes what the preview said, reports no change on the rerun, and rolls back', async () => {
    reseed(host);
    const original = registry(host);
    const preview = await run(host, operation, params, true);
    expect(preview).toMatchObject({ whatIf: true, changed: true, backup: null });
    expect(registry(host)).toEqual(original);

    const result = await run(host, operation, params, false);
    expect(result).toMatchObject({ whatIf: false, changed: true, verified: true });
    expect(result.items).toEqual(preview.items);
    expect(registry(host)).not.toEqual(original);

    expect(await run(host, operation, params, false)).toMatchObject({ changed: false, backup: null });

    const rollback = await run(
      host,
      'request.rollback',
      { backup: basename(result.backup!.path) },
      false,
      'it-rollback',
    );
    expect(rollback).toMatchObject({ operation: 'request.rollback', changed: true });
    expect(registry(host)).toEqual(original);
  });
});

describe('Group Policy, restarts and the read-only operations on lab hosts', () => {
  it('refuses to set the mode where Group Policy sets it, and says why', async () => {
    reseed('RDSH02');
    const result = await run('RDSH02', 'rdsh.set_licensing_mode', { mode: 'PerDevice' }, false);
    expect(result.refused).toMatchObject({ code: 'gpo_managed' });
    expect(result.changed).toBe(false);
  });

  it('previews a TermService restart with the number of sessions it disconnects', async () => {
    reseed('RDSH01');
    const preview = await run('RDSH01', 'rdsh.restart_service', {}, true);
    expect(preview.impact).toMatchObject({ sessions: 3, restart: 'now' });
  });

  it('reads events, license-server reachability, CALs and a diagnosis', async () => {
    reseed('RDSH01');
    reseed('LS1');
    const events = await run('RDSH01', 'rdsh.events', { ids: [1128] }, false);
    expect(events.data).toMatchObject({ ids: [1128, 50280], count: 1 });
    const reach = await run('RDSH01', 'rdsh.test_license_server', { servers: ['LS1', 'LS2'] }, false);
    expect((reach.data?.servers as Array<{ good: boolean }>).map((s) => s.good)).toEqual([true, false]);
    const cals = await run('LS1', 'ls.cal_inventory', { type: 'PerUser' }, false);
    expect(cals.data).toMatchObject({ available: 7 });
    const diagnosis = await run('RDSH-LAB-02', 'licensing.diagnose', {}, false);
    expect(diagnosis.data).toMatchObject({ mode: 'NotConfigured', servers: [], graceDaysLeft: 3 });
  });
});
