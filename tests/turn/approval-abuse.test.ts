// Over 250 lines on purpose: the abuse suite is one table of attacks counted in one line
// (`approval abuse: N tried, 0 approved`), so it stays one file.
import type { Activity } from 'botbuilder';
import { VERB } from '../../cards/verbs';
import type { Policy } from '../../bot/policy/policy';
import { approveRequest } from '../../bot/workflow/approve-request';
import { runRequest } from '../../bot/workflow/run-request';
import type { FakeEstateExecutor } from '../support/fakes';
import {
  actionsOf,
  adele,
  alex,
  APPROVERS_CHANNEL,
  createTurnHarness,
  gus,
  isaiah,
  lee,
  mallory,
  megan,
  POLICY,
  TENANT,
} from '../support/turn-harness';

/**
 * Every approval attack in shared/design/security.md (§2.5, T-ID-*, T-APR-*, cards 39-51), each tried
 * against a request waiting for approval. "Approved" means the attempt added a vote, or a change ran
 * that should not have. The suite passes only when that count is 0.
 */

type Bot = ReturnType<typeof createTurnHarness>;
type User = typeof alex;

const inChannel = { conversation: APPROVERS_CHANNEL.conversation, channelData: APPROVERS_CHANNEL.channelData };

async function submittedRequest(bot: Bot, text = 'set RDSH01 to per user') {
  const [plan] = await bot.say(text);
  const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
  await bot.click(VERB.submit, { ...submit?.data, justification: 'INC-4711 users get event 1128' });
  return { requestId: String(submit?.data.requestId), data: submit?.data as Record<string, unknown> };
}

async function freshBot(policy?: Policy): Promise<Bot> {
  const bot = createTurnHarness(policy ? { policy } : {});
  await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
  return bot;
}

async function votes(bot: Bot, requestId: string): Promise<number> {
  return (await bot.store.get(requestId))?.approval?.votes.length ?? 0;
}

function runs(bot: Bot): number {
  return (bot.executor as FakeEstateExecutor).realRuns().length;
}

let tried = 0;
let approved = 0;

type Made = { bot: Bot; requestId: string; data: Record<string, unknown> };

/**
 * One attack on a request (by default a fresh one waiting for approval): `act` gets the bot and the
 * genuine card data; whatever votes or runs it causes beyond `expected` count as approved.
 */
async function attack(
  name: string,
  act: (bot: Bot, data: Record<string, unknown>) => Promise<unknown>,
  options: { setup?: () => Promise<Made>; expected?: { votes?: number; runs?: number } } = {},
): Promise<void> {
  const { bot, requestId, data } = await (options.setup ?? pending)();
  const votesBefore = await votes(bot, requestId);
  const runsBefore = runs(bot);
  await act(bot, data);
  await bot.background.idle();
  const addedVotes = (await votes(bot, requestId)) - votesBefore - (options.expected?.votes ?? 0);
  const addedRuns = runs(bot) - runsBefore - (options.expected?.runs ?? 0);
  tried += 1;
  if (addedVotes > 0 || addedRuns > 0) {
    approved += 1;
    throw new Error(`${name}: ${addedVotes} unexpected vote(s), ${addedRuns} unexpected run(s)`);
  }
}

function click(bot: Bot, verb: string, data: unknown, who: User, extra: Partial<Activity> = inChannel) {
  return bot.click(verb, data, who, extra);
}

async function pending() {
  const bot = await freshBot();
  const { requestId, data } = await submittedRequest(bot);
  return { bot, requestId, data };
}

