import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { verifyChain } from '../../bot/audit/audit-chain';
import { VERB } from '../../cards/verbs';
import { LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { startBotProcess } from '../support/bot-process';
import { freePort, postActivity } from '../support/teams-http';
import { cardText } from '../support/turn-harness';

describe('a bot process killed in the middle of a change', () => {
  it('on restart finds the request, re-reads the host, records it done or not done, audits it and updates the card', async () => {
    seedHive({ dir: TEST_LAB_DIR, net: TEST_LAB_NET }, LAB_HOSTS.find((h) => h.name === 'PC-050')!);
    seedHive({ dir: TEST_LAB_DIR, net: TEST_LAB_NET }, LAB_HOSTS.find((h) => h.name === 'PC-042')!);
    const connector = await startCaptureConnector();
    const databaseFile = join(mkdtempSync(join(tmpdir(), 'rdsbot-kill-')), 'bot.sqlite');
    const port = await freePort();
    const post = (activity: Record<string, unknown>) =>
      postActivity(`http://127.0.0.1:${port}`, connector.serviceUrl, 'a:kill', activity);
    let bot = await startBotProcess(port, databaseFile);
    try {
      await post({ type: 'message', id: 'm-1', text: 'reset the client license on PC-042' });
      const plan = await connector.waitFor(
        (c: CapturedCall) => c.body?.type === 'message' && c.url.endsWith('/activities/m-1'),
      );
      const card = (
        plan.body?.attachments as Array<{ content: { actions: Array<{ title: string; data: { requestId: string } }> } }>
      )[0]!.content;
      const confirm = card.actions.find((a) => a.title === 'Confirm')!;
      const invoke = await post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'i-1',
        replyToId: `act-${connector.calls.indexOf(plan) + 1}`,
        value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm.data }, trigger: 'manual' },
      });
      expect(invoke.status).toBe(200);

      bot.kill('SIGKILL'); // mid-run: the change is under way on the host
      await new Promise((r) => bot.once('exit', r));
      bot = await startBotProcess(port, databaseFile);

      const update = await connector
        .waitFor((c) => c.method === 'PUT' && /Interrupted|checked after a restart/.test(cardText(c.body?.attachments)))
        .catch((error: unknown) => {
          console.log(
            connector.calls.map((c) => `${c.method} ${c.url} ${cardText(c.body?.attachments).slice(0, 80)}`).join('\n'),
          );
          throw error;
        });
      expect(cardText(update.body?.attachments)).toContain('PC-042');
      const store = new SqliteStore(databaseFile, { now: () => new Date() });
      const request = await store.get(confirm.data.requestId);
      // The re-read decides: the change landed before the kill (done) or is still pending (Resume offered).
      expect(['failed', 'succeeded']).toContain(request?.state);
      const records = [...store.auditRecords()];
      expect(records.map((r) => r.kind)).toEqual(
        expect.arrayContaining(['execution.started', 'execution.recovered', 'execution.finished']),
      );
      expect(verifyChain(records)).toMatchObject({ ok: true });
      store.close();
    } finally {
      bot.kill('SIGKILL');
      await connector.close();
    }
  });
});
