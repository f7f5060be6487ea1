import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClientCredentialsFactory, TokenCredentials } from 'botframework-connector';

/**
 * A stand-in for the Bot Framework's token service, for the authenticated HTTP tier (issue 12): an
 * OpenID document and key set served on loopback, with keys the bot is told to trust in code
 * (startBot's `botFramework` override), and tokens signed as the channel signs them. Also the bot's
 * outbound credential, replaced by a canary token so a test can see where the bot sends it.
 */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const OUTBOUND_CANARY = 'canary-outbound-token-7f3a';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

function rsaKey(kid: string): SigningKey & { jwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, ...publicKey.export({ format: 'jwk' }) } };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWT with these claims (exp an hour ahead unless given), signed with `key`. */
export function signToken(key: SigningKey, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64({ nbf: now - 60, exp: now + 3600, ...claims })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key.privateKey).toString('base64url')}`;
}

/** The bot's outbound credential: every call it makes carries the canary instead of an Entra token. */
export class CanaryCredentials extends ServiceClientCredentialsFactory {
  constructor(private readonly botId: string) {
    super();
  }
  isValidAppId(appId = ''): Promise<boolean> {
    return Promise.resolve(appId === this.botId);
  }
  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }
  createCredentials(): Promise<TokenCredentials> {
    return Promise.resolve(new TokenCredentials(OUTBOUND_CANARY));
  }
}

export interface TestBotFramework {
  openIdMetadataUrl: string;
  /** Trusted, endorsed for msteams. */
  teamsKey: SigningKey;
  /** Trusted, but endorsed for webchat only. */
  webchatKey: SigningKey;
  /** Same key id as teamsKey, another key: a forged signature. */
  forgedKey: SigningKey;
  /** How often the bot fetched the key set. */
  keyFetches(): number;
  close(): Promise<void>;
}

export async function startTestBotFramework(): Promise<TestBotFramework> {
  const teams = rsaKey('test-msteams');
  const webchat = rsaKey('test-webchat');
  const forged = rsaKey('test-msteams');
  let fetches = 0;
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/keys` }));
    } else if (req.url === '/v1/keys') {
      fetches += 1;
      res.end(
        JSON.stringify({
          keys: [
            { ...teams.jwk, endorsements: ['msteams'] },
            { ...webchat.jwk, endorsements: ['webchat'] },
          ],
        }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    openIdMetadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    teamsKey: teams,
    webchatKey: webchat,
    forgedKey: forged,
    keyFetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
