import { readFileSync } from 'node:fs';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { VERB } from '../../cards/verbs';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { ROOT, TEST_AUDIT_DB, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { localBotEnv, PLAYGROUND_ALEX, postActivity, teamsBotEnv } from '../support/teams-http';
import { actionsOf, cardText } from '../support/turn-harness';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

function localConfig() {
  return readConfig(localBotEnv(ROOT, TEST_AUDIT_DB, { EXECUTION_TIMEOUT_MS: '30000' }), ROOT);
}

describe('the bot over real HTTP, with a capture server as the Bot Connector', () => {
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof startCaptureConnector>>;
  let seq = 0;

  beforeAll(async () => {
    connector = await startCaptureConnector();
    bot = await startBot(localConfig(), { log: silentLogger });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => seedHive(lab, LAB_HOSTS.find((h) => h.name === 'PC-042')!));

  function post(activity: Record<string, unknown>): Promise<Response> {
    return postActivity(bot.url, connector.serviceUrl, 'a:e2e-chat', activity);
  }

  async function say(text: string): Promise<CapturedCall> {
    const id = `m-${++seq}`;
    const response = await post({ type: 'message', id, text });
    expect(response.status).toBe(200);
    return connector.waitFor(
      (call) => call.method === 'POST' && call.url.endsWith(`/activities/${id}`) && call.body?.type === 'message',
    );
  }

  function cardOf(call: CapturedCall): Record<string, unknown> {
    return (
      (call.body?.attachments as Array<{ content: Record<string, unknown> }>)[0] as { content: Record<string, unknown> }
    ).content;
  }

  it('plans, confirms, runs on the lab host and updates the card with the result', async () => {
    const planned = await say('reset the client license on PC-042');
    const plan = cardOf(planned);
    expect(cardText(plan)).toContain('present (subkeys: HardwareID, Store)');
    const cardId = `act-${connector.calls.indexOf(planned) + 1}`;
    const confirm = (plan.actions as Array<{ title: string; data: unknown }>).find((a) => a.title === 'Confirm');

    const clickedAt = Date.now();
    const invoke = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++seq}`,
      replyToId: cardId,
      value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm?.data }, trigger: 'manual' },
    });
    expect(invoke.status).toBe(200);
    const body = (await invoke.json()) as { statusCode: number; type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Running');

    const result = await connector.waitFor(
      (call) =>
        call.method === 'PUT' && call.url.endsWith(`/activities/${cardId}`) && cardText(cardOf(call)).includes('Done'),
    );
    const confirmToResultMs = Date.now() - clickedAt;
    expect(cardText(cardOf(result))).toContain('Run Remote Desktop Connection once as administrator');
    console.log(`e2e: Confirm -> result card on one lab host took ${confirmToResultMs} ms`);
    const registry = JSON.parse(readFileSync(hiveFile(lab, 'PC-042'), 'utf8')).registry as Record<string, unknown>;
    expect(Object.keys(registry).some((key) => key.includes('MSLicensing'))).toBe(false);

    // Teams re-delivers the click: the answer is the finished card, and nothing runs again.
    const again = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++seq}`,
      replyToId: cardId,
      value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm?.data }, trigger: 'manual' },
    });
    expect(cardText(((await again.json()) as { value: unknown }).value)).toContain('Done');
    await bot.background.idle();
    const audit = new SqliteStore(TEST_AUDIT_DB, { now: () => new Date() });
    const requestId = (confirm?.data as { requestId: string }).requestId;
    const started = [...audit.auditRecords()].filter(
      (r) => r.requestId === requestId && r.kind === 'execution.started',
    );
    audit.close();
    expect(started).toHaveLength(1);
  });

  it('waits out a 429 from Teams for as long as its Retry-After says, and the result card still comes last', async () => {
    const planned = await say('reset the client license on PC-042');
    const plan = cardOf(planned);
    const cardId = `act-${connector.calls.indexOf(planned) + 1}`;
    const confirm = (plan.actions as Array<{ title: string; data: unknown }>).find((a) => a.title === 'Confirm');
    const update = (call: CapturedCall) => call.method === 'PUT' && call.url.endsWith(`/activities/${cardId}`);
    connector.throttleNext((call) => update(call) && cardText(cardOf(call)).includes('Done'), 1);
    await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `i-${++seq}`,
      replyToId: cardId,
      value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: confirm?.data }, trigger: 'manual' },
    });
    const result = await connector.waitFor(
      (call) => update(call) && !call.throttled && cardText(cardOf(call)).includes('Done'),
    );
    const throttled = connector.calls.find((call) => update(call) && call.throttled);
    expect(throttled).toBeDefined();
    // The connector client retried the throttled update once Retry-After had passed, and it came last.
    const updates = connector.calls.filter(update);
    expect(updates.indexOf(result)).toBe(updates.length - 1);
    expect(result.at - (throttled as CapturedCall).at).toBeGreaterThanOrEqual(950);
  });

  it('reads a session host at once and answers with what it found (real pwsh over SSH)', async () => {
    seedHive(lab, LAB_HOSTS.find((h) => h.name === 'RDSH-LAB-02')!);
    const reply = await say('why can\'t users log in to RDSH-LAB-02 — "no Remote Desktop License Servers available"');
    const text = cardText(cardOf(reply));
    expect(text).toContain('Diagnosis: RDSH-LAB-02');
    expect(text).toContain('Most likely cause: the licensing mode is not set. Also: no license server is set');
    expect(actionsOf(cardOf(reply)).map((action) => action.title)).toContain('Set the license servers to LS1');
    const events = await say('any 1128/1130 events on RDSH-LAB-02?');
    expect(cardText(cardOf(events))).toContain('No license server is specified for this host.');
  });

  it('answers an unknown host with a question, not a plan', async () => {
    const reply = await say('reset the client license on PC-999');
    expect(cardText(cardOf(reply))).toContain('Which computer?');
  });

  it('answers 400 to a body that is not JSON, has no activity type, or repeats a key', async () => {
    const notJson = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    const noType = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noType.status).toBe(400);
    // {"verb":"deny","verb":"approve"}: JSON.parse would keep the last; the bot refuses the ambiguity.
    const duplicate = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"approval.reject","verb":"approval.approve","data":{}}}}',
    });
    expect(duplicate.status).toBe(400);
  });
});

describe('the bot with a BOT_ID (Teams mode)', () => {
  it('refuses requests without a valid Bot Framework token with 401, before any route runs', async () => {
    const bot = await startBot(
      readConfig(teamsBotEnv(ROOT, TEST_AUDIT_DB, '11111111-2222-3333-4444-555555555555'), ROOT),
      { log: silentLogger },
    );
    try {
      const activity = {
        type: 'message',
        channelId: 'msteams',
        text: 'reset the client license on PC-042',
        serviceUrl: 'http://127.0.0.1:9/',
        from: PLAYGROUND_ALEX,
        conversation: { id: 'a:x' },
        recipient: { id: 'b' },
      };
      const none = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      expect(none.status).toBe(401);
      const bogus = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-jwt' },
        body: JSON.stringify(activity),
      });
      expect(bogus.status).toBe(401);
    } finally {
      await bot.close();
    }
  });
});
