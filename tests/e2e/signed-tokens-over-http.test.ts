import { createHmac, randomUUID } from 'node:crypto';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { type CapturedCall, startCaptureConnector } from '../support/capture-connector';
import {
  CanaryCredentials,
  CHANNEL_ISSUER,
  OUTBOUND_CANARY,
  signToken,
  startTestBotFramework,
  type TestBotFramework,
} from '../support/test-bot-framework';
import { PLAYGROUND_ALEX, PLAYGROUND_TENANT, teamsBotEnv } from '../support/teams-http';
import { ROOT, TEST_AUDIT_DB } from '../support/test-paths';
import { cardText } from '../support/turn-harness';

/**
 * The authenticated path end to end (issue 12): the real restify server, the token gate and
 * botbuilder's CloudAdapter verifying tokens signed with a test key that stands in for the Bot
 * Framework's, and the bot's outbound token replaced by a canary. An attempt "got through" when it was
 * answered below 400 or anything reached the sender's own server.
 */
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const GENERIC_401 = JSON.stringify({ code: 'unauthorized', message: 'Unauthorized.' });

type Connector = Awaited<ReturnType<typeof startCaptureConnector>>;

let tried = 0;
let through = 0;

describe('signed tokens over real HTTP, with a test key standing in for the Bot Framework', () => {
  let framework: TestBotFramework;
  let teams: Connector;
  let sender: Connector;
  let bot: RunningBot;
  let seq = 0;

  beforeAll(async () => {
    framework = await startTestBotFramework();
    teams = await startCaptureConnector();
    sender = await startCaptureConnector();
    const config = readConfig(teamsBotEnv(ROOT, TEST_AUDIT_DB, BOT_ID), ROOT);
    bot = await startBot(
      { ...config, execution: { ...config.execution, checkingCardMs: 60_000 } },
      {
        log: silentLogger,
        botFramework: {
          openIdMetadataUrl: framework.openIdMetadataUrl,
          credentials: new CanaryCredentials(BOT_ID),
          serviceUrls: [teams.serviceUrl],
        },
      },
    );
  });
  afterAll(async () => {
    await bot.close();
    await Promise.all([teams.close(), sender.close(), framework.close()]);
    console.log(`signed tokens: ${tried} tried, ${through} got through`);
  });

  const channelClaims = (serviceurl = teams.serviceUrl) => ({ iss: CHANNEL_ISSUER, aud: BOT_ID, serviceurl });

  function post(token: string, activity: Record<string, unknown> = {}) {
    const id = `m-${++seq}`;
    const response = fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'message',
        id,
        channelId: 'msteams',
        text: 'reset the client license on PC-042',
        serviceUrl: teams.serviceUrl,
        from: PLAYGROUND_ALEX,
        recipient: { id: `28:${BOT_ID}`, name: 'RDS Licensing Bot' },
        conversation: { id: 'a:signed', conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
        channelData: { tenant: { id: PLAYGROUND_TENANT } },
        ...activity,
      }),
    });
    return { id, response };
  }

  const replyTo = (id: string) => (call: CapturedCall) =>
    call.method === 'POST' && call.url.endsWith(`/activities/${id}`) && call.body?.type === 'message';

  it('answers a genuine Teams activity, and sends its own token only to the vouched service URL', async () => {
    const { id, response } = post(signToken(framework.teamsKey, channelClaims()));
    expect((await response).status).toBe(200);
    const reply = await teams.waitFor(replyTo(id), 60_000);
    expect(cardText((reply.body?.attachments as Array<{ content: unknown }>)[0]?.content)).toContain('PC-042');
    expect(reply.authorization).toBe(`Bearer ${OUTBOUND_CANARY}`);
    expect(sender.calls).toEqual([]);
  }, 90_000);

  it.each([
    ['of another tenant', { tenantId: randomUUID(), aadObjectId: randomUUID() }],
    ['with no role', { tenantId: PLAYGROUND_TENANT, aadObjectId: randomUUID() }],
  ])(
    'tells a genuinely signed user %s nothing about hosts',
    async (_who, { tenantId, aadObjectId }) => {
      const { id, response } = post(signToken(framework.teamsKey, channelClaims()), {
        text: 'set the license servers on RDSH01 to LS1',
        from: { id: `29:${aadObjectId}`, name: 'Mallory', aadObjectId },
        conversation: { id: 'a:stranger', conversationType: 'personal', tenantId },
        channelData: { tenant: { id: tenantId } },
      });
      tried += 1;
      expect((await response).status).toBe(200);
      const answer = cardText((await teams.waitFor(replyTo(id))).body);
      if (/RDSH|PC-0|LS\d/.test(answer)) through += 1;
      expect(answer).not.toMatch(/RDSH|PC-0|LS\d/);
    },
    30_000,
  );

  const now = Math.floor(Date.now() / 1000);
  const refusals: Array<{ what: string; token: () => string; extra?: () => Record<string, unknown> }> = [
    {
      what: 'an Entra-signed emulator-shaped token with a forged object id and a service URL of the sender',
      token: () =>
        signToken(framework.teamsKey, {
          iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
          aud: BOT_ID,
          ver: '1.0',
          appid: BOT_ID,
          serviceurl: sender.serviceUrl,
        }),
      extra: () => ({ serviceUrl: sender.serviceUrl, from: { ...PLAYGROUND_ALEX, aadObjectId: randomUUID() } }),
    },
    {
      what: "a genuine token for Teams, with the sender's server as the body's service URL",
      token: () => signToken(framework.teamsKey, channelClaims()),
      extra: () => ({ serviceUrl: sender.serviceUrl }),
    },
    {
      what: "a genuinely signed token naming the sender's server in both claim and body",
      token: () => signToken(framework.teamsKey, channelClaims(sender.serviceUrl)),
      extra: () => ({ serviceUrl: sender.serviceUrl }),
    },
    {
      what: 'a forged signature under the trusted key id',
      token: () => signToken(framework.forgedKey, channelClaims()),
    },
    { what: "the bot's own outbound token sent back to it", token: () => OUTBOUND_CANARY },
    {
      what: 'a token that expired ten minutes ago',
      token: () => signToken(framework.teamsKey, { ...channelClaims(), exp: now - 600 }),
    },
    {
      what: 'a token valid only ten minutes from now',
      token: () => signToken(framework.teamsKey, { ...channelClaims(), nbf: now + 600 }),
    },
    {
      what: 'a genuine token for another bot',
      token: () => signToken(framework.teamsKey, { ...channelClaims(), aud: randomUUID() }),
    },
    {
      what: 'a key endorsed for webchat only, on a Teams activity',
      token: () => signToken(framework.webchatKey, channelClaims()),
    },
    {
      what: 'a skill-shaped token',
      token: () => signToken(framework.teamsKey, { ...channelClaims(), ver: '1.0', appid: randomUUID() }),
    },
    {
      what: 'an unsigned token (alg none)',
      token: () => {
        const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...channelClaims(), exp: now + 3600 })}.`;
      },
    },
    {
      what: 'HS256 with a guessable secret',
      token: () => {
        const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const body = `${part({ alg: 'HS256', typ: 'JWT', kid: framework.teamsKey.kid })}.${part({ ...channelClaims(), exp: now + 3600 })}`;
        return `${body}.${createHmac('sha256', 'secret').update(body).digest('base64url')}`;
      },
    },
  ];

  it.each(refusals)(
    'refuses $what with a generic 401, and nothing reaches the sender',
    async ({ token, extra }) => {
      const callsBefore = teams.calls.length;
      const { response } = post(token(), extra?.());
      const answer = await response;
      const body = await answer.text();
      tried += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (answer.status < 400 || sender.calls.length > 0) through += 1;
      expect({ status: answer.status, body }).toEqual({ status: 401, body: GENERIC_401 });
      expect(sender.calls).toEqual([]);
      expect(teams.calls.length).toBe(callsBefore);
    },
    30_000,
  );
});
