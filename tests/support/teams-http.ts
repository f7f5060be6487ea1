import { createServer } from 'node:net';

/** The Agents Playground's tenant and current user (config/policy.local.json gives Alex the helpdesk role). */
export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
export const PLAYGROUND_ALEX = {
  id: 'user-id-0',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Posts a Teams activity (as Alex in a 1:1 chat, replies going to `serviceUrl`) to a bot's
 * /api/messages; `activity` fills in or overrides the rest.
 */
export function postActivity(
  botUrl: string,
  serviceUrl: string,
  conversationId: string,
  activity: Record<string, unknown>,
): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl,
      from: PLAYGROUND_ALEX,
      recipient: { id: '28:bot', name: 'RDS Licensing Bot' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
      channelData: { tenant: { id: PLAYGROUND_TENANT } },
      ...activity,
    }),
  });
}

/** Environment for a local-mode bot on the test lab, writing to the given database. */
export function localBotEnv(root: string, databaseFile: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    RDSBOT_LOCAL: '1',
    PORT: '0',
    INVENTORY_FILE: process.env.RDSBOT_TEST_INVENTORY,
    POLICY_FILE: `${root}/config/policy.local.json`,
    DATABASE_FILE: databaseFile,
    // The e2e tests read a message's first reply; the "Checking…" card that may precede it on a cold
    // host read has its own test (checking-card-over-http), which sets this low.
    CHECKING_CARD_MS: '60000',
    ...extra,
  };
}

/** Environment for a Teams-mode bot (a bot id, no real secret) on 127.0.0.1, writing to the given database. */
export function teamsBotEnv(root: string, databaseFile: string, botId: string): NodeJS.ProcessEnv {
  return {
    BOT_ID: botId,
    BOT_PASSWORD: 'not-a-real-secret',
    HOST: '127.0.0.1',
    PORT: '0',
    INVENTORY_FILE: process.env.RDSBOT_TEST_INVENTORY,
    POLICY_FILE: `${root}/config/policy.local.json`,
    DATABASE_FILE: databaseFile,
  };
}
