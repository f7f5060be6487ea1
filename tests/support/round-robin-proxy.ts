import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small load balancer in front of several bot instances, as Azure Bot Service is: each request goes to
 * the next instance in turn; an instance that refuses the connection (killed) is skipped, as a health
 * probe would take it out. Counts what each instance served.
 */
export async function startRoundRobin(
  targets: string[],
): Promise<{ url: string; served: number[]; close(): Promise<void> }> {
  let next = 0;
  const served = targets.map(() => 0);
  // An instance that fails the request (refused, or died holding it) is skipped: the request goes to the
  // next one, as a load balancer retrying on another backend would. The bot's actions are idempotent.
  const forward = (
    body: Buffer,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    first: number,
    tries: number,
  ): void => {
    const index = (first + tries) % targets.length;
    const target = new URL(req.url ?? '/', targets[index]);
    const out = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      served[index] = (served[index] ?? 0) + 1;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => {
      if (res.headersSent) return res.destroy();
      if (tries + 1 < targets.length) forward(body, req, res, first, tries + 1);
      else {
        res.writeHead(502);
        res.end();
      }
    });
    out.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(Buffer.concat(chunks), req, res, next++ % targets.length, 0));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
