import type { Host, ParseResult } from '../../bot/domain';
import { VERB } from '../../cards/verbs';
import type { FakeEstateExecutor } from '../support/fakes';
import { actionsOf, alex, APPROVERS_CHANNEL, cardText, createTurnHarness, isaiah } from '../support/turn-harness';

// The parser that reads "RDSH01 per user?" as a change or a question is being written; until then the
// two unclear texts below get the parse it will give, and every other text the real parser.
jest.mock('../../bot/understand/parse-request', () => {
  const actual = jest.requireActual<typeof import('../../bot/understand/parse-request')>(
    '../../bot/understand/parse-request',
  );
  const unclear = (text: string, targets: string[]): ParseResult => ({
    text,
    operations: [],
    needs: ['confirm-intent'],
    suggestions: [],
    candidates: [
      { intent: 'rdsh.set_licensing_mode', targets, params: { mode: 'PerUser' } },
      { intent: 'licensing.diagnose', targets, params: {} },
    ],
  });
  return {
    ...actual,
    parseRequest: (text: string, inventory: readonly Host[]): ParseResult =>
      text === 'RDSH01 per user?'
        ? unclear(text, ['RDSH01'])
        : text === 'per user?'
          ? unclear(text, [])
          : actual.parseRequest(text, inventory),
  };
});

type Bot = ReturnType<typeof createTurnHarness>;

/** A bot whose admin has chosen the approvals channel, so a mode change can be planned. */
async function botWithApprovalsChannel(): Promise<Bot> {
  const bot = createTurnHarness();
  await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
  return bot;
}

/** Alex writes the unclear request; returns the choice card's buttons by title. */
async function askUnclear(bot: Bot, text = 'RDSH01 per user?') {
  const [card] = await bot.say(text, alex);
  const buttons = actionsOf(card);
  const button = (title: string) => buttons.find((action) => action.title === title)?.data;
  return { card, buttons, button };
}

function estate(bot: Bot): FakeEstateExecutor {
  return bot.executor as FakeEstateExecutor;
}

describe('a request that reads as a change or as a question', () => {
  it('asks "Which do you mean?" with one button per reading and touches no host', async () => {
    const bot = createTurnHarness();
    const { card, buttons } = await askUnclear(bot);
    expect(cardText(card)).toContain('Which do you mean?');
    expect(cardText(card)).toContain('RDSH01 per user?');
    expect(buttons.map((action) => [action.verb, action.title])).toEqual([
      [VERB.choose, 'Set the licensing mode on RDSH01 to per user'],
      [VERB.choose, 'Diagnose licensing on RDSH01'],
    ]);
    expect(estate(bot).calls).toHaveLength(0);
  });

  it('answers the diagnosis at once when that reading is picked, and leaves nothing pending', async () => {
    const bot = createTurnHarness();
    const { button } = await askUnclear(bot);
    const report = await bot.click(VERB.choose, button('Diagnose licensing on RDSH01'));
    expect(cardText(report.value)).toContain('Diagnosis: RDSH01');
    // The diagnosis's reads run side by side: their order is not fixed.
    expect(
      estate(bot)
        .calls.map((call) => [call.operation, call.host.name, call.whatIf])
        .sort(),
    ).toEqual([
      ['licensing.diagnose', 'RDSH01', false],
      ['ls.cal_inventory', 'LS1', false],
      ['rdsh.events', 'RDSH01', false],
      ['rdsh.test_license_server', 'RDSH01', false],
    ]);
    expect(await bot.store.lastByRequester(alex.aadObjectId)).toBeUndefined();
  });

  it('plans the mode change on RDSH01 when that reading is picked, on the card that asked', async () => {
    const bot = await botWithApprovalsChannel();
    const { button } = await askUnclear(bot);
    const plan = await bot.click(VERB.choose, button('Set the licensing mode on RDSH01 to per user'));
    expect(cardText(plan.value)).toContain('Set the licensing mode on RDSH01');
    expect(cardText(plan.value)).toContain('PerDevice → PerUser');
    expect(actionsOf(plan.value).map((action) => action.title)).toEqual(['Ask for approval', 'Cancel']);
    const stored = await bot.store.lastByRequester(alex.aadObjectId);
    expect(stored?.state).toBe('pending');
    expect(stored?.operations).toEqual([
      { intent: 'rdsh.set_licensing_mode', targets: ['RDSH01'], params: { mode: 'PerUser' } },
    ]);
    expect(stored?.cardActivityId).toBe('card-1');
    expect(estate(bot).realRuns()).toHaveLength(0);
  });

  it('asks for the host when the picked reading has none, and then plans that reading, not the question again', async () => {
    const bot = await botWithApprovalsChannel();
    const { button } = await askUnclear(bot, 'per user?');
    const question = await bot.click(VERB.choose, button('Set the licensing mode to per user'));
    expect(cardText(question.value)).toContain('I need a little more');
    const proceed = actionsOf(question.value).find((action) => action.title === 'Continue');
    const plan = await bot.click(VERB.complete, { ...proceed?.data, targets: 'RDSH01' });
    expect(cardText(plan.value)).toContain('PerDevice → PerUser');
    expect((await bot.store.lastByRequester(alex.aadObjectId))?.operations[0]?.targets).toEqual(['RDSH01']);
  });
});

describe('a forged "Which do you mean?" button', () => {
  const mode = { text: 'RDSH01 per user?', choice: 0, intent: 'rdsh.set_licensing_mode' };

  it.each([
    ['an intent that is not one of the readings', { ...mode, intent: 'rdsh.restart_service' }],
    ['a place and an intent that disagree', { ...mode, choice: 1 }],
    [
      'a text that has no readings to choose from',
      { text: 'reset the client license on PC-042', choice: 0, intent: 'client.reset_license_cache' },
    ],
  ])('with %s is refused, and nothing is planned or run', async (_name, data) => {
    const bot = await botWithApprovalsChannel();
    const response = await bot.click(VERB.choose, data);
    expect(response.statusCode).toBe(200);
    expect(cardText(response.value)).toContain('not one of the readings I offered');
    expect(await bot.store.lastByRequester(alex.aadObjectId)).toBeUndefined();
    expect(estate(bot).calls).toHaveLength(0);
  });

  it.each([
    [
      'an operation of its own',
      { ...mode, operations: [{ intent: 'rdsh.restart_service', targets: ['RDSH02'], params: {} }] },
    ],
    ['hosts and params of its own', { ...mode, targets: ['RDSH02'], params: { mode: 'PerDevice' } }],
    ['a huge text', { ...mode, text: `RDSH01 per user?${' '.repeat(100_000)}` }],
    ['no data at all', undefined],
  ])('with %s cannot be read, and nothing is planned or run', async (_name, data) => {
    const bot = await botWithApprovalsChannel();
    const response = await bot.click(VERB.choose, data);
    expect(response.statusCode).toBe(200);
    expect(cardText(response.value)).toContain('cannot read this button');
    expect(await bot.store.lastByRequester(alex.aadObjectId)).toBeUndefined();
    expect(estate(bot).calls).toHaveLength(0);
  });

  it('records a refused choice in the audit log', async () => {
    const bot = createTurnHarness();
    await bot.click(VERB.choose, { ...mode, intent: 'rdsh.restart_service' });
    const refused = (await bot.store.query({ limit: 10 })).filter((record) => record.kind === 'request.refused');
    expect(refused.map((record) => record.data.code)).toEqual(['choice_not_offered']);
  });
});
