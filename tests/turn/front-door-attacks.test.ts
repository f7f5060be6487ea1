import type { Activity } from 'botbuilder';
import { VERB } from '../../cards/verbs';
import { type Bot, clickPayload, hostCalls, pendingAndSubmitted, snapshot } from '../support/request-fixture';
import { alex, cardText, createTurnHarness, FROM_ELSEWHERE, HOSTS, mallory, outsider } from '../support/turn-harness';

/**
 * The front door tried as an attacker would (issue 12): people the bot does not serve, on every verb
 * and with every kind of message, and forged identities. An attempt "got through" when it changed a
 * request, ran anything on a host, or showed a host name or a requester. The suite passes only when
 * that count is 0.
 */
type Extra = Partial<Activity>;

const STRANGERS: Array<[string, typeof alex, Extra]> = [
  ['no role', mallory, {}],
  ['another tenant', outsider, FROM_ELSEWHERE],
];
/** Forged identities: each must be refused whoever they claim to be. */
const FORGED: Array<[string, Extra]> = [
  ['two tenants in one activity', { channelData: { tenant: { id: 'tenant-elsewhere' } } }],
  ['no Entra object id', { from: { id: '29:alex', name: 'Alex Wilber' } }],
  ['an object id with PowerShell in it', { from: { id: '29:x', name: 'x', aadObjectId: 'oid-alex$(calc)' } }],
  ['another channel than Teams', { channelId: 'webchat' }],
];
const MESSAGES = [
  'reset the grace period on RDSH-LAB-02',
  'set the license servers on RDSH01 to LS1',
  'reset the client license on PC-04',
  "what's wrong with RDSH01?",
  'status of my last request',
  'cancel my last request',
  'show the audit log for RDSH01',
];
const hostNames = HOSTS.map((host) => host.name);

let tried = 0;
let through = 0;

/** Counts one attempt; it got through if anything changed or ran, or the answer shows a host or a requester. */
async function attempt(bot: Bot, act: () => Promise<unknown>): Promise<void> {
  const before = await snapshot(bot);
  const callsBefore = hostCalls(bot);
  const answer = cardText(await act());
  await bot.background.idle();
  tried += 1;
  const leaked = hostNames.some((name) => answer.includes(name)) || answer.includes('Alex Wilber');
  const changed = (await snapshot(bot)) !== before;
  const ran = hostCalls(bot) !== callsBefore;
  if (leaked || changed || ran) {
    through += 1;
    throw new Error(`got through: ${JSON.stringify({ leaked, changed, ran, answer: answer.slice(0, 300) })}`);
  }
}

describe('the front door under attack', () => {
  afterAll(() => console.log(`security: ${tried} tried, ${through} got through`));

  describe.each(STRANGERS)('someone with %s', (_who, user, extra) => {
    it.each(MESSAGES)('learns nothing from "%s"', async (text) => {
      const bot = createTurnHarness();
      await pendingAndSubmitted(bot);
      await attempt(bot, async () => (await bot.say(text, user, extra))[0]);
    });

    it.each(Object.values(VERB))('cannot use the %s button on requests that are not theirs', async (verb) => {
      const bot = createTurnHarness();
      const payload = clickPayload(verb, await pendingAndSubmitted(bot));
      await attempt(
        bot,
        async () => (await bot.click(verb, payload, user, verb.startsWith('approval.') ? { ...extra } : extra)).value,
      );
    });
  });

  it.each(FORGED)('refuses a message with %s', async (_what, forged) => {
    const bot = createTurnHarness();
    await pendingAndSubmitted(bot);
    await attempt(bot, async () => (await bot.say('reset the client license on PC-043', alex, forged))[0]);
  });
});
