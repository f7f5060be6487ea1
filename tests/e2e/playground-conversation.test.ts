import { readFileSync } from 'node:fs';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { VERB } from '../../cards/verbs';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { startPlayground } from '../support/playground';
import { ROOT, TEST_AUDIT_DB, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { localBotEnv } from '../support/teams-http';
import { cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

describe('the bot driven through the Microsoft 365 Agents Playground', () => {
  let bot: RunningBot;
  let playground: Awaited<ReturnType<typeof startPlayground>>;

  beforeAll(async () => {
    seedHive(lab, LAB_HOSTS.find((h) => h.name === 'PC-043')!);
    bot = await startBot(readConfig(localBotEnv(ROOT, TEST_AUDIT_DB), ROOT), { log: silentLogger });
    playground = await startPlayground(`${bot.url}/api/messages`);
  }, 60_000);

  afterAll(async () => {
    playground?.stop();
    await bot?.close();
  });

  it('takes a request typed in the Playground through plan, Confirm and result on a lab host', async () => {
    await playground.say('asmith says invalid license, reset the client license for asmith');
    const plan = await playground.waitForMessage(
      (m) => m.action === 'createMessage' && cardText(m.card).includes('PC-043'),
    );
    expect(cardText(plan.card)).toContain('MSLicensing (32-bit)');
    const confirm = ((plan.card?.actions ?? []) as Array<{ title: string; data: unknown }>).find(
      (a) => a.title === 'Confirm',
    );

    const response = await playground.click(plan.messageId, VERB.confirm, confirm?.data);
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(response.value)).toContain('Running');

    const done = await playground.waitForMessage(
      (m) => m.action === 'updateMessage' && m.messageId === plan.messageId && cardText(m.card).includes('Done'),
    );
    expect(cardText(done.card)).toContain('Tell the user');
    const registry = JSON.parse(readFileSync(hiveFile(lab, 'PC-043'), 'utf8')).registry as Record<string, unknown>;
    expect(Object.keys(registry)).toEqual([]);
  });

  it('answers small talk in the Playground with help', async () => {
    await playground.say('my outlook keeps crashing');
    const reply = await playground.waitForMessage(
      (m) => m.action === 'createMessage' && cardText(m.card).includes('only help with Remote Desktop licensing'),
    );
    expect(reply.card).toBeDefined();
  });
});
