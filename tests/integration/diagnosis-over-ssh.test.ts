import { JsonInventory } from '../../adapters/inventory/json-config';
import type { Host } from '../../bot/domain';
import { parseRequest } from '../../bot/understand/parse-request';
import { VERB } from '../../cards/verbs';
import { LAB_HOSTS, seedHive } from '../../lab/lab';
import { warmLabExecutor } from '../support/lab-executor';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { actionsOf, APPROVERS_CHANNEL, cardText, createTurnHarness, isaiah } from '../support/turn-harness';

const hosts = (): Host[] => [...JsonInventory.load(process.env.RDSBOT_TEST_INVENTORY as string).hosts()];

/** Each lab scenario, the verdict a licensing admin would give, and the fixes offered (as plans to start). */
const VERDICTS: Array<[string, string, string[]]> = [
  [
    'RDSH01',
    'the licensing certificate is stale: the grace period expired (50280',
    ['Refresh the licensing certificate', 'Reset the client license on PC-042'],
  ],
  ['RDSH02', 'LS2 (NOT\\_CONNECTABLE) cannot be reached; LS1 can', []],
  [
    'RDSH-LAB-02',
    'the licensing mode is not set. Also: no license server is set (1130',
    ['Set per-user mode', 'Set per-device mode', 'Set the license servers to LS1'],
  ],
  [
    'PC-042',
    'the client license stored on PC-042 is invalid: RDSH01 logged 1003',
    ['Reset the client license on PC-042'],
  ],
  ['PC-050', 'No session host logged an invalid license for PC-050 in the last 24 hours', []],
  ['LS1', 'LS1 has 7 per-user and 25 per-device available', []],
  ['PC-DOWN', 'PC-DOWN did not accept a PowerShell session', []],
];

describe('a diagnosis of every lab scenario over real SSH', () => {
  const executor = warmLabExecutor();
  // Other tests change these hosts (a certificate refreshed, a cache reset): each starts as its scenario says.
  beforeAll(() => {
    for (const host of LAB_HOSTS) seedHive({ dir: TEST_LAB_DIR, net: TEST_LAB_NET }, host);
  });
  afterAll(() => executor.close());

  it.each(VERDICTS)(
    'names the cause on %s: "%s"',
    async (name, verdict, fixes) => {
      const bot = createTurnHarness({ executor, hosts: hosts() });
      const [answer] = await bot.say(`what's wrong with ${name}?`);
      expect(cardText(answer)).toContain(verdict);
      const offered = actionsOf(answer);
      expect(offered.map((action) => action.title)).toEqual(fixes);
      // Each fix asks for the plan in words; the bot reads them as exactly that one change on that host.
      for (const action of offered) {
        expect(action.verb).toBe(VERB.ask);
        const [operation, ...more] = parseRequest(String(action.data.text), hosts()).operations;
        expect(more).toEqual([]);
        expect(operation?.targets.length).toBe(1);
      }
    },
    60_000,
  );

  it("diagnoses a group as one table, worst first, with the worst hosts' fixes naming their host", async () => {
    const bot = createTurnHarness({ executor, hosts: hosts() });
    const [answer] = await bot.say('diagnose the FIN hosts');
    const text = cardText(answer);
    expect(text).toContain('2 of 2 hosts need attention');
    expect(text.indexOf('RDSH01')).toBeLessThan(text.indexOf('RDSH02'));
    expect(actionsOf(answer).map((action) => action.title)).toEqual([
      'Refresh the licensing certificate (RDSH01)',
      'Reset the client license on PC-042 (RDSH01)',
    ]);
  }, 60_000);

  it('starts the normal plan from a fix button: a new message with a preview that waits for approval', async () => {
    const bot = createTurnHarness({ executor, hosts: hosts() });
    await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
    const [answer] = await bot.say('diagnose RDSH01');
    const fix = actionsOf(answer).find((action) => action.title === 'Refresh the licensing certificate');
    const clicked = await bot.click(VERB.ask, fix?.data);
    // The plan is a new message: the diagnosis stays readable, with its other fixes.
    expect(clicked.value).toBe('Answered below.');
    const [plan] = clicked.sent;
    expect(cardText(plan)).toContain('Refresh the licensing certificate on RDSH01');
    expect(actionsOf(plan).map((action) => action.title)).toEqual(['Ask for approval', 'Cancel']);
  }, 60_000);
});
