import { VERB } from '../../cards/verbs';
import type { Policy } from '../../bot/policy/policy';
import type { FakeEstateExecutor } from '../support/fakes';
import { actionsOf, cardText, createTurnHarness, isaiah, POLICY } from '../support/turn-harness';

const PILOT: Policy = { ...POLICY, pilot: {} };

/** One request per changing operation of the catalogue, as the helpdesk (or an admin) writes it. */
const CHANGES: Array<[string, string, typeof isaiah | undefined]> = [
  ['client.reset_license_cache', 'reset the client license on PC-042', undefined],
  ['rdsh.set_licensing_mode', 'set RDSH01 to per user', undefined],
  ['rdsh.set_license_servers', 'point RDSH01 at LS1', undefined],
  ['rdsh.refresh_licensing_cert', 'refresh the licensing certificate on RDSH01', undefined],
  ['rdsh.restart_service', 'restart the licensing service on RDSH01', undefined],
  ['rdsh.reset_grace_period', 'reset the grace period on RDSH-LAB-02', isaiah],
];

describe('pilot mode', () => {
  it.each(CHANGES)(
    'refuses %s with the preview shown, stores nothing to confirm, and audits it',
    async (_intent, text, who) => {
      const bot = createTurnHarness({ policy: PILOT });
      const [answer] = await bot.say(text, who);
      expect(cardText(answer)).toContain('This bot is in pilot mode');
      expect(cardText(answer)).toContain('Preview only');
      expect(actionsOf(answer).map((action) => action.verb)).not.toContain(VERB.confirm);
      expect(actionsOf(answer).map((action) => action.verb)).not.toContain(VERB.submit);
      const calls = (bot.executor as FakeEstateExecutor).calls;
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.every((call) => call.whatIf)).toBe(true);
      expect(await bot.store.listByState('pending')).toEqual([]);
      const refused = (await bot.store.query({ limit: 20 })).filter((record) => record.kind === 'request.refused');
      expect(refused.map((record) => (record.data as { code: string }).code)).toEqual(['pilot_mode']);
    },
  );

  it('still answers every read: a diagnosis, the events, the licensing mode', async () => {
    const bot = createTurnHarness({ policy: PILOT });
    for (const text of [
      "what's wrong with RDSH01?",
      'show licensing events on RDSH01',
      'what licensing mode is RDSH01 in?',
    ]) {
      const [answer] = await bot.say(text);
      expect(cardText(answer)).not.toContain('pilot mode');
      expect(cardText(answer)).toContain('RDSH01');
    }
  });

  it('runs an operation the admin lifted pilot mode for, and keeps refusing the others', async () => {
    const bot = createTurnHarness({ policy: { ...POLICY, pilot: { lifted: ['client.reset_license_cache'] } } });
    const [plan] = await bot.say('reset the client license on PC-042');
    expect(actionsOf(plan).map((action) => action.title)).toContain('Confirm');
    const [held] = await bot.say('set RDSH01 to per user');
    expect(cardText(held)).toContain('An admin lifts pilot mode for "');
  });

  it('refuses the Confirm of a plan made before pilot mode was switched on, and changes nothing', async () => {
    const bot = createTurnHarness();
    const [plan] = await bot.say('reset the client license on PC-042');
    const confirm = actionsOf(plan).find((action) => action.title === 'Confirm');
    bot.deps.policy = PILOT;
    const response = await bot.click(VERB.confirm, confirm?.data);
    expect(cardText(response.value)).toContain('This bot is in pilot mode');
    const calls = (bot.executor as FakeEstateExecutor).calls;
    expect(calls.every((call) => call.whatIf)).toBe(true);
  });
});

describe('the pilot card', () => {
  it('shows what the change would do on each host, as a plan would', async () => {
    const bot = createTurnHarness({ policy: PILOT });
    const [answer] = await bot.say('set RDSH01 to per user');
    expect(cardText(answer)).toContain('PerDevice → PerUser');
    expect(cardText(answer)).toContain('The bot changed nothing.');
  });
});
