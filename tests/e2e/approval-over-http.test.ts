import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { VERB } from '../../cards/verbs';
import { readFileSync } from 'node:fs';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import { labExecutor } from '../support/lab-executor';
import { localBotEnv, PLAYGROUND_ALEX, PLAYGROUND_TENANT, postActivity } from '../support/teams-http';
import { ROOT, TEST_AUDIT_DB, TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';
import { actionsOf, cardText } from '../support/turn-harness';
import { JsonInventory } from '../../adapters/inventory/json-config';

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };

// The people of config/policy.local.json.
const person = (n: number, name: string) => ({
  id: `user-id-${n}`,
  name,
  aadObjectId: `00000000-0000-0000-0000-00000000000${n}`,
});
const ISAIAH = person(23, 'Isaiah Langer'); // admin
const MEGAN = person(21, 'Megan Bowen'); // approver
const PATTI = person(24, 'Patti Fernandez'); // approver

const CHANNEL = {
  conversation: {
    id: '19:rds-approvals@thread.tacv2',
    conversationType: 'channel',
    tenantId: PLAYGROUND_TENANT,
    isGroup: true,
  },
  channelData: {
    tenant: { id: PLAYGROUND_TENANT },
    team: { id: '19:it-ops@thread.tacv2', name: 'IT Operations' },
    channel: { id: '19:rds-approvals@thread.tacv2', name: 'RDS approvals' },
  },
};

function cardOf(call: CapturedCall): Record<string, unknown> {
  return (
    (call.body?.attachments as Array<{ content: Record<string, unknown> }>)[0] as { content: Record<string, unknown> }
  ).content;
}

