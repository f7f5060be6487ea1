import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { verifyChain } from '../../bot/audit/audit-chain';
import { VERB } from '../../cards/verbs';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { exited, startBotProcess } from '../support/bot-process';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { freePort, postActivity } from '../support/teams-http';
import { cardText } from '../support/turn-harness';

const LAB = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
const HOSTS = ['PC-042', 'PC-043'];

/** Every place between the requester's Confirm and the result card where a kill -9 can land. */
const CRASH_POINTS = [
  'after:request.confirmed', // confirmed, the run not begun
  'before:execution.started', // `running` stored, "started" not yet audited, no host touched
  'after:execution.started', // started, no host result yet
  'before:execution.host_result', // a host changed, its result not recorded
  'after:execution.host_result', // one host recorded, the other in flight or not begun
  'before:execution.finished', // every host recorded, the request not finished
  'after:execution.finished', // finished and audited, the cards not updated
];

type Card = { actions?: Array<{ title: string; data: Record<string, unknown> }> };
const FINAL = ['succeeded', 'failed', 'superseded', 'cancelled', 'expired', 'rejected'];

/** Backups the module left on a lab host: one per change it made (a re-run would leave two). */
function changesOn(host: string): number {
  const folder = join(dirname(hiveFile(LAB, host)), 'backups');
  return existsSync(folder) ? readdirSync(folder).length : 0;
}

function cachePresent(host: string): boolean {
  const hive = JSON.parse(readFileSync(hiveFile(LAB, host), 'utf8')) as { registry: Record<string, unknown> };
  return Object.keys(hive.registry).some((key) => key.includes('MSLicensing'));
}

async function settled(databaseFile: string, done: (states: string[]) => boolean): Promise<string[]> {
  for (let i = 0; i < 300; i++) {
    const store = new SqliteStore(databaseFile, { now: () => new Date() });
    const states = (
      await Promise.all(['pending', 'confirmed', 'running', ...FINAL].map((s) => store.listByState(s as never)))
    )
      .flat()
      .map((r) => r.state);
    store.close();
    if (done(states)) return states;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the requests did not settle');
}

jest.setTimeout(180_000);

describe('the bot process killed with SIGKILL at each step between Confirm and the result', () => {
  const tally = { points: 0, lost: 0, twice: 0, stuck: 0 };
  afterAll(() =>
    console.log(
      `kill -9 recovery: ${tally.points} points tried, ${tally.lost} lost, ${tally.twice} run twice, ${tally.stuck} stuck`,
    ),
  );

  it.each(CRASH_POINTS)('killed at %s: 0 lost, 0 run twice, 0 stuck', async (point) => {
    for (const name of HOSTS) seedHive(LAB, LAB_HOSTS.find((h) => h.name === name)!);
    const connector = await startCaptureConnector();
    const databaseFile = join(mkdtempSync(join(tmpdir(), 'rdsbot-kill-')), 'bot.sqlite');
    const port = await freePort();
    const post = (activity: Record<string, unknown>) =>
      postActivity(`http://127.0.0.1:${port}`, connector.serviceUrl, 'a:kill', activity);
    const click = (cardId: string, verb: string, data: Record<string, unknown>, id: string) =>
      post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id,
        replyToId: cardId,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
    let bot = await startBotProcess(port, databaseFile, { RDSBOT_CRASH_POINT: point });
    try {
      await post({ type: 'message', id: 'm-1', text: `reset the client license on ${HOSTS.join(' and ')}` });
      const plan = await connector.waitFor(
        (c: CapturedCall) => c.body?.type === 'message' && c.url.endsWith('/activities/m-1'),
      );
      const cardId = `act-${connector.calls.indexOf(plan) + 1}`;
      const confirm = (plan.body?.attachments as Array<{ content: Card }>)[0]!.content.actions!.find(
        (a) => a.title === 'Confirm',
      )!;
      await click(cardId, VERB.confirm, confirm.data, 'i-1').catch(() => undefined); // the bot may die mid-answer
      expect(await exited(bot)).not.toBe(0);
      tally.points += 1;

      bot = await startBotProcess(port, databaseFile);
      let states = await settled(databaseFile, (s) => s.length > 0 && s.every((state) => FINAL.includes(state)));
      const store = new SqliteStore(databaseFile, { now: () => new Date() });
      const first = await store.get(String(confirm.data.requestId));
      store.close();
      if (first?.state === 'failed') {
        // Interrupted with hosts not done: Resume (a fresh look), then Confirm the new plan.
        const resumed = (await (await click(cardId, VERB.resume, { requestId: first.id }, 'i-2')).json()) as {
          value: Card;
        };
        const again = resumed.value.actions?.find((a) => a.title === 'Confirm');
        expect(again).toBeDefined();
        await click(cardId, VERB.confirm, again!.data, 'i-3');
        states = await settled(
          databaseFile,
          (s) => s.filter((state) => state === 'succeeded').length === 1 && s.every((state) => FINAL.includes(state)),
        );
      }

      const stuck = states.filter((state) => !FINAL.includes(state)).length;
      const twice = HOSTS.filter((name) => changesOn(name) > 1).length;
      const lost = HOSTS.filter((name) => cachePresent(name)).length;
      // The store says "succeeded" a moment before the card is updated: wait for the card (or give up).
      const cardUpdate = (c: CapturedCall) => c.method === 'PUT' && c.url.endsWith(`/activities/${cardId}`);
      await connector
        .waitFor((c) => cardUpdate(c) && cardText(c.body?.attachments).includes('Done'), 30_000)
        .catch(() => undefined);
      const cards = connector.calls.filter(cardUpdate);
      const lastCard = cardText(cards.at(-1)?.body?.attachments);
      tally.stuck += stuck;
      tally.twice += twice;
      tally.lost += lost + (lastCard.includes('Done') ? 0 : 1);
      expect({ stuck, twice, lost, states }).toEqual({
        stuck: 0,
        twice: 0,
        lost: 0,
        states: expect.arrayContaining(['succeeded']),
      });
      expect(lastCard).toContain('Done');
      const audit = new SqliteStore(databaseFile, { now: () => new Date() });
      expect(verifyChain([...audit.auditRecords()])).toMatchObject({ ok: true });
      audit.close();
    } finally {
      bot.kill('SIGKILL');
      await exited(bot);
      await connector.close();
    }
  });
});
