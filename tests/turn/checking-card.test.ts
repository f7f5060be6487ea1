import type { TargetReport } from '../../bot/domain';
import type { ExecutionRequest, Executor } from '../../bot/ports';
import { FakeEstateExecutor } from '../support/fakes';
import { cardText, createTurnHarness } from '../support/turn-harness';

/** The lab estate, each host read taking `ms`. */
class SlowEstate implements Executor {
  readonly inner = new FakeEstateExecutor();
  constructor(private readonly ms: number) {}
  async run(request: ExecutionRequest): Promise<TargetReport> {
    await new Promise((r) => setTimeout(r, this.ms));
    return this.inner.run(request);
  }
}

const heading = (card: unknown) => cardText(card).split('\n')[0];

describe('the first answer while hosts are read', () => {
  it('says at once which hosts it is checking when they are slow, then replaces that card with the plan', async () => {
    const bot = createTurnHarness({ executor: new SlowEstate(150), checkingCardMs: 30 });
    const [answer] = await bot.say('reset the client license on PC-042 and PC-043');
    const [checking, replaced] = bot.timeline;
    expect(bot.timeline.map((step) => step.kind)).toEqual(['sent', 'updated']);
    expect(heading(checking?.card)).toBe('Checking 2 hosts…');
    expect(cardText(checking?.card)).toContain('PC-042, PC-043. Nothing is changed');
    expect(replaced?.id).toBe(checking?.id);
    expect(replaced?.card).toEqual(answer);
    expect(cardText(answer)).toContain('Confirm');
    // Later steps (approval, result) update the plan card, now living under the checking card's id.
    expect((await bot.store.lastByRequester('oid-alex'))?.cardActivityId).toBe(checking?.id);
  });

  it("names the one host of a slow read, and the read's report replaces it", async () => {
    const bot = createTurnHarness({ executor: new SlowEstate(150), checkingCardMs: 30 });
    await bot.say('what is wrong with RDSH01?');
    expect(heading(bot.timeline[0]?.card)).toBe('Checking RDSH01…');
    expect(bot.timeline[1]?.kind).toBe('updated');
  });

  it('sends only the answer when the hosts answer quickly', async () => {
    const bot = createTurnHarness({ executor: new SlowEstate(0), checkingCardMs: 500 });
    await bot.say('reset the client license on PC-042');
    expect(bot.timeline.map((step) => step.kind)).toEqual(['sent']);
  });

  it('sends no checking card for an answer that reads no host', async () => {
    const bot = createTurnHarness({ executor: new SlowEstate(150), checkingCardMs: 0 });
    await bot.say('help');
    expect(bot.timeline).toHaveLength(1);
  });
});
