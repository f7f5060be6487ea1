import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedCall {
  method: string;
  url: string;
  body: Record<string, unknown> | undefined;
  at: number;
  /** The Authorization header the bot sent (its outbound credential). */
  authorization?: string;
  /** The call was answered 429 with this Retry-After (seconds), as Teams throttles a chatty bot. */
  throttled?: number;
}

/**
 * A stand-in for the Bot Connector service: records every call the bot makes to its serviceUrl and
 * answers like the connector does ({ id } for new activities).
 */
export async function startCaptureConnector(): Promise<{
  serviceUrl: string;
  calls: CapturedCall[];
  waitFor(predicate: (call: CapturedCall) => boolean, timeoutMs?: number): Promise<CapturedCall>;
  /** The next call matching `predicate` is answered 429 with `Retry-After: seconds`. */
  throttleNext(predicate: (call: CapturedCall) => boolean, seconds: number): void;
  close(): Promise<void>;
}> {
  const calls: CapturedCall[] = [];
  const waiters: Array<() => void> = [];
  const throttles: Array<{ predicate: (call: CapturedCall) => boolean; seconds: number }> = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const call: CapturedCall = {
        method: req.method ?? '',
        url: decodeURIComponent(req.url ?? ''),
        body: text ? JSON.parse(text) : undefined,
        at: Date.now(),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      };
      calls.push(call);
      waiters.splice(0).forEach((wake) => wake());
      const throttle = throttles.findIndex((t) => t.predicate(call));
      if (throttle >= 0) {
        const [{ seconds }] = throttles.splice(throttle, 1) as unknown as [{ seconds: number }];
        call.throttled = seconds;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(seconds) });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'throttled' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      // A roster lookup (TeamsInfo.getMember by Entra object id): a member whose Teams id is "29:<oid>".
      const member = req.method === 'GET' ? /\/members\/([^/?]+)$/.exec(decodeURIComponent(req.url ?? '')) : null;
      res.end(
        JSON.stringify(
          member
            ? {
                id: `29:${member[1]}`,
                name: `Member ${(member[1] ?? '').slice(-2)}`,
                aadObjectId: member[1],
                userRole: 'user',
              }
            : { id: `act-${calls.length}` },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    async waitFor(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('the bot did not make the expected connector call');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    throttleNext(predicate, seconds) {
      throttles.push({ predicate, seconds });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
