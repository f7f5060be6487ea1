import { cardText, createTurnHarness, POLICY } from '../support/turn-harness';

describe('budgets in the chat', () => {
  it('reads a message of 2,000 characters and refuses a longer one, saying why', async () => {
    const bot = createTurnHarness();
    const padding = (length: number) => `reset the client license on PC-042 ${'please '.repeat(400)}`.slice(0, length);
    const [read] = await bot.say(padding(2000));
    expect(cardText(read)).toContain('PC-042');
    const [refused] = await bot.say(padding(2001));
    expect(cardText(refused)).toContain('That message is 2001 characters long; I read requests of up to 2000.');
  });

  it('points a repeated request at the plan already waiting instead of making another', async () => {
    const bot = createTurnHarness();
    await bot.say('reset the client license on PC-042');
    const [again] = await bot.say('Reset the client license on pc-042');
    expect(cardText(again)).toMatch(/You already have this plan waiting \(request req-\d+\)/);
    expect((await bot.store.listByState('pending')).length).toBe(1);
  });

  it('refuses a plan past the open plans a person may have, and counts only plans still waiting', async () => {
    const bot = createTurnHarness({ policy: { ...POLICY, limits: { openPlansPerUser: 1 } } });
    await bot.say('reset the client license on PC-042');
    const [second] = await bot.say('reset the client license on PC-043');
    expect(cardText(second)).toContain('You have 1 plan waiting for a Confirm or for approvals (at most 1).');
    bot.clock.advance(31 * 60_000); // the first plan has expired
    const [later] = await bot.say('reset the client license on PC-043');
    expect(cardText(later)).toContain('Confirm');
  });
});
