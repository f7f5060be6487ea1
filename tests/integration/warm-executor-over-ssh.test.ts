import { readFileSync } from 'node:fs';
import { JsonInventory } from '../../adapters/inventory/json-config';
import { descendantsOf } from '../../adapters/powershell/process-tree';
import type { WarmPwshExecutor } from '../../adapters/powershell/warm-pwsh-executor';
import type { Intent, Params } from '../../bot/domain';
import { ExecutionError } from '../../bot/ports';
import { hiveFile, LAB_HOSTS, restartSshd, seedHive } from '../../lab/lab';
import { labExecutor, warmLabExecutor } from '../support/lab-executor';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const inventory = JsonInventory.load(process.env.RDSBOT_TEST_INVENTORY as string);
const reseed = (name: string) => seedHive(lab, LAB_HOSTS.find((h) => h.name === name)!);

const call = (
  executor: { run: WarmPwshExecutor['run'] },
  host: string,
  whatIf: boolean,
  operation: Intent = 'client.reset_license_cache',
  params: Params = {},
) => executor.run({ requestId: 'it-warm', host: inventory.find(host)!, operation, params, whatIf });

/** The ssh and pwsh processes this test process has started, by command line. */
function children(): string[] {
  return descendantsOf(process.pid)
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    })
    .filter((cmd) => /pwsh|ssh/.test(cmd));
}

describe('the warm executor on real lab hosts over PowerShell remoting over SSH', () => {
  let warm: WarmPwshExecutor;
  beforeEach(() => {
    ['PC-042', 'PC-043'].forEach(reseed);
    warm = warmLabExecutor(20_000, { processes: 2 });
  });
  afterEach(() => warm.close());

  it('answers exactly as the cold executor does, preview and change alike', async () => {
    const cold = await call(labExecutor(20_000), 'PC-042', true);
    const preview = await call(warm, 'PC-042', true);
    expect(preview).toEqual(cold);
    const change = await call(warm, 'PC-042', false);
    expect(change).toMatchObject({ whatIf: false, changed: true, verified: true });
    expect(await call(warm, 'PC-042', false)).toMatchObject({ changed: false, backup: null });
  });

  it('keeps one session per host: several calls, one pwsh process and one ssh connection for it', async () => {
    for (let i = 0; i < 4; i++) await call(warm, 'PC-042', true);
    const pids = warm.pids();
    expect(pids).toHaveLength(1);
    const ssh = children().filter((cmd) => /(^|\/)ssh /.test(cmd));
    expect(ssh).toHaveLength(1);
    await call(warm, 'PC-042', true);
    expect(warm.pids()).toEqual(pids);
  });

  it('runs a read-only operation on a session host through the same session machinery', async () => {
    const report = await call(warm, 'RDSH01', false, 'licensing.diagnose');
    expect(report).toMatchObject({ ok: true, host: 'RDSH01', operation: 'licensing.diagnose' });
  });

  it('rebuilds the session on the next call after the host dropped every connection', async () => {
    await call(warm, 'PC-043', true);
    await restartSshd(lab, 'PC-043');
    // The call that finds the session dead fails as unreachable, or (if the drop was noticed first) rebuilds.
    const next = await call(warm, 'PC-043', true).catch((error: unknown) => error);
    if (next instanceof ExecutionError) expect(next.code).toBe('host_unreachable');
    expect(await call(warm, 'PC-043', true)).toMatchObject({ ok: true, host: 'PC-043', whatIf: true });
  });

  it('gives up on a host that never answers at the deadline, leaves no process behind and serves the next call', async () => {
    const quick = warmLabExecutor(8_000, { processes: 1 });
    try {
      const error = await call(quick, 'PC-HANG', true).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExecutionError);
      expect((error as ExecutionError).code).toBe('executor_timeout');
      await new Promise((r) => setTimeout(r, 300));
      expect(quick.pids()).toEqual([]);
      expect(children()).toEqual([]);
      expect(await call(quick, 'PC-042', true)).toMatchObject({ ok: true, host: 'PC-042' });
    } finally {
      await quick.close();
    }
  });

  it('reports a host with no sshd as unreachable and stays usable', async () => {
    await expect(call(warm, 'PC-DOWN', true)).rejects.toMatchObject({ code: 'host_unreachable' });
    expect(await call(warm, 'PC-042', true)).toMatchObject({ ok: true });
  });

  it('closes every session and process on close', async () => {
    await call(warm, 'PC-042', true);
    await call(warm, 'RDSH01', false, 'licensing.diagnose');
    await warm.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(warm.pids()).toEqual([]);
    expect(children()).toEqual([]);
  });

  it('writes nothing on a preview', async () => {
    const before = readFileSync(hiveFile(lab, 'PC-042'), 'utf8');
    await call(warm, 'PC-042', true);
    expect(readFileSync(hiveFile(lab, 'PC-042'), 'utf8')).toBe(before);
  });
});