describe('approval abuse: nobody gets a change approved who should not', () => {
  afterAll(() => {
    console.log(`approval abuse: ${tried} tried, ${approved} approved`);
  });

  it('refuses self-approval, by object id, whatever the display name, channel id or letter case', async () => {
    await attack('self-approval', (bot, data) => click(bot, VERB.approve, data, alex));
    await attack('self-approval with another from.id', (bot, data) =>
      click(bot, VERB.approve, data, { ...alex, id: '29:megan' }),
    );
    await attack("self-approval under an approver's display name", (bot, data) =>
      click(bot, VERB.approve, data, { ...alex, name: 'Megan Bowen' }),
    );
    await attack('self-approval with the object id in upper case', (bot, data) =>
      click(bot, VERB.approve, data, { ...alex, aadObjectId: 'OID-ALEX' }),
    );
    // Someone who is both helpdesk and approver asks, then approves their own request.
    const both: Policy = JSON.parse(JSON.stringify(POLICY)) as Policy;
    both.roles.helpdesk.push({ oid: 'oid-megan' });
    let bot: Bot | undefined;
    await attack('self-approval by an approver who asked', (target, data) => click(target, VERB.approve, data, megan), {
      setup: async () => {
        bot = await freshBot(both);
        const [plan] = await bot.say('set RDSH01 to per user', megan);
        const data = actionsOf(plan).find((action) => action.title === 'Ask for approval')?.data as Record<
          string,
          unknown
        >;
        await bot.click(VERB.submit, { ...data, justification: 'INC-1 self' }, megan);
        return { bot, requestId: String(data.requestId), data };
      },
    });
    const denied = (await bot!.store.query({ limit: 20 })).find((record) => record.kind === 'approval.denied');
    expect(denied?.data.code).toBe('self_approval');
  });

  it('refuses people without the approver role: helpdesk, admin, nobody, a guest', async () => {
    for (const who of [adele, isaiah, mallory, gus]) {
      await attack(`approval by ${who.name}`, (bot, data) => click(bot, VERB.approve, data, who));
    }
  });

  it('refuses another tenant, a message naming two tenants, and a missing object id', async () => {
    const other = {
      conversation: { ...APPROVERS_CHANNEL.conversation, tenantId: 'tenant-fabrikam' },
      channelData: { ...APPROVERS_CHANNEL.channelData, tenant: { id: 'tenant-fabrikam' } },
    };
    const mixed = { conversation: APPROVERS_CHANNEL.conversation, channelData: { tenant: { id: 'tenant-fabrikam' } } };
    for (const [name, extra, who] of [
      ['another tenant', other, megan],
      ['two tenants', mixed, megan],
      ['no object id', inChannel, { ...megan, aadObjectId: undefined as unknown as string }],
    ] as const) {
      await attack(name, (bot, data) => click(bot, VERB.approve, data, who, extra));
    }
  });

  it('refuses an approver whose role was revoked before approving, and does not run if revoked after', async () => {
    const policy: Policy = JSON.parse(JSON.stringify(POLICY)) as Policy;
    await attack('revoked before approval', (bot, data) => click(bot, VERB.approve, data, megan), {
      setup: async () => {
        const bot = await freshBot(policy);
        const made = await submittedRequest(bot);
        policy.roles.approver = policy.roles.approver.filter((member) => member.oid !== 'oid-megan');
        return { bot, ...made };
      },
    });

    // Approved while she held the role, revoked before the run: the run is refused (T-ID-09).
    const later: Policy = JSON.parse(JSON.stringify(POLICY)) as Policy;
    const bot = await freshBot(later);
    const made = await submittedRequest(bot);
    const outcome = await approveRequest(bot.deps, {
      requestId: made.requestId,
      fingerprint: String(made.data.fingerprint),
      actor: { oid: 'oid-megan', name: 'Megan Bowen', tenantId: TENANT, userType: 'member' },
    });
    expect(outcome.kind).toBe('approved');
    later.roles.approver = later.roles.approver.filter((member) => member.oid !== 'oid-megan');
    const finished = await runRequest(bot.deps, (await bot.store.get(made.requestId))!);
    tried += 1;
    if (runs(bot) > 0) approved += 1;
    expect(runs(bot)).toBe(0);
    expect(finished?.state).toBe('failed');
    expect(finished?.failure).toContain('no longer holds the approver role');
  });

  it('refuses expired, replayed, already decided and cancelled requests (T-APR-02, 05, 08)', async () => {
    /** A waiting request, and something that happened to it before the attack. */
    const after = (step: (made: Made) => Promise<unknown>) => async () => {
      const made = await pending();
      await step(made);
      await made.bot.background.idle();
      return made;
    };
    await attack('expired', (bot, data) => click(bot, VERB.approve, data, megan), {
      setup: after(async ({ bot }) => bot.clock.advance(31 * 60_000)),
    });
    await attack(
      'replay after the change ran',
      async (bot, data) => {
        await click(bot, VERB.approve, data, megan);
        await click(bot, VERB.approve, data, lee);
      },
      { setup: after(({ bot, data }) => click(bot, VERB.approve, data, megan)) },
    );
    await attack('approve after reject', (bot, data) => click(bot, VERB.approve, data, megan), {
      setup: after(({ bot, data }) => click(bot, VERB.reject, { ...data, reason: 'not now' }, lee)),
    });
    await attack('approve after the requester cancelled', (bot, data) => click(bot, VERB.approve, data, megan), {
      setup: after(({ bot }) => bot.say('cancel that request')),
    });
    /** A plan that was never sent for approval. */
    const planOnly = (text: string) => async (): Promise<Made> => {
      const bot = await freshBot();
      const [plan] = await bot.say(text);
      const data = actionsOf(plan)[0]?.data as Record<string, unknown>;
      return { bot, requestId: String(data.requestId), data };
    };
    await attack('approve a plan never sent for approval', (bot, data) => click(bot, VERB.approve, data, megan), {
      setup: planOnly('set RDSH01 to per user'),
    });
    await attack(
      'approve a client reset (which has no approvers) to run it',
      (bot, data) => click(bot, VERB.approve, data, megan),
      { setup: planOnly('reset the client license on PC-042') },
    );
  });

  it('counts one decision for double clicks, re-deliveries and two approvers at once (T-APR-03, 04)', async () => {
    const once = { expected: { votes: 1, runs: 1 } };
    await attack(
      'double click and re-delivery',
      (bot, data) => Promise.all([1, 2, 3].map(() => click(bot, VERB.approve, data, megan))),
      once,
    );
    await attack(
      'two approvers at once on a one-approver request',
      (bot, data) => Promise.all([click(bot, VERB.approve, data, megan), click(bot, VERB.approve, data, lee)]),
      once,
    );
    // Either may win, never both: at most one vote and one run.
    await attack(
      'approve and reject at once',
      (bot, data) =>
        Promise.all([click(bot, VERB.reject, { ...data, reason: 'no' }, lee), click(bot, VERB.approve, data, megan)]),
      once,
    );
    const bot = await freshBot();
    const grace = await submittedRequest(bot, 'reset the grace period on RDSH-LAB-02');
    await Promise.all([1, 2].map(() => click(bot, VERB.approve, grace.data, megan)));
    await bot.background.idle();
    tried += 1;
    if (runs(bot) > 0) approved += 1;
    expect(await votes(bot, grace.requestId)).toBe(1);
    expect(runs(bot)).toBe(0);
  });

  it('ignores forged payloads: wrong fingerprint, swapped ids, extra keys, prototype keys, wrong types', async () => {
    await attack('fingerprint of another request', (bot, data) => click(bot, VERB.approve, data, megan), {
      setup: async () => {
        const bot = await freshBot();
        const first = await submittedRequest(bot);
        const second = await submittedRequest(bot, 'point RDSH01 at LS1');
        return { bot, requestId: first.requestId, data: { ...first.data, fingerprint: second.data.fingerprint } };
      },
    });
    const forged: Array<[string, (data: Record<string, unknown>) => unknown]> = [
      ['a made-up fingerprint', (data) => ({ ...data, fingerprint: '0'.repeat(32) })],
      ['no fingerprint', (data) => ({ requestId: data.requestId })],
      [
        'extra keys claiming a state and an approver',
        (data) => ({ ...data, fingerprint: 'f'.repeat(32), state: 'confirmed', approverOid: 'oid-megan', params: {} }),
      ],
      ['__proto__', (data) => JSON.parse(`{"requestId":"${String(data.requestId)}","__proto__":{"isApprover":true}}`)],
      ['constructor.prototype', (data) => ({ ...data, constructor: { prototype: { isApprover: true } } })],
      ['null', () => null],
      ['an array', () => []],
      ['a string', () => 'approve'],
      ['a number', () => 123],
      ['a list as request id', (data) => ({ ...data, requestId: [data.requestId] })],
      [
        'nesting 10 000 levels deep',
        (data) => {
          let deep: Record<string, unknown> = { ...data };
          for (let i = 0; i < 10_000; i++) deep = { nested: deep };
          return { ...data, fingerprint: 'f'.repeat(32), deep };
        },
      ],
    ];
    for (const [name, forge] of forged) {
      await attack(name, (bot, data) => click(bot, VERB.approve, forge(data), mallory));
      // By an eligible approver: none of these forgeries carries the genuine id and fingerprint together.
      await attack(`${name} by an approver`, (bot, data) => click(bot, VERB.approve, forge(data), megan));
    }
    expect(({} as Record<string, unknown>).isApprover).toBeUndefined();
  });

  it('routes verbs by exact match only: upper case, a trailing space or a NUL do nothing', async () => {
    for (const verb of ['APPROVAL.APPROVE', 'approval.approve ', 'approval.approve\u0000']) {
      await attack(`verb ${JSON.stringify(verb)}`, async (bot, data) => {
        const response = await click(bot, verb, data, megan);
        expect(response.value).toBe('This button is not one I know.');
      });
    }
  });
});
