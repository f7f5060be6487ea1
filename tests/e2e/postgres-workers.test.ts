import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { type RunningWorker, startWorker } from '../../bot/worker';
import { VERB } from '../../cards/verbs';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { ROOT, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { localBotEnv, postActivity } from '../support/teams-http';
import { cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const SITES: Record<string, string> = { 'PC-042': 'site:berlin', 'PC-043': 'site:paris' };

// HOST_CALLS=queue: the bot instance runs no PowerShell itself (SERVE_CALLS=0); two workers, one per site,
// take the calls for their own hosts from the PostgreSQL queue.
describe('host calls as jobs, taken by the worker of each host site', () => {
  let cluster: PgCluster;
  let url: string;
  let bot: RunningBot;
  let workers: RunningWorker[];
  let connector: Awaited<ReturnType<typeof startCaptureConnector>>;
  let pool: Pool;

  beforeAll(async () => {
    cluster = await startPgCluster();
    url = cluster.database('workers');
    const dir = mkdtempSync(join(tmpdir(), 'rdsbot-workers-'));
    // The lab's inventory with a site tag on two PCs (PC-050 gets none: no worker serves it).
    const inventory = JSON.parse(readFileSync(process.env.RDSBOT_TEST_INVENTORY as string, 'utf8')) as {
      hosts: Array<{ name: string; tags?: string[] }>;
    };
    for (const host of inventory.hosts) if (SITES[host.name]) host.tags = [...(host.tags ?? []), SITES[host.name]!];
    const inventoryFile = join(dir, 'inventory.json');
    writeFileSync(inventoryFile, JSON.stringify(inventory));
    const env = { DATABASE_URL: url, INVENTORY_FILE: inventoryFile, RDSBOT_LOCAL: '1', EXECUTION_TIMEOUT_MS: '30000' };
    workers = [
      await startWorker(
        { ...process.env, ...env, WORKER_TAGS: 'site:berlin', WORKER_NAME: 'berlin' },
        ROOT,
        silentLogger,
      ),
      await startWorker(
        { ...process.env, ...env, WORKER_TAGS: 'site:paris', WORKER_NAME: 'paris' },
        ROOT,
        silentLogger,
      ),
    ];
    connector = await startCaptureConnector();
    bot = await startBot(
      readConfig(
        localBotEnv(ROOT, join(dir, 'bot.sqlite'), {
          ...env,
          HOST_CALLS: 'queue',
          SERVE_CALLS: '0',
          CALL_QUEUE_SECONDS: '2',
        }),
        ROOT,
      ),
      { log: silentLogger },
    );
    pool = new Pool({ connectionString: url, max: 2 });
  }, 90_000);
  afterAll(async () => {
    await bot?.close();
    for (const worker of workers ?? []) await worker.stop();
    await pool?.end();
    await connector?.close();
    cluster?.stop();
  });

  let seq = 0;
  async function say(text: string): Promise<Record<string, unknown>> {
    const id = `m-${++seq}`;
    await postActivity(bot.url, connector.serviceUrl, 'a:workers', { type: 'message', id, text });
    const call = await connector.waitFor(
      (c: CapturedCall) => c.method === 'POST' && c.url.endsWith(`/activities/${id}`) && c.body?.type === 'message',
    );
    return {
      ...(call.body?.attachments as Array<{ content: Record<string, unknown> }>)[0]?.content,
      cardId: `act-${connector.calls.indexOf(call) + 1}`,
    };
  }

  it('reads and changes each host through the worker of its site, and no other', async () => {
    for (const name of ['PC-042', 'PC-043']) seedHive(lab, LAB_HOSTS.find((h) => h.name === name)!);
    const plan = await say('reset the client license on PC-042 and PC-043');
    expect(cardText(plan)).toContain('present (subkeys: HardwareID, Store)');
    const confirm = (plan.actions as Array<{ title: string; data: unknown }>).find((a) => a.title === 'Confirm');
    await postActivity(bot.url, connector.serviceUrl, 'a:workers', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++seq}`,
      replyToId: plan.cardId,
      value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm?.data }, trigger: 'manual' },
    });
    await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.url.endsWith(`/activities/${plan.cardId as string}`) &&
        cardText(c.body?.attachments).includes('Done'),
    );
    for (const name of ['PC-042', 'PC-043']) {
      const registry = JSON.parse(readFileSync(hiveFile(lab, name), 'utf8')).registry as Record<string, unknown>;
      expect(Object.keys(registry).some((key) => key.includes('MSLicensing'))).toBe(false);
    }
    const { rows } = await pool.query<{ host: string; taken_by: string; what_if: boolean }>(
      "SELECT host, taken_by, (call->>'whatIf')::boolean AS what_if FROM jobs WHERE state = 'done' ORDER BY id",
    );
    // Previews and the change alike, each by its own site's worker.
    expect(
      rows
        .filter((r) => !r.what_if)
        .map((r) => [r.host, r.taken_by])
        .sort(),
    ).toEqual([
      ['PC-042', 'berlin'],
      ['PC-043', 'paris'],
    ]);
    expect(rows.every((r) => (r.host === 'PC-042' ? r.taken_by === 'berlin' : r.taken_by === 'paris'))).toBe(true);
  }, 120_000);

  it('answers a host no worker serves as unreachable, and the call can no longer be taken late', async () => {
    const reply = await say('what is the client license state on PC-050?');
    expect(cardText(reply)).toMatch(/PC-050/);
    const { rows } = await pool.query<{ state: string }>("SELECT state FROM jobs WHERE host = 'PC-050'");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.state === 'expired')).toBe(true);
  }, 60_000);
});
