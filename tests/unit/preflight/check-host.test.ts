import { failed, ok, type SessionProbe } from '../../../bot/preflight/check';
import { checkHost } from '../../../bot/preflight/check-host';
import { doctorSummary, doctorTable } from '../../../bot/preflight/doctor-table';
import type { Host, TargetReport } from '../../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../../bot/ports';

const RDSH: Host = {
  name: 'RDSH01',
  role: 'session-host',
  tags: [],
  users: [],
  transport: { type: 'ssh', address: '10.0.0.21', port: 22, user: 'svc', keyFile: '/k', knownHostsFile: '/kh' },
};

const sessionOk: SessionProbe = {
  probe: async () => [ok('reach', 'answers'), ok('host key', 'matches'), ok('sign-in', 'signed in')],
};

function executor(
  answer: (request: ExecutionRequest) => TargetReport | Error,
): Executor & { calls: ExecutionRequest[] } {
  const calls: ExecutionRequest[] = [];
  return {
    calls,
    run: async (request) => {
      calls.push(request);
      const result = answer(request);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const report = (data: Record<string, unknown> = {}): TargetReport =>
  ({ host: 'RDSH01', operation: 'licensing.diagnose', changed: false, data }) as unknown as TargetReport;

const deps = (run: Executor, probe = sessionOk) => ({
  probe,
  executor: run,
  moduleVersion: '0.2.0',
  timeoutSeconds: 20,
});

describe('checking one host', () => {
  it('passes every check of a healthy session host, and only reads or previews there', async () => {
    const run = executor(() => report({ mode: 'PerUser', modeSource: 'Local', serversSource: 'Local' }));
    const result = await checkHost(RDSH, deps(run));
    expect(result.checks.map((check) => check.result)).toEqual(Array(7).fill('ok'));
    expect(run.calls.every((call) => !call.operation.startsWith('rdsh.set') || call.whatIf)).toBe(true);
  });

  it('stops at the session layer and marks what it could not try', async () => {
    const probe: SessionProbe = {
      probe: async () => [ok('reach', 'answers'), failed('host key', 'not the pin', 'fix it')],
    };
    const run = executor(() => report());
    const result = await checkHost(RDSH, deps(run, probe));
    expect(result.checks.map((check) => `${check.name}:${check.result}`)).toEqual([
      'reach:ok',
      'host key:failed',
      'sign-in:skipped',
      'PowerShell:skipped',
      'module:skipped',
      'registry reads:skipped',
      'Group Policy:skipped',
    ]);
    expect(run.calls).toEqual([]);
  });

  it('names a timeout as PowerShell not answering, and a refusal there as the module', async () => {
    const hung = await checkHost(RDSH, deps(executor(() => new ExecutionError('executor_timeout', 'late'))));
    expect(hung.checks.find((check) => check.name === 'PowerShell')?.detail).toContain('did not answer within 20 s');
    const refused = await checkHost(RDSH, deps(executor(() => new ExecutionError('target_failed', 'no such command'))));
    expect(refused.checks.find((check) => check.name === 'module')).toMatchObject({ result: 'failed' });
  });

  it('fails a read the account may not make, naming the operation', async () => {
    const run = executor((request) =>
      request.operation === 'rdsh.events'
        ? new ExecutionError('target_failed', 'access denied')
        : report({ mode: 'PerUser' }),
    );
    const result = await checkHost(RDSH, deps(run));
    expect(result.checks.find((check) => check.name === 'registry reads')?.detail).toBe('rdsh.events: access denied');
  });

  it('fails a session host whose licensing mode Group Policy owns, with the GPO path to change', async () => {
    const run = executor(() => report({ mode: 'PerDevice', modeSource: 'GroupPolicy', serversSource: 'Local' }));
    const result = await checkHost(RDSH, deps(run));
    const policy = result.checks.find((check) => check.name === 'Group Policy');
    expect(policy).toMatchObject({ result: 'failed' });
    expect(policy?.fix).toContain('Remote Desktop Session Host > Licensing');
  });
});

describe('the doctor table', () => {
  it('puts the host on its first row, marks each check, and sums up who fails', () => {
    const config = { host: '(configuration)', transport: 'local mode', checks: [ok('inventory', '1 host')] };
    const host = {
      host: 'PC-DOWN',
      transport: 'ssh svc@10.0.0.5:22',
      checks: [failed('reach', 'no answer', 'start sshd')],
    };
    const table = doctorTable([config, host]);
    expect(table).toMatch(/^Host +Transport +Check +Result$/m);
    expect(table).toMatch(/^PC-DOWN +ssh svc@10\.0\.0\.5:22 +reach +✗ no answer\. Fix: start sshd$/m);
    expect(doctorSummary(config, [host])).toBe('configuration ok; 0 of 1 hosts ready; failing: PC-DOWN (reach)');
  });
});
