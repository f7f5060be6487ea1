import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { verifyChain } from '../../bot/audit/audit-chain';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import type { AuditRecord } from '../../bot/ports';
import { VERB } from '../../cards/verbs';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { ROOT, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { localBotEnv, postActivity } from '../support/teams-http';
import { cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

// DATABASE_URL is the one setting: two bot instances on one PostgreSQL database, as Azure Bot Service
// would send one conversation's activities to either of them.
describe('two bot instances on one PostgreSQL database, over real HTTP', () => {
  let cluster: PgCluster;
  let url: string;
  let first: RunningBot;
  let second: RunningBot;
  let connector: Awaited<ReturnType<typeof startCaptureConnector>>;
  let seq = 0;

  beforeAll(async () => {
    cluster = await startPgCluster();
    url = cluster.database('two_instances');
    connector = await startCaptureConnector();
    const instance = (name: string) =>
      startBot(
        readConfig(
          localBotEnv(ROOT, join(mkdtempSync(join(tmpdir(), `rdsbot-${name}-`)), 'bot.sqlite'), {
            DATABASE_URL: url,
            EXECUTION_TIMEOUT_MS: '30000',
          }),
          ROOT,
        ),
        { log: silentLogger },
      );
    first = await instance('first');
    second = await instance('second');
  }, 90_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await connector?.close();
    cluster?.stop();
  });

  const cardOf = (call: CapturedCall): Record<string, unknown> =>
    (call.body?.attachments as Array<{ content: Record<string, unknown> }>)[0]?.content ?? {};

  it('plans on one instance, runs the click another instance took, and keeps one request and one audit chain', async () => {
    seedHive(lab, LAB_HOSTS.find((h) => h.name === 'PC-042')!);
    const id = `m-${++seq}`;
    expect(
      (
        await postActivity(first.url, connector.serviceUrl, 'a:pg-chat', {
          type: 'message',
          id,
          text: 'reset the client license on PC-042',
        })
      ).status,
    ).toBe(200);
    const planned = await connector.waitFor(
      (call) => call.method === 'POST' && call.url.endsWith(`/activities/${id}`) && call.body?.type === 'message',
    );
    const plan = cardOf(planned);
    const cardId = `act-${connector.calls.indexOf(planned) + 1}`;
    const confirm = (plan.actions as Array<{ title: string; data: { requestId: string } }>).find(
      (a) => a.title === 'Confirm',
    );
    expect(confirm).toBeDefined();

    // The click reaches the other instance: the request it confirms is in the shared database.
    const invoke = await postActivity(second.url, connector.serviceUrl, 'a:pg-chat', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++seq}`,
      replyToId: cardId,
      value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm?.data }, trigger: 'manual' },
    });
    expect(invoke.status).toBe(200);
    await connector.waitFor(
      (call) =>
        call.method === 'PUT' && call.url.endsWith(`/activities/${cardId}`) && cardText(cardOf(call)).includes('Done'),
    );
    const registry = JSON.parse(readFileSync(hiveFile(lab, 'PC-042'), 'utf8')).registry as Record<string, unknown>;
    expect(Object.keys(registry).some((key) => key.includes('MSLicensing'))).toBe(false);

    // A re-delivered click on the first instance runs nothing again.
    const again = await postActivity(first.url, connector.serviceUrl, 'a:pg-chat', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++seq}`,
      replyToId: cardId,
      value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm?.data }, trigger: 'manual' },
    });
    expect(cardText(((await again.json()) as { value: unknown }).value)).toContain('Done');
    await first.background.idle();
    await second.background.idle();

    const store = await PostgresStore.open(url, { now: () => new Date() });
    const records: AuditRecord[] = [];
    for await (const record of store.auditRecords()) records.push(record);
    const request = await store.get(confirm!.data.requestId);
    await store.close();
    expect(request?.state).toBe('succeeded');
    expect(verifyChain(records)).toMatchObject({ ok: true });
    const ofRequest = records.filter((r) => r.requestId === confirm!.data.requestId).map((r) => r.kind);
    expect(ofRequest.filter((kind) => kind === 'execution.started')).toHaveLength(1);
    expect(ofRequest).toEqual(expect.arrayContaining(['request.planned', 'request.confirmed', 'execution.finished']));
  }, 120_000);
});
