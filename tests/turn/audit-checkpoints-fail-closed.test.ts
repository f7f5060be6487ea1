import { generateKeyPairSync } from 'node:crypto';
import { CheckpointingAudit } from '../../bot/audit/checkpointing-audit';
import { silentLogger } from '../../bot/errors';
import type { CheckpointSink } from '../../bot/ports';
import { VERB } from '../../cards/verbs';
import type { FakeEstateExecutor } from '../support/fakes';
import { actionsOf, cardText, createTurnHarness } from '../support/turn-harness';

/** A sink that never takes a checkpoint: a full disk on the file's volume, a syslog server gone. */
const refusing: CheckpointSink = {
  name: 'file (refusing)',
  last: () => undefined,
  write: () => {
    throw new Error('ENOSPC: no space left on device');
  },
};

function botWithRefusingSink() {
  const bot = createTurnHarness();
  bot.deps.audit = new CheckpointingAudit(
    bot.store,
    bot.store,
    generateKeyPairSync('ed25519').privateKey,
    [refusing],
    { everyRecords: 1, everyMs: 3_600_000, failClosedAfterRecords: 1, failClosedAfterMs: 3_600_000 },
    bot.clock,
    silentLogger,
  );
  return bot;
}

describe('when no sink takes the audit checkpoints', () => {
  it('refuses the Confirm with the audit code, and nothing runs on the host', async () => {
    const bot = botWithRefusingSink();
    const [plan] = await bot.say('reset the client license on PC-042');
    expect(cardText(plan)).toContain('Reset the client license cache on PC-042');
    const response = await bot.click(VERB.confirm, actionsOf(plan)[0]?.data);
    await bot.background.idle();
    expect(cardText(response.value)).toContain('audit_unavailable');
    expect(cardText(response.value)).toContain('The audit log is not taking records now');
    expect(cardText(response.value)).not.toContain('ENOSPC');
    expect((bot.executor as FakeEstateExecutor).realRuns()).toHaveLength(0);
  });

  it('plans no further change, and still answers a read', async () => {
    const bot = botWithRefusingSink();
    await bot.say('reset the client license on PC-042');
    const [second] = await bot.say('reset the client license on PC-043');
    expect(cardText(second)).toContain('audit_unavailable');
    const [read] = await bot.say('show licensing events on RDSH01');
    expect(cardText(read)).not.toContain('audit_unavailable');
    expect((bot.executor as FakeEstateExecutor).realRuns('rdsh.events')).toHaveLength(1);
    expect((bot.executor as FakeEstateExecutor).realRuns('client.reset_license_cache')).toHaveLength(0);
  });
});
