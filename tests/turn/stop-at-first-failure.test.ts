import type { TargetReport } from '../../bot/domain';
import { ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import { requestCard } from '../../cards/request-card';
import { VERB } from '../../cards/verbs';
import { FakeClientExecutor, host } from '../support/fakes';
import { actionsOf, cardText, createTurnHarness, POLICY } from '../support/turn-harness';

const CLIENTS = ['PC-040', 'PC-041', 'PC-042', 'PC-043'].map((name) => host(name, 'client'));

/** PC-041 previews fine and then fails when the change runs (it went down in between). */
class FailsOnRun implements Executor {
  readonly inner = new FakeClientExecutor();
  async run(request: ExecutionRequest): Promise<TargetReport> {
    if (!request.whatIf && request.host.name === 'PC-041')
      throw new ExecutionError('host_unreachable', 'PC-041 did not accept a PowerShell session.');
    return this.inner.run(request);
  }
  realRuns(): string[] {
    return this.inner.realRuns().map((call) => call.host.name);
  }
}

async function confirmedResetOnFourClients(stopAtFirstFailure: boolean) {
  const executor = new FailsOnRun();
  const policy = { ...POLICY, operations: { 'client.reset_license_cache': { stopAtFirstFailure } } };
  const bot = createTurnHarness({ executor, hosts: CLIENTS, policy, concurrency: 1 });
  const [plan] = await bot.say('reset the client license on PC-040, PC-041, PC-042 and PC-043');
  const confirm = actionsOf(plan).find((action) => action.title === 'Confirm');
  await bot.click(VERB.confirm, confirm?.data);
  await bot.background.idle();
  const request = await bot.store.get(String(confirm?.data.requestId));
  return { executor, bot, request };
}

describe('a policy that stops a batch at the first failure', () => {
  it('starts no client after the first one fails, and the card says which were not started', async () => {
    const { executor, bot, request } = await confirmedResetOnFourClients(true);
    expect(executor.realRuns()).toEqual(['PC-040']);
    expect(request?.state).toBe('failed');
    expect(request?.outcome?.map((o) => o.error?.code ?? o.status)).toEqual([
      'succeeded',
      'host_unreachable',
      'not_started',
      'not_started',
    ]);
    expect(cardText(requestCard(bot.notifier.last()!))).toContain('Not started: PC-041 failed first');
    const audited = (await bot.store.query({ requestId: request?.id, limit: 50 }))
      .reverse()
      .filter((record) => record.kind === 'execution.host_result');
    expect(
      audited.map((record) => [record.data.host, (record.data.error as { code?: string } | undefined)?.code]),
    ).toEqual([
      ['PC-040', undefined],
      ['PC-041', 'host_unreachable'],
      ['PC-042', 'not_started'],
      ['PC-043', 'not_started'],
    ]);
  });

  it('runs every client by default, past a failure', async () => {
    const { executor, request } = await confirmedResetOnFourClients(false);
    expect(executor.realRuns()).toEqual(['PC-040', 'PC-042', 'PC-043']);
    expect(request?.outcome?.filter((o) => o.status === 'failed').map((o) => o.host)).toEqual(['PC-041']);
  });
});
