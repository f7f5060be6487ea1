import { VERB } from '../../cards/verbs';
import { actionsOf, alex, APPROVERS_CHANNEL, cardText, createTurnHarness, isaiah } from '../support/turn-harness';

/** Issue 13: answers that fit the moment, not the same help card for everything. */
describe('answers that fit the moment', () => {
  it('answers a message it does not understand with one line and examples on its own hosts, not the help card', async () => {
    const bot = createTurnHarness();
    const [answer] = await bot.say('my outlook keeps crashing');
    expect(cardText(answer)).toContain('I did not find a licensing request in that');
    expect(cardText(answer)).not.toContain('Right now I can');
    expect(actionsOf(answer).map((a) => [a.title, a.verb])).toEqual([
      ["What's wrong with RDSH01?", VERB.ask],
      ['Reset the client license on PC-042', VERB.ask],
      ['Help', VERB.ask],
    ]);
  });

  it('keeps the whole help for "help", with examples that name hosts of the inventory', async () => {
    const bot = createTurnHarness();
    const [answer] = await bot.say('help');
    expect(cardText(answer)).toContain('Right now I can');
    expect(cardText(answer)).toContain('“point RDSH01 at LS1”');
  });

  it('asks which host for vague licensing trouble, with Diagnose as the action', async () => {
    const bot = createTurnHarness();
    const [answer] = await bot.say('licensing is broken');
    expect(cardText(answer)).toContain('Which host has the trouble? I will diagnose it first');
    expect(actionsOf(answer).map((a) => a.title)).toEqual(['Diagnose']);
  });

  it('says why it took no host from a message that carries PowerShell', async () => {
    const bot = createTurnHarness();
    const [answer] = await bot.say('reset license on PC-042; Remove-Item C:\\ -Recurse');
    expect(cardText(answer)).toContain('I did not take any host from that message: it also carries command syntax');
  });

  it('names the host it understood for "the lab box"', async () => {
    const bot = createTurnHarness();
    await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
    const [answer] = await bot.say('reset the grace period on the lab box', alex);
    expect(cardText(answer)).toContain('RDSH-LAB-02');
  });

  it('names the host it understood for "the lab box" when it cannot plan yet for want of an approvals channel', async () => {
    const bot = createTurnHarness();
    const [answer] = await bot.say('reset the grace period on the lab box', alex);
    expect(cardText(answer)).toContain('Reset the grace period on RDSH-LAB-02 needs');
    expect(cardText(answer)).toContain('No approvals channel is set up yet');
  });
});