describe('approvals over real HTTP, run on a lab host over SSH', () => {
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof startCaptureConnector>>;
  let seq = 0;

  beforeAll(async () => {
    connector = await startCaptureConnector();
    bot = await startBot(readConfig(localBotEnv(ROOT, TEST_AUDIT_DB, { EXECUTION_TIMEOUT_MS: '30000' }), ROOT), {
      log: silentLogger,
    });
    // An admin picks the approvals channel, in the channel.
    const id = `m-${++seq}`;
    await postActivity(bot.url, connector.serviceUrl, CHANNEL.conversation.id, {
      type: 'message',
      id,
      text: '<at>RDS Licensing Bot</at> use this channel for approvals',
      from: ISAIAH,
      ...CHANNEL,
    });
    await connector.waitFor(
      (call) => call.url.endsWith(`/activities/${id}`) && cardText(cardOf(call)).includes('Approvals go here'),
    );
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  /** Alex says something in his 1:1 chat; resolves with the bot's card and that card's activity id. */
  async function say(text: string): Promise<Record<string, unknown> & { activityId: string }> {
    const id = `m-${++seq}`;
    const response = await postActivity(bot.url, connector.serviceUrl, 'a:e2e-approvals', {
      type: 'message',
      id,
      text,
    });
    expect(response.status).toBe(200);
    const call = await connector.waitFor(
      (c) => c.method === 'POST' && c.url.endsWith(`/activities/${id}`) && c.body?.type === 'message',
    );
    return { ...cardOf(call), activityId: `act-${connector.calls.indexOf(call) + 1}` };
  }

  async function click(
    verb: string,
    data: unknown,
    replyToId: string,
    who: typeof MEGAN | typeof PLAYGROUND_ALEX = PLAYGROUND_ALEX,
  ): Promise<unknown> {
    const inChannel = who === PLAYGROUND_ALEX ? {} : CHANNEL;
    const response = await postActivity(
      bot.url,
      connector.serviceUrl,
      who === PLAYGROUND_ALEX ? 'a:e2e-approvals' : CHANNEL.conversation.id,
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `i-${++seq}`,
        replyToId,
        from: who,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...inChannel,
      },
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { value: unknown }).value;
  }

  /** The newest approval card the bot posted in the channel, and its activity id. */
  async function approvalCardPosted(after: number): Promise<{ card: Record<string, unknown>; id: string }> {
    const call = await connector.waitFor(
      (c) =>
        connector.calls.indexOf(c) >= after &&
        c.method === 'POST' &&
        c.url.includes(`/conversations/${CHANNEL.conversation.id}/activities`) &&
        cardText(cardOf(c)).includes('Approval needed'),
    );
    return { card: cardOf(call), id: `act-${connector.calls.indexOf(call) + 1}` };
  }

  it('a grace reset on RDSH-LAB-02: helpdesk asks with a justification, two approvers approve, the lab host is reset', async () => {
    seedHive(lab, LAB_HOSTS.find((h) => h.name === 'RDSH-LAB-02')!);
    const plan = await say('reset the grace period on RDSH-LAB-02');
    expect(cardText(plan)).toContain('needs 2 different approvers');
    const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
    const mark = connector.calls.length;
    const waiting = await click(
      VERB.submit,
      { ...submit?.data, justification: 'Lab rebuild CHG-2201' },
      plan.activityId,
    );
    expect(cardText(waiting)).toContain('Waiting for approval');

    const posted = await approvalCardPosted(mark);
    expect(cardText(posted.card)).toContain('Lab rebuild CHG-2201');
    expect(actionsOf(posted.card)).toEqual([]); // everyone sees the status; approvers get buttons by refresh
    const refresh = (posted.card as { refresh?: { userIds?: string[] } }).refresh;
    expect(refresh?.userIds?.sort()).toEqual([`29:${MEGAN.aadObjectId}`, `29:${PATTI.aadObjectId}`]);
    // The approvers are @mentioned on the first post, so Teams notifies them.
    const mentioned = (posted.card as { msteams?: { entities: Array<{ mentioned: { id: string } }> } }).msteams;
    expect(mentioned?.entities.map((entity) => entity.mentioned.id).sort()).toEqual(refresh?.userIds?.sort());

    const meganView = await click(VERB.refresh, { requestId: submit?.data.requestId }, posted.id, MEGAN);
    const approve = actionsOf(meganView).find((action) => action.title === 'Approve');
    expect(cardText(await click(VERB.approve, approve?.data, posted.id, MEGAN))).toContain('still needs 1 more');
    expect(cardText(await click(VERB.approve, approve?.data, posted.id, PATTI))).toContain('Approved');

    const done = await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.url.endsWith(`/activities/${posted.id}`) &&
        cardText(cardOf(c)).includes('Approved and done'),
      60_000,
    );
    expect(cardText(cardOf(done))).toContain('Megan Bowen');
    expect(cardText(cardOf(done))).toContain('Patti Fernandez');
    await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.url.endsWith(`/activities/${plan.activityId}`) &&
        cardText(cardOf(c)).includes('Done: Reset the grace period'),
    );

    // The host really was reset: the timebomb value is gone from the lab host's registry.
    const registry = JSON.parse(readFileSync(hiveFile(lab, 'RDSH-LAB-02'), 'utf8')).registry as Record<
      string,
      { values?: Record<string, unknown> }
    >;
    const grace = registry['HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM\\GracePeriod'];
    expect(Object.keys(grace?.values ?? {}).some((name) => name.startsWith('L$RTMTIMEBOMB'))).toBe(false);

    // The second grace reset within 120 days is refused at once.
    expect(cardText(await say('reset the grace period on RDSH-LAB-02'))).toContain('at most once every 120 days');

    // Undoing it needs the same two approvers; the key comes back with its owner (NETWORK SERVICE).
    const undo = await say('undo the last change on RDSH-LAB-02');
    expect(cardText(undo)).toContain('Undoes');
    expect(cardText(undo)).toContain('needs 2 different approvers');
    const undoSubmit = actionsOf(undo).find((action) => action.title === 'Ask for approval');
    const undoMark = connector.calls.length;
    await click(VERB.submit, { ...undoSubmit?.data, justification: 'Undo the lab reset' }, undo.activityId);
    const undoCard = await approvalCardPosted(undoMark);
    await click(VERB.approve, undoSubmit?.data, undoCard.id, MEGAN);
    await click(VERB.approve, undoSubmit?.data, undoCard.id, PATTI);
    await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.url.endsWith(`/activities/${undoCard.id}`) &&
        cardText(cardOf(c)).includes('Approved and done'),
      60_000,
    );
    const restored = JSON.parse(readFileSync(hiveFile(lab, 'RDSH-LAB-02'), 'utf8')).registry as Record<
      string,
      { owner?: string; values?: Record<string, unknown> }
    >;
    const back = restored['HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM\\GracePeriod'];
    expect(Object.keys(back?.values ?? {}).some((name) => name.startsWith('L$RTMTIMEBOMB'))).toBe(true);
    expect(back?.owner).toBe('S-1-5-20');
  });

  it('voids an approval when the host changed after it (real drift on the lab host) and asks again', async () => {
    seedHive(lab, LAB_HOSTS.find((h) => h.name === 'RDSH-LAB-02')!);
    const plan = await say('set RDSH-LAB-02 to per user');
    expect(cardText(plan)).toContain('→ PerUser');
    const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
    const mark = connector.calls.length;
    await click(VERB.submit, { ...submit?.data, justification: 'INC-8812' }, plan.activityId);
    const posted = await approvalCardPosted(mark);

    // Someone at the console sets per device meanwhile.
    const inventory = JsonInventory.load(process.env.RDSBOT_TEST_INVENTORY as string);
    await labExecutor(30_000).run({
      requestId: 'e2e-console',
      host: inventory.find('RDSH-LAB-02')!,
      operation: 'rdsh.set_licensing_mode',
      params: { mode: 'PerDevice' },
      whatIf: false,
    });

    const next = connector.calls.length;
    expect(cardText(await click(VERB.approve, submit?.data, posted.id, MEGAN))).toContain('Approved');
    await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.url.endsWith(`/activities/${posted.id}`) &&
        cardText(cardOf(c)).includes('Void: the hosts changed'),
      60_000,
    );
    const fresh = await approvalCardPosted(next);
    expect(cardText(fresh.card)).toContain('PerDevice → PerUser');
    expect(cardText(fresh.card)).toContain('INC-8812');
  });
});
