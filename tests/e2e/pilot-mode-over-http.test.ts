import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { ROOT, TEST_AUDIT_DB, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { localBotEnv, postActivity } from '../support/teams-http';
import { actionsOf, cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

/** The local policy with pilot mode switched on, as an admin would write it. */
function pilotPolicyFile(): string {
  const policy = JSON.parse(readFileSync(join(ROOT, 'config/policy.local.json'), 'utf8')) as Record<string, unknown>;
  const file = join(mkdtempSync(join(tmpdir(), 'rdsbot-pilot-')), 'policy.json');
  writeFileSync(file, JSON.stringify({ ...policy, $schema: undefined, pilot: { lifted: [] } }));
  return file;
}

describe('pilot mode over real HTTP, on a lab host', () => {
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof startCaptureConnector>>;
  let seq = 0;

  beforeAll(async () => {
    connector = await startCaptureConnector();
    const env = localBotEnv(ROOT, TEST_AUDIT_DB, { EXECUTION_TIMEOUT_MS: '30000', POLICY_FILE: pilotPolicyFile() });
    bot = await startBot(readConfig(env, ROOT), { log: silentLogger });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  async function say(text: string): Promise<Record<string, unknown>> {
    const id = `m-${++seq}`;
    const response = await postActivity(bot.url, connector.serviceUrl, 'a:e2e-pilot', { type: 'message', id, text });
    expect(response.status).toBe(200);
    const call: CapturedCall = await connector.waitFor(
      (c) => c.method === 'POST' && c.url.endsWith(`/activities/${id}`) && c.body?.type === 'message',
    );
    return (call.body?.attachments as Array<{ content: Record<string, unknown> }>)[0]!.content;
  }

  it('previews a change on the lab host, refuses it as pilot mode and leaves the registry as it was', async () => {
    const pc = LAB_HOSTS.find((h) => h.name === 'PC-042')!;
    seedHive(lab, pc);
    const before = readFileSync(hiveFile(lab, 'PC-042'), 'utf8');
    const card = await say('reset the client license on PC-042');
    expect(cardText(card)).toContain('This bot is in pilot mode');
    expect(cardText(card)).toContain('present (subkeys: HardwareID, Store)');
    expect(actionsOf(card).map((action) => action.title)).not.toContain('Confirm');
    expect(readFileSync(hiveFile(lab, 'PC-042'), 'utf8')).toBe(before);
  });

  it('still reads: the diagnosis of a session host answers as without pilot mode', async () => {
    const card = await say("what's wrong with RDSH01?");
    expect(cardText(card)).not.toContain('pilot mode');
    expect(cardText(card)).toContain('RDSH01');
  });
});
