import { randomUUID } from 'node:crypto';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { localBotEnv, PLAYGROUND_ALEX, postActivity, teamsBotEnv } from '../support/teams-http';
import { ROOT, TEST_AUDIT_DB } from '../support/test-paths';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TEAMS = 'https://smba.trafficmanager.net/emea/';

/** A token shaped as the caller likes, signed with nothing the bot trusts (the gate reads claims only). */
function token(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${part({ exp: Date.now() / 1000 + 3600, ...claims })}.c2lnbmF0dXJl`;
}

const genuine = { iss: 'https://api.botframework.com', aud: BOT_ID, serviceurl: TEAMS };

let tried = 0;
let through = 0;

describe('the token gate in Teams mode, over real HTTP', () => {
  let bot: RunningBot;
  const post = async (authorization: string | undefined, serviceUrl = TEAMS, contentType = 'application/json') => {
    tried += 1;
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        text: 'reset the client license on PC-042',
        serviceUrl,
        from: PLAYGROUND_ALEX,
        conversation: { id: 'a:x', tenantId: 't' },
        recipient: { id: `28:${BOT_ID}` },
      }),
    });
    const body = await response.text();
    if (response.status < 400) through += 1;
    return { status: response.status, body };
  };

  beforeAll(async () => {
    bot = await startBot(readConfig(teamsBotEnv(ROOT, TEST_AUDIT_DB, BOT_ID), ROOT), { log: silentLogger });
  });
  afterAll(async () => {
    await bot.close();
    console.log(`token gate: ${tried} tried, ${through} got through`);
  });

  it.each([
    [
      'an emulator-shaped Entra token for the bot',
      { ...genuine, iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/' },
    ],
    ['a token for another bot', { ...genuine, aud: '99999999-2222-3333-4444-555555555555' }],
    [
      "a token naming another service URL than the body's",
      { ...genuine, serviceurl: 'https://smba.trafficmanager.net/amer/' },
    ],
    ['a token without a service URL', { iss: genuine.iss, aud: BOT_ID }],
  ])('refuses %s with a generic 401, before the SDK', async (_what, claims) => {
    const answer = await post(`Bearer ${token(claims)}`);
    expect(answer).toEqual({ status: 401, body: JSON.stringify({ code: 'unauthorized', message: 'Unauthorized.' }) });
  });

  it("refuses a service URL of the sender's choosing, even when the token names the same one", async () => {
    const evil = 'https://collector.example.net/';
    expect((await post(`Bearer ${token({ ...genuine, serviceurl: evil })}`, evil)).status).toBe(401);
    const lookalike = 'https://smba.trafficmanager.net.example.net/';
    expect((await post(`Bearer ${token({ ...genuine, serviceurl: lookalike })}`, lookalike)).status).toBe(401);
    const http = 'http://smba.trafficmanager.net/emea/';
    expect((await post(`Bearer ${token({ ...genuine, serviceurl: http })}`, http)).status).toBe(401);
  });

  it("answers a token with the right claims and a bad signature with a generic body, not the library's text", async () => {
    const answer = await post(`Bearer ${token(genuine)}`);
    expect([401, 500]).toContain(answer.status);
    expect(answer.body).not.toMatch(/signature|appId|jwt|token|openid|fetch/i);
  }, 60_000);

  it('refuses a body that is not application/json with 415', async () => {
    expect((await post(`Bearer ${token(genuine)}`, TEAMS, 'text/plain')).status).toBe(415);
    expect((await post(`Bearer ${token(genuine)}`, TEAMS, 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it("keeps botbuilder's issuer list as it was after 10,000 tokens with new tenant ids", async () => {
    const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
    const before = issuers.length;
    const statuses = new Set<number>();
    for (let batch = 0; batch < 100; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => {
          const tid = randomUUID();
          return post(`Bearer ${token({ ...genuine, iss: `https://sts.windows.net/${tid}/`, tid })}`);
        }),
      );
      answers.forEach((answer) => statuses.add(answer.status));
    }
    expect([...statuses]).toEqual([401]);
    expect(issuers.length).toBe(before);
  }, 120_000);
});

describe('local mode, over real HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(readConfig(localBotEnv(ROOT, TEST_AUDIT_DB), ROOT), { log: silentLogger });
  });
  afterAll(() => bot.close());

  it('refuses a form post, which any web page could send cross-site without a preflight, with 415', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=reset+the+client+license+on+PC-042&from[aadObjectId]=x&serviceUrl=http://127.0.0.1:9/',
    });
    expect(response.status).toBe(415);
  });

  it.each([
    ['another machine', 'https://attacker.example/'],
    ['a look-alike of loopback', 'http://127.0.0.1.attacker.example/'],
    ['loopback with credentials', 'http://user:pw@127.0.0.1:9/'],
    ['not a URL', 'javascript:alert(1)'],
  ])('answers only the local chat: a reply URL on %s is refused with 403', async (_what, serviceUrl) => {
    const response = await postActivity(bot.url, serviceUrl, 'a:local', {
      type: 'message',
      id: 'm-local',
      text: "what's wrong with RDSH01?",
    });
    expect(response.status).toBe(403);
  });
});
