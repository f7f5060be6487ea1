import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { localBotEnv, postActivity } from '../support/teams-http';
import { join } from 'node:path';
import { ROOT, TEST_DATA_DIR, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

const cardOf = (call: CapturedCall | undefined) =>
  (call?.body?.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content;

/**
 * A fresh bot process has no warm session yet, so its first read of a lab host takes seconds (a pwsh,
 * an SSH connection, the module): the first answer is the "Checking…" card, and the plan replaces it.
 */
describe('the first answer of a cold bot over real HTTP', () => {
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof startCaptureConnector>>;

  beforeAll(async () => {
    seedHive(lab, LAB_HOSTS.find((h) => h.name === 'PC-042')!);
    connector = await startCaptureConnector();
    // A database of its own: a PC-042 plan another test left waiting would make this one a duplicate.
    const env = localBotEnv(ROOT, join(TEST_DATA_DIR, 'checking-card.sqlite'), {
      EXECUTION_TIMEOUT_MS: '30000',
      CHECKING_CARD_MS: '500',
    });
    bot = await startBot(readConfig(env, ROOT), { log: silentLogger });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  it('is a "Checking PC-042…" card at once, replaced in place by the plan with the live values', async () => {
    const sentAt = Date.now();
    const response = await postActivity(bot.url, connector.serviceUrl, 'a:e2e-checking', {
      type: 'message',
      id: 'm-checking',
      text: 'reset the client license on PC-042',
    });
    expect(response.status).toBe(200);
    const replies = connector.calls.filter((call) => call.url.includes('a:e2e-checking'));
    const [checking, plan] = replies;
    expect(replies.map((call) => call.method)).toEqual(['POST', 'PUT']);
    expect(cardText(cardOf(checking))).toContain('Checking PC-042…');
    // The checking card went out within a second of the message; the plan took the cold read's seconds.
    expect(checking!.at - sentAt).toBeLessThan(1_500);
    expect(plan!.url).toMatch(new RegExp(`/activities/act-${connector.calls.indexOf(checking!) + 1}$`));
    expect(cardText(cardOf(plan))).toContain('present (subkeys: HardwareID, Store)');
    console.log(
      `e2e: cold bot, checking card after ${checking!.at - sentAt} ms, plan card after ${plan!.at - sentAt} ms`,
    );
  });
});
