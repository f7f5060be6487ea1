import type { HostOutcome, TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import { recoverInterrupted } from '../../bot/workflow/recover-interrupted';
import { requestCard } from '../../cards/request-card';
import { VERB } from '../../cards/verbs';
import { FakeClientExecutor, host } from '../support/fakes';
import { actionsOf, alex, cardText, createTurnHarness, mallory } from '../support/turn-harness';

const CLIENTS = ['PC-040', 'PC-041', 'PC-042', 'PC-DOWN'].map((name) => host(name, 'client'));

/**
 * Client hosts that can stop a run the way a killed process does: `hangBefore` never answers and
 * changes nothing, `hangAfter` changes the host and never answers; `down` refuses every session.
 */
class StoppingExecutor implements Executor {
  readonly inner = new FakeClientExecutor();
  readonly hangBefore = new Set<string>();
  readonly hangAfter = new Set<string>();
  readonly down = new Set<string>();

  async run(request: ExecutionRequest): Promise<TargetReport> {
    const name = request.host.name;
    if (this.down.has(name)) throw new ExecutionError('host_unreachable', `${name} did not accept a session.`);
    if (!request.whatIf && this.hangBefore.has(name)) return new Promise(() => undefined);
    const report = await this.inner.run(request);
    if (!request.whatIf && this.hangAfter.has(name)) return new Promise(() => undefined);
    return report;
  }

  realRuns(name: string): number {
    return this.inner.realRuns().filter((call) => call.host.name === name).length;
  }
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Alex confirms a reset on every client; the run stops as `executor` says; a second process starts. */
async function interruptedRun(executor: StoppingExecutor) {
  const first = createTurnHarness({ executor, hosts: CLIENTS });
  const [plan] = await first.say('reset the client license on PC-040, PC-041, PC-042 and PC-DOWN');
  const confirm = actionsOf(plan).find((action) => action.title === 'Confirm');
  const requestId = String(confirm?.data.requestId);
  await first.click(VERB.confirm, confirm?.data);
  await until(async () =>
    (await first.store.query({ requestId, limit: 50 })).some((r) => r.kind === 'execution.host_result'),
  );
  const second = createTurnHarness({ executor, hosts: CLIENTS, databaseFile: first.databaseFile });
  return { second, requestId };
}

const byHost = (outcomes: HostOutcome[] = []) =>
  Object.fromEntries(outcomes.map((o) => [o.host, o.recovery ?? o.status]));

describe('a run the bot was stopped in, found at the next start', () => {
  it('keeps what was recorded, re-reads the rest as done, not done or unknown, and re-runs nothing', async () => {
    const executor = new StoppingExecutor();
    executor.hangAfter.add('PC-041');
    executor.hangBefore.add('PC-042').add('PC-DOWN');
    const { second, requestId } = await interruptedRun(executor);
    executor.hangAfter.clear();
    executor.hangBefore.clear();
    executor.down.add('PC-DOWN');

    const { recovered } = await recoverInterrupted(second.deps);

    expect(recovered.map((r) => r.id)).toEqual([requestId]);
    const request = await second.store.get(requestId);
    expect(request?.state).toBe('failed');
    expect(byHost(request?.outcome)).toEqual({
      'PC-040': 'succeeded',
      'PC-041': 'done',
      'PC-042': 'not-done',
      'PC-DOWN': 'unknown',
    });
    expect(['PC-040', 'PC-041', 'PC-042', 'PC-DOWN'].map((name) => executor.realRuns(name))).toEqual([1, 1, 0, 0]);
    const audit = await second.store.query({ requestId, limit: 50 });
    expect(audit.find((r) => r.kind === 'execution.recovered')?.data.hosts).toEqual([
      { host: 'PC-040', status: 'recorded done' },
      { host: 'PC-041', status: 'done' },
      { host: 'PC-042', status: 'not-done' },
      { host: 'PC-DOWN', status: 'unknown' },
    ]);
    const card = requestCard(second.notifier.last()!);
    expect(cardText(card)).toContain('Interrupted');
    expect(cardText(card)).toContain('PC-042**: not done');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Resume']);
  });

  it('resumes only the hosts not done or unknown, after a fresh look, once, and only for the requester or an approver', async () => {
    const executor = new StoppingExecutor();
    executor.hangBefore.add('PC-042').add('PC-DOWN');
    const { second, requestId } = await interruptedRun(executor);
    executor.hangBefore.clear();
    executor.down.add('PC-DOWN');
    await recoverInterrupted(second.deps);
    executor.down.clear();

    const stranger = await second.click(VERB.resume, { requestId }, mallory);
    expect(cardText(stranger.value)).toMatch(/only/i);

    const resumed = await second.click(VERB.resume, { requestId }, alex);
    expect(cardText(resumed.value)).toContain('Reset the client license cache on PC-042, PC-DOWN\n');
    const confirm = actionsOf(resumed.value).find((action) => action.title === 'Confirm');
    await second.click(VERB.confirm, confirm?.data);
    await second.background.idle();

    expect(['PC-040', 'PC-041', 'PC-042', 'PC-DOWN'].map((name) => executor.realRuns(name))).toEqual([1, 1, 1, 1]);
    expect((await second.store.get(String(confirm?.data.requestId)))?.state).toBe('succeeded');
    const again = await second.click(VERB.resume, { requestId }, alex);
    expect(cardText(again.value)).not.toContain('Confirm');
    expect(executor.realRuns('PC-042')).toBe(1);
  });

  it('ends as done when the re-read finds every host in the requested state', async () => {
    const executor = new StoppingExecutor();
    executor.hangAfter.add('PC-041').add('PC-042').add('PC-DOWN');
    const { second, requestId } = await interruptedRun(executor);
    executor.hangAfter.clear();
    await recoverInterrupted(second.deps);
    const request = await second.store.get(requestId);
    expect(request?.state).toBe('succeeded');
    expect(cardText(requestCard(request!))).toContain('Done (checked after a restart)');
  });
});
