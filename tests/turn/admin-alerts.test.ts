import { generateKeyPairSync } from 'node:crypto';
import { AlertingAudit } from '../../bot/alerts/alerting-audit';
import { UnreachableWatch } from '../../bot/alerts/unreachable-watch';
import { CheckpointingAudit } from '../../bot/audit/checkpointing-audit';
import type { TargetReport } from '../../bot/domain';
import { silentLogger } from '../../bot/errors';
import { type CheckpointSink, ExecutionError, type ExecutionRequest, type Executor } from '../../bot/ports';
import { recoverInterrupted } from '../../bot/workflow/recover-interrupted';
import { VERB } from '../../cards/verbs';
import { FakeClientExecutor, host } from '../support/fakes';
import { actionsOf, APPROVERS_CHANNEL, createTurnHarness, isaiah } from '../support/turn-harness';

type Bot = ReturnType<typeof createTurnHarness>;

/** The admins' team channel, as Teams describes it. */
const ALERTS_CHANNEL = {
  conversation: { ...APPROVERS_CHANNEL.conversation, id: '19:ops@thread.tacv2;messageid=171' },
  channelData: { ...APPROVERS_CHANNEL.channelData, channel: { id: '19:ops@thread.tacv2', name: 'RDS alerts' } },
};

async function withAlertsChannel(bot: Bot): Promise<Bot> {
  await bot.say('<at>RDS Licensing Bot</at> use this channel for alerts', isaiah, ALERTS_CHANNEL);
  return bot;
}

const causes = (bot: Bot) => bot.notifier.alerts.map((posted) => posted.alert.cause);

/** A sink that never takes a checkpoint (a full disk), so appends fail closed once one is overdue. */
const refusing: CheckpointSink = {
  name: 'file (refusing)',
  last: () => undefined,
  write: () => {
    throw new Error('ENOSPC: no space left on device');
  },
};

describe('alerts raised by the bot itself', () => {
  it('posts checkpoint_missed and audit_fail_closed when no sink takes checkpoints and changes stop', async () => {
    const bot = await withAlertsChannel(createTurnHarness());
    const alerts = bot.alerts;
    // Composed as bot/main.ts does: the checkpointing log tells the alerts, and the workflow's log raises.
    bot.deps.audit = new AlertingAudit(
      new CheckpointingAudit(
        bot.store,
        bot.store,
        generateKeyPairSync('ed25519').privateKey,
        [refusing],
        { everyRecords: 1, everyMs: 3_600_000, failClosedAfterRecords: 1, failClosedAfterMs: 3_600_000 },
        bot.clock,
        silentLogger,
        (detail) => void alerts.raise('checkpoint_missed', detail),
      ),
      alerts,
    );
    const [plan] = await bot.say('reset the client license on PC-042');
    await bot.click(VERB.confirm, actionsOf(plan)[0]?.data);
    await bot.background.idle();
    await alerts.idle();
    expect(causes(bot)).toEqual(['checkpoint_missed', 'audit_fail_closed']);
    const failClosed = bot.notifier.alerts[1]?.alert;
    expect(failClosed?.detail).toEqual({ kind: 'request.confirmed', error: 'CheckpointsNotTaken' });
    expect(JSON.stringify(bot.notifier.alerts)).not.toContain('ENOSPC');

    // Within the interval: logged again, not posted again.
    await bot.say('reset the client license on PC-043');
    await alerts.idle();
    expect(causes(bot)).toEqual(['checkpoint_missed', 'audit_fail_closed']);
  });

  it('posts recovery_unknown_hosts when a restart cannot re-read a host of an interrupted run', async () => {
    const executor = new HangingExecutor();
    const clients = ['PC-042', 'PC-DOWN'].map((name) => host(name, 'client'));
    const first = await withAlertsChannel(createTurnHarness({ executor, hosts: clients }));
    const [plan] = await first.say('reset the client license on PC-042 and PC-DOWN');
    executor.hang = true;
    const confirm = actionsOf(plan).find((action) => action.title === 'Confirm');
    await first.click(VERB.confirm, confirm?.data);
    const requestId = String(confirm?.data.requestId);
    for (let i = 0; i < 200 && (await first.store.get(requestId))?.state !== 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    executor.hang = false;
    executor.down.add('PC-DOWN');

    const second = createTurnHarness({ executor, hosts: clients, databaseFile: first.databaseFile });
    await recoverInterrupted(second.deps);
    await second.alerts.idle();
    expect(causes(second)).toEqual(['recovery_unknown_hosts']);
    expect(second.notifier.alerts[0]?.alert.detail.hosts).toBe('PC-DOWN');
  });

  it('posts host_unreachable_repeatedly when a host does not answer three times in a row', async () => {
    const bot = await withAlertsChannel(createTurnHarness({ down: ['RDSH01'] }));
    bot.deps.executor = new UnreachableWatch(bot.deps.executor, bot.alerts);
    await bot.say('show licensing events on RDSH01');
    await bot.say('show licensing events on RDSH01');
    await bot.alerts.idle();
    expect(causes(bot)).toEqual([]);
    await bot.say('show licensing events on RDSH01');
    await bot.alerts.idle();
    expect(bot.notifier.alerts.map((posted) => posted.alert)).toEqual([
      {
        cause: 'host_unreachable_repeatedly',
        detail: { host: 'RDSH01', failures: 3, code: 'host_unreachable' },
        time: bot.clock.now().toISOString(),
      },
    ]);
  });
});

/** Real runs that never answer while `hang` is set (the process stops mid-run); `down` hosts refuse sessions. */
class HangingExecutor implements Executor {
  private readonly inner = new FakeClientExecutor();
  readonly down = new Set<string>();
  hang = false;

  async run(request: ExecutionRequest): Promise<TargetReport> {
    if (this.down.has(request.host.name)) throw new ExecutionError('host_unreachable', 'no session');
    if (!request.whatIf && this.hang) return new Promise(() => undefined);
    return this.inner.run(request);
  }
}
