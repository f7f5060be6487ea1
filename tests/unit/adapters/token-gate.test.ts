import { allowedServiceUrl, checkInboundToken } from '../../../adapters/teams/token-gate';

const BOT = '11111111-2222-3333-4444-555555555555';
const TEAMS = 'https://smba.trafficmanager.net/emea/';
const jwt = (claims: Record<string, unknown>) =>
  `Bearer e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const genuine = { iss: 'https://api.botframework.com', aud: BOT, serviceurl: TEAMS };
const why = (authorization: string | undefined, serviceUrl: unknown = TEAMS) => {
  const result = checkInboundToken(authorization, { serviceUrl }, { botId: BOT });
  return result.ok ? 'ok' : result.why;
};

describe('the token gate', () => {
  it('lets a Bot Framework token for this bot and this service URL through to the SDK', () => {
    expect(why(jwt(genuine))).toBe('ok');
    expect(why(jwt({ ...genuine, serviceurl: TEAMS.slice(0, -1) }))).toBe('ok'); // a trailing slash either way
  });

  it.each([
    ['no header', undefined, 'no bearer token'],
    ['a basic header', 'Basic dXNlcjpwYXNz', 'no bearer token'],
    ['a token that is not a JWT', 'Bearer abc', 'no bearer token'],
    ['a payload that is not JSON', 'Bearer e30.bm90LWpzb24.c2ln', 'not a JWT'],
    ['an Entra issuer', jwt({ ...genuine, iss: 'https://sts.windows.net/t/' }), 'issuer is not the Bot Framework'],
    ['another audience', jwt({ ...genuine, aud: 'someone-else' }), 'audience is not this bot'],
    [
      'another service URL',
      jwt({ ...genuine, serviceurl: 'https://smba.trafficmanager.net/amer/' }),
      "the activity's serviceUrl is not the token's",
    ],
  ])('refuses %s', (_what, header, reason) => {
    expect(why(header)).toBe(reason);
  });

  it.each([
    ['https://smba.trafficmanager.net/emea/', true],
    ['https://smba.trafficmanager.net.evil.example/', false],
    ['https://evil.example/?https://smba.trafficmanager.net/', false],
    ['https://user:pw@smba.trafficmanager.net/emea/', false],
    ['http://smba.trafficmanager.net/emea/', false],
    ['not a url', false],
    [42, false],
  ])('allows %s as a service URL: %s', (url, allowed) => {
    expect(allowedServiceUrl(url, ['https://smba.trafficmanager.net/'])).toBe(allowed);
  });
});
