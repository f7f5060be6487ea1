import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { VERB } from '../../cards/verbs';
import { LAB_HOSTS, seedHive } from '../../lab/lab';
import { exited, startBotProcess } from '../support/bot-process';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { freePort, postActivity } from '../support/teams-http';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

/** A plan for PC-042 confirmed over HTTP; returns the request id once the Confirm click was answered. */
async function confirmReset(
  post: (activity: Record<string, unknown>) => Promise<Response>,
  connector: Awaited<ReturnType<typeof startCaptureConnector>>,
  tag: string,
): Promise<string> {
  await post({ type: 'message', id: `m-${tag}`, text: 'reset the client license on PC-042' });
  const plan = await connector.waitFor(
    (c: CapturedCall) => c.body?.type === 'message' && c.url.endsWith(`/activities/m-${tag}`),
  );
  const card = (
    plan.body?.attachments as Array<{ content: { actions: Array<{ title: string; data: { requestId: string } }> } }>
  )[0]!.content;
  const confirm = card.actions.find((a) => a.title === 'Confirm')!;
  const invoke = await post({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `i-${tag}`,
    replyToId: `act-${connector.calls.indexOf(plan) + 1}`,
    value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm.data }, trigger: 'manual' },
  });
  expect(invoke.status).toBe(200);
  return confirm.data.requestId;
}

/** PC-042 freshly seeded, a capture connector, an empty database and a free port for a bot process. */
async function freshBot() {
  seedHive(lab, LAB_HOSTS.find((h) => h.name === 'PC-042')!);
  const connector = await startCaptureConnector();
  const databaseFile = join(mkdtempSync(join(tmpdir(), 'rdsbot-term-')), 'bot.sqlite');
  const port = await freePort();
  const post = (activity: Record<string, unknown>) =>
    postActivity(`http://127.0.0.1:${port}`, connector.serviceUrl, 'a:term', activity);
  return { connector, databaseFile, port, post };
}

describe('the bot sent SIGTERM while a change runs', () => {
  it('takes no new work, finishes the run, shows the result, closes and exits 0', async () => {
    const { connector, databaseFile, port, post } = await freshBot();
    const bot = await startBotProcess(port, databaseFile, { SHUTDOWN_GRACE_SECONDS: '60' });
    try {
      const requestId = await confirmReset(post, connector, '1');
      bot.kill('SIGTERM');
      // A message after SIGTERM is refused (503 with Retry-After, or no connection at all): never handled.
      const late = await post({ type: 'message', id: 'm-late', text: 'reset the client license on PC-043' }).catch(
        () => undefined,
      );
      if (late) expect(late.status).toBe(503);
      expect(await exited(bot)).toBe(0);
      expect(connector.calls.some((c) => c.url.endsWith('/activities/m-late'))).toBe(false);
      const store = new SqliteStore(databaseFile, { now: () => new Date() });
      expect((await store.get(requestId))?.state).toBe('succeeded');
      store.close();
      expect(connector.calls.some((c) => c.method === 'PUT' && cardText(c.body?.attachments).includes('Done'))).toBe(
        true,
      );
    } finally {
      bot.kill('SIGKILL');
      await connector.close();
    }
  });

  it('with no grace left, hands the run back: nothing false recorded, and the next start reports it interrupted', async () => {
    const { connector, databaseFile, port, post } = await freshBot();
    let bot = await startBotProcess(port, databaseFile, { SHUTDOWN_GRACE_SECONDS: '0' });
    try {
      const requestId = await confirmReset(post, connector, '2');
      bot.kill('SIGTERM');
      expect(await exited(bot)).toBe(0);
      const before = new SqliteStore(databaseFile, { now: () => new Date() });
      const state = (await before.get(requestId))?.state;
      before.close();
      // The run either finished inside the last moment or was handed back; it never ends as a false failure.
      expect(['running', 'succeeded']).toContain(state);
      if (state === 'running') {
        bot = await startBotProcess(port, databaseFile);
        // The re-read decides: the change landed before the stop (done) or is still pending (Resume).
        await connector.waitFor(
          (c) => c.method === 'PUT' && /Interrupted|checked after a restart/.test(cardText(c.body?.attachments)),
        );
        const after = new SqliteStore(databaseFile, { now: () => new Date() });
        expect(['failed', 'succeeded']).toContain((await after.get(requestId))?.state);
        after.close();
      }
    } finally {
      bot.kill('SIGKILL');
      await connector.close();
    }
  });
});
