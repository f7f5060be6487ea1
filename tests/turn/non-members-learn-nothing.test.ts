import { VERB } from '../../cards/verbs';
import type { FakeEstateExecutor } from '../support/fakes';
import {
  actionsOf,
  alex,
  APPROVERS_CHANNEL,
  cardText,
  createTurnHarness,
  FROM_ELSEWHERE,
  HOSTS,
  isaiah,
  mallory,
  outsider,
} from '../support/turn-harness';

type Bot = ReturnType<typeof createTurnHarness>;

const MESSAGES = [
  'reset the grace period',
  'set the license servers on RDSH01',
  'reset the client license on PC-04',
  "what's wrong with RDSH01?",
  'status of my last request',
  'show the audit log for RDSH01',
  'help',
];

const hostNames = HOSTS.map((host) => host.name);
const leaks = (card: unknown) => hostNames.filter((name) => cardText(card).includes(name));

async function approvalWaiting(bot: Bot): Promise<string> {
  await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
  const [plan] = await bot.say('set RDSH01 to per user', alex);
  const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
  await bot.click(VERB.submit, { ...submit?.data, justification: 'INC-4711 users get event 1128' });
  return String(submit?.data.requestId);
}

describe('people the bot does not serve', () => {
  it.each([
    ['a user with no role', mallory, {}],
    ['a user of another tenant', outsider, FROM_ELSEWHERE],
  ])('%s learns nothing about hosts, whatever they write, and no host is read', async (_who, user, extra) => {
    const bot = createTurnHarness();
    for (const text of MESSAGES) {
      const cards = await bot.say(text, user, extra);
      expect(cards).toHaveLength(1);
      // The messages name RDSH01 themselves; the answer names no host at all, and suggests none.
      expect(leaks(cards[0])).toEqual([]);
      expect(cardText(cards[0])).not.toMatch(/did you mean/i);
    }
    expect((bot.executor as FakeEstateExecutor).calls).toHaveLength(0);
  });

  it('cannot read an approval card by its request id', async () => {
    const bot = createTurnHarness();
    const requestId = await approvalWaiting(bot);
    for (const [user, extra] of [
      [mallory, {}],
      [outsider, FROM_ELSEWHERE],
    ] as const) {
      const view = await bot.click(VERB.refresh, { requestId }, user, extra);
      expect(cardText(view.value)).not.toContain('Alex Wilber');
      expect(leaks(view.value)).toEqual([]);
    }
  });

  it('is audited once per person and reason an hour, with a count of the rest, and without their text', async () => {
    const bot = createTurnHarness();
    for (let i = 0; i < 30; i++) await bot.say(`reset PC-042 please, password=Hunter2-${i}`, mallory);
    const refused = (await bot.store.query({ limit: 100 })).filter((record) => record.kind === 'request.refused');
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]?.data)).not.toContain('Hunter2');
    bot.clock.advance(61 * 60_000);
    await bot.say('reset PC-042 please', mallory);
    const again = (await bot.store.query({ limit: 100 })).filter((record) => record.kind === 'request.refused');
    expect(again).toHaveLength(2);
    expect(again[0]?.data.refusedSinceLastRecord).toBe(29);
  });
});
