import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/notify';

export interface ReceivedSms {
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly body: { id: string; kind: string; to: string; text: string };
}

/**
 * A gateway on 127.0.0.1 that checks the HMAC signature like a real receiver would (401 when it
 * does not verify), then answers by path: /ok 200, /fail 500, /bad 400, /busy 429, /timeout 408,
 * /slow never, /script the next status queued in `script`.
 */
export class TestGateway {
  readonly received: ReceivedSms[] = [];
  readonly script: number[] = [];
  private readonly held: ServerResponse[] = [];
  private readonly server: Server;

  private constructor(private readonly secret: Buffer) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
  }

  static async start(secret: Buffer): Promise<TestGateway> {
    const gateway = new TestGateway(secret);
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
    return gateway;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const header = req.headers['x-signature'];
    const check = verifySignature(
      this.secret,
      Array.isArray(header) ? header[0] : header,
      raw,
      Math.floor(Date.now() / 1000),
    );
    if (!check.ok || req.method !== 'POST') {
      res.writeHead(401).end();
      return;
    }
    const path = req.url ?? '/';
    this.received.push({
      path,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      body: JSON.parse(raw),
    });
    if (path === '/slow') {
      this.held.push(res);
      return;
    }
    const status =
      path === '/script'
        ? (this.script.shift() ?? 200)
        : (
            { '/ok': 200, '/fail': 500, '/bad': 400, '/busy': 429, '/timeout': 408 } as Record<string, number>
          )[path];
    if (status === 429) res.setHeader('retry-after', '120');
    res.writeHead(status ?? 404).end('{}');
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
